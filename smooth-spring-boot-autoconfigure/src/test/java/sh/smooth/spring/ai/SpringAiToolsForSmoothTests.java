/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package sh.smooth.spring.ai;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.ai.autoconfigure.SmoothAiAutoConfiguration;
import sh.smooth.spring.support.ExpectedLog;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskStatus;
import sh.smooth.spring.test.Route;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;
import sh.smooth.spring.test.ToolAnswer;
import sh.smooth.spring.tool.ToolRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Spring AI {@code @Tool} method serves the Smooth agent too: offered per task or by
 * default, called exactly once per {@code tool_call} event, and answered.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class SpringAiToolsForSmoothTests {

	private final ApplicationContextRunner runner = SimulatorRig.runner()
		.withConfiguration(AutoConfigurations.of(SmoothAiAutoConfiguration.class))
		.withUserConfiguration(WeatherConfiguration.class);

	@Test
	void aToolMethodIsCalledByTheAgentExactlyOnceAndAnswered(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("weather"))
			.runningAfter(Duration.ZERO)
			.toolCall("currentWeather", Map.of("city", "Paris"))
			.doneAfter(Duration.ZERO);
		this.runner.withPropertyValues(SimulatorRig.properties(sim)).run((context) -> {
			SmoothOperations smooth = context.getBean(SmoothOperations.class);
			ToolCallbackProvider weather = context.getBean("weatherTools", ToolCallbackProvider.class);
			SmoothTask task = SmoothTask.builder("check the weather and plan a trip")
				.browser((b) -> b.tools(SpringAiToolSelection.of(weather)))
				.build();
			assertThat(smooth.run(task).status()).isEqualTo(TaskStatus.DONE);

			String taskId = sim.taskIds().get(0);
			JsonNode tools = sim.requests(Route.CREATE_TASK).get(0).body().get("custom_tools");
			// the provider's tools, and no others
			assertThat(tools).extracting((tool) -> tool.get("name").asString())
				.containsExactly("currentWeather", "forecast");
			assertThat(tools.get(0).get("description").asString()).isEqualTo("The weather in a city now");
			assertThat(tools.get(0).get("inputs").get("properties").get("city").get("description").asString())
				.isEqualTo("City name");
			assertThat(tools.get(0).get("inputs").get("required")).hasSize(1);

			WeatherTools bean = context.getBean(WeatherTools.class);
			assertThat(bean.calls).hasValue(1);
			List<ToolAnswer> answers = sim.allToolAnswers(taskId);
			assertThat(answers).hasSize(1);
			assertThat(answers.get(0).code()).isEqualTo(200);
			assertThat(answers.get(0).output().get("city").asString()).isEqualTo("Paris");
			assertThat(answers.get(0).output().get("celsius").asInt()).isEqualTo(21);
			sim.assertNoUnansweredToolCalls();
			assertThat(sim.duplicateToolAnswers()).isEmpty();
		});
	}

	@Test
	@ExpectedLog(logger = "sh.smooth.spring.tool.ToolCallRun", message = "Smooth tool 'forecast' failed",
			why = "the @Tool method 'forecast' throws, to check the answer the agent gets")
	void aFailingToolMethodIsAnsweredWithCode400AndItsMessage(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("forecast"))
			.runningAfter(Duration.ZERO)
			.toolCall("forecast", Map.of("city", "Atlantis"))
			.doneAfter(Duration.ZERO);
		this.runner.withPropertyValues(SimulatorRig.properties(sim)).run((context) -> {
			SmoothTask task = SmoothTask.builder("get the forecast")
				.browser((b) -> b.tools(SpringAiToolSelection.all()))
				.build();
			assertThat(context.getBean(SmoothOperations.class).run(task).status()).isEqualTo(TaskStatus.DONE);
			List<ToolAnswer> answers = sim.allToolAnswers(sim.taskIds().get(0));
			assertThat(answers).hasSize(1);
			assertThat(answers.get(0).code()).isEqualTo(400);
			assertThat(answers.get(0).output().asString()).contains("No forecast for Atlantis");
		});
	}

	@Test
	void springAiToolsAreOfferedOnlyToTasksThatSelectThemUnlessOfferedByDefault(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.any()).doneAfter(Duration.ZERO);
		this.runner.withPropertyValues(SimulatorRig.properties(sim)).run((context) -> {
			assertThat(context.getBean(ToolRegistry.class).groups()).contains("spring-ai");
			context.getBean(SmoothOperations.class).run("no tools chosen");
			assertThat(sim.requests(Route.CREATE_TASK).get(0).body().get("custom_tools")).isNullOrEmpty();
		});
		sim.reset();
		sim.onTask(TaskMatcher.any()).doneAfter(Duration.ZERO);
		this.runner.withPropertyValues(SimulatorRig.properties(sim, "smooth.ai.agent-tools.offer-by-default=true"))
			.run((context) -> {
				context.getBean(SmoothOperations.class).run("no tools chosen");
				assertThat(sim.requests(Route.CREATE_TASK).get(0).body().get("custom_tools"))
					.extracting((tool) -> tool.get("name").asString())
					.containsExactly("currentWeather", "forecast");
			});
	}

	@Test
	void aToolCallbackBeanRunsOnTheToolExecutorObservedAsASmoothToolAndItsTextIsAnsweredAsAJsonString(
			SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("local time"))
			.runningAfter(Duration.ZERO)
			.toolCall("local_time", Map.of("city", "Paris"))
			.doneAfter(Duration.ZERO);
		TestObservationRegistry observations = TestObservationRegistry.create();
		SimulatorRig.runner()
			.withConfiguration(AutoConfigurations.of(SmoothAiAutoConfiguration.class))
			.withBean(ObservationRegistry.class, () -> observations)
			.withBean("localTime", LocalTimeTool.class, LocalTimeTool::new)
			.withPropertyValues(SimulatorRig.properties(sim))
			.run((context) -> {
				SmoothTask task = SmoothTask.builder("tell me the local time in Paris")
					.browser((b) -> b.tools(SpringAiToolSelection.all()))
					.build();
				assertThat(context.getBean(SmoothOperations.class).run(task).status()).isEqualTo(TaskStatus.DONE);

				String taskId = sim.taskIds().get(0);
				List<ToolAnswer> answers = sim.allToolAnswers(taskId);
				assertThat(answers).singleElement().satisfies((answer) -> {
					assertThat(answer.code()).isEqualTo(200);
					// plain text, not JSON: answered as a JSON string
					assertThat(answer.output().isString()).isTrue();
					assertThat(answer.output().asString()).isEqualTo("It is noon in Paris");
				});
				LocalTimeTool tool = context.getBean(LocalTimeTool.class);
				assertThat(tool.inputs).containsExactly("{\"city\":\"Paris\"}");
				assertThat(tool.threads).singleElement().asString().startsWith("smooth-tool-");
				assertThat(tool.contexts).singleElement().satisfies((seen) -> {
					assertThat(seen).containsEntry("smooth.task_id", taskId)
						.containsEntry("smooth.tool_call_id", answers.get(0).toolCallId())
						.containsKey("smooth.tool_context");
				});
				// the call's observation stops once the answer's POST has completed, and
				// the
				// task may end at the answer: run() can return before that
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(observations).hasObservationWithNameEqualTo("smooth.tool.call")
						.that()
						.hasBeenStopped()
						.hasLowCardinalityKeyValue("smooth.tool.name", "local_time")
						.hasLowCardinalityKeyValue("smooth.tool.outcome", "success")
						.hasHighCardinalityKeyValue("smooth.task.id", taskId));
			});
	}

	@Test
	void springAiToolsStayOutOfSmoothWhenTheBridgeIsOff(SmoothSimulator sim) {
		this.runner.withPropertyValues(SimulatorRig.properties(sim, "smooth.ai.agent-tools.enabled=false"))
			.run((context) -> assertThat(context.getBean(ToolRegistry.class).names()).isEmpty());
	}

	@Configuration(proxyBeanMethods = false)
	static class WeatherConfiguration {

		@Bean
		WeatherTools weatherToolMethods() {
			return new WeatherTools();
		}

		@Bean
		MethodToolCallbackProvider weatherTools(WeatherTools tools) {
			return MethodToolCallbackProvider.builder().toolObjects(tools).build();
		}

	}

	static class WeatherTools {

		final AtomicInteger calls = new AtomicInteger();

		@Tool(description = "The weather in a city now")
		public Weather currentWeather(@ToolParam(description = "City name") String city) {
			this.calls.incrementAndGet();
			return new Weather(city, 21);
		}

		@Tool(description = "The forecast for a city")
		public Weather forecast(String city) {
			throw new IllegalArgumentException("No forecast for " + city);
		}

	}

	record Weather(String city, int celsius) {
	}

	/**
	 * A Spring AI tool written as a {@link ToolCallback} bean, whose result is text
	 * rather than JSON; it records where and with what it was called.
	 */
	static class LocalTimeTool implements ToolCallback {

		final List<String> inputs = new CopyOnWriteArrayList<>();

		final List<String> threads = new CopyOnWriteArrayList<>();

		final List<Map<String, Object>> contexts = new CopyOnWriteArrayList<>();

		@Override
		public ToolDefinition getToolDefinition() {
			return ToolDefinition.builder()
				.name("local_time")
				.description("The local time in a city")
				.inputSchema("{\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}}")
				.build();
		}

		@Override
		public String call(String toolInput) {
			return call(toolInput, null);
		}

		@Override
		public String call(String toolInput, ToolContext toolContext) {
			this.inputs.add(toolInput);
			this.threads.add(Thread.currentThread().getName());
			this.contexts.add((toolContext != null) ? toolContext.getContext() : Map.of());
			return "It is noon in Paris";
		}

	}

}
