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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import sh.smooth.spring.ai.autoconfigure.SmoothAiAutoConfiguration;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.test.RecordedRequest;
import sh.smooth.spring.test.SimulatedTaskStatus;
import sh.smooth.spring.test.Route;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link ChatClient} over a scripted model calls {@code smooth_run_task} end to end
 * against the simulator: what the simulator received, what the model read back, and the
 * guard rails that refuse a request before anything is sent.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class SmoothRunTaskChatClientTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ApplicationContextRunner runner = SimulatorRig.runner()
		.withConfiguration(AutoConfigurations.of(SmoothAiAutoConfiguration.class));

	@Test
	void theModelRunsATaskAndReadsItsTypedAnswer(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("cheapest flights"))
			.runningAfter(Duration.ZERO)
			.liveUrl("https://live.smooth.sh/t/1")
			.recordingUrl("https://rec.smooth.sh/t/1.mp4")
			.output(Map.of("flights", List.of(Map.of("airline", "Delta", "price", 129))))
			.credits(3)
			.doneAfter(Duration.ofMillis(50));
		ScriptedChatModel model = new ScriptedChatModel("smooth_run_task", """
				{"task": "find the three cheapest flights NYC to LA", "url": "https://flights.example.com",
				 "max_steps": 12, "allowed_urls": ["https://flights.example.com/**"],
				 "output_schema": {"type": "object", "properties": {"flights": {"type": "array"}}}}""");
		this.runner.withPropertyValues(SimulatorRig.properties(sim)).run((context) -> {
			String answer = ask(model, context.getBean(SmoothAiToolCallbackProvider.class));

			RecordedRequest create = sim.requests(Route.CREATE_TASK).get(0);
			assertThat(create.body().get("task").asString()).isEqualTo("find the three cheapest flights NYC to LA");
			assertThat(create.body().get("url").asString()).isEqualTo("https://flights.example.com");
			assertThat(create.body().get("max_steps").asInt()).isEqualTo(12);
			assertThat(create.body().get("allowed_urls"))
				.containsExactly(json.getNodeFactory().stringNode("https://flights.example.com/**"));
			assertThat(create.body().get("response_model").get("properties").has("flights")).isTrue();

			JsonNode read = json.readTree(model.toolResult());
			assertThat(read.get("task_id").asString())
				.isEqualTo(create.taskId() != null ? create.taskId() : sim.taskIds().get(0));
			assertThat(read.get("status").asString()).isEqualTo("done");
			assertThat(read.get("output").get("flights").get(0).get("price").asInt()).isEqualTo(129);
			assertThat(read.get("credits_used").asLong()).isEqualTo(3);
			// the live view closes with the task: only the recording is left
			assertThat(read.get("live_url").isNull()).isTrue();
			assertThat(read.get("recording_url").asString()).isEqualTo("https://rec.smooth.sh/t/1.mp4");
			assertThat(answer).startsWith("Smooth said: {");
			assertThat(model.offered).extracting((tool) -> tool.getToolDefinition().name())
				.containsExactly("smooth_run_task");
		});
	}

	@Test
	void aUrlOutsideTheTeamsPatternsIsRefusedBeforeAnythingIsSent(SmoothSimulator sim) {
		ScriptedChatModel model = new ScriptedChatModel("smooth_run_task",
				"{\"task\": \"read the page\", \"url\": \"https://evil.test/login\"}");
		this.runner.withPropertyValues(SimulatorRig.properties(sim, "smooth.ai.allowed-urls=https://**.example.com/**"))
			.run((context) -> {
				ask(model, context.getBean(SmoothAiToolCallbackProvider.class));
				assertThat(model.toolResult()).contains("url 'https://evil.test/login' is not allowed")
					.contains("https://**.example.com/**");
				assertThat(sim.requestCount(Route.CREATE_TASK)).isZero();
			});
	}

	@Test
	void theModelCannotWidenTheTeamsPatternsAndGetsThemWhenItGivesNone(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("prices")).output("42").doneAfter(Duration.ZERO);
		ScriptedChatModel widening = new ScriptedChatModel("smooth_run_task",
				"{\"task\": \"prices\", \"allowed_urls\": [\"https://**\"]}");
		ScriptedChatModel silent = new ScriptedChatModel("smooth_run_task", "{\"task\": \"prices\"}");
		this.runner.withPropertyValues(SimulatorRig.properties(sim, "smooth.ai.allowed-urls=https://**.example.com/**"))
			.run((context) -> {
				SmoothAiToolCallbackProvider tools = context.getBean(SmoothAiToolCallbackProvider.class);
				ask(widening, tools);
				assertThat(widening.toolResult()).contains("allowed_urls [https://**] would widen");
				assertThat(sim.requestCount(Route.CREATE_TASK)).isZero();
				ask(silent, tools);
				assertThat(sim.requests(Route.CREATE_TASK).get(0).body().get("allowed_urls").get(0).asString())
					.isEqualTo("https://**.example.com/**");
			});
	}

	@Test
	void maxStepsAboveTheCapIsRefusedAndTheCapIsSentWhenTheModelGivesNone(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("news")).output("ok").doneAfter(Duration.ZERO);
		ScriptedChatModel greedy = new ScriptedChatModel("smooth_run_task", "{\"task\": \"news\", \"max_steps\": 100}");
		ScriptedChatModel modest = new ScriptedChatModel("smooth_run_task", "{\"task\": \"news\"}");
		this.runner.withPropertyValues(SimulatorRig.properties(sim, "smooth.ai.max-steps=10")).run((context) -> {
			SmoothAiToolCallbackProvider tools = context.getBean(SmoothAiToolCallbackProvider.class);
			ask(greedy, tools);
			assertThat(greedy.toolResult()).contains("max_steps 100 is over this application's limit of 10");
			assertThat(sim.requestCount(Route.CREATE_TASK)).isZero();
			ask(modest, tools);
			assertThat(sim.requests(Route.CREATE_TASK).get(0).body().get("max_steps").asInt()).isEqualTo(10);
			assertThat(json.readTree(modest.toolResult()).get("status").asString()).isEqualTo("done");
		});
	}

	@Test
	void aGuardSeesTheRequestAndItsRefusalIsWhatTheModelIsTold(SmoothSimulator sim) {
		List<SmoothAiTaskRequest> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
		SmoothAiTaskGuard guard = (request) -> {
			seen.add(request);
			return request.task().contains("log in") ? SmoothAiTaskGuard.Verdict.refuse("tasks may not log in anywhere")
					: SmoothAiTaskGuard.Verdict.allow();
		};
		ScriptedChatModel model = new ScriptedChatModel("smooth_run_task",
				"{\"task\": \"log in to my bank\", \"url\": \"https://bank.example.com\"}");
		this.runner.withPropertyValues(SimulatorRig.properties(sim, "smooth.ai.max-steps=20"))
			.withBean(SmoothAiTaskGuard.class, () -> guard)
			.run((context) -> {
				ask(model, context.getBean(SmoothAiToolCallbackProvider.class));
				assertThat(model.toolResult()).isEqualTo("Refused by the application: tasks may not log in anywhere");
				assertThat(seen).containsExactly(new SmoothAiTaskRequest("smooth_run_task", "log in to my bank",
						"https://bank.example.com", 20, List.of(), null));
				assertThat(sim.requestCount(Route.CREATE_TASK)).isZero();
			});
	}

	@Test
	void aFailedTaskIsReportedWithItsStatusAndOutput(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("impossible"))
			.output("The site requires a captcha")
			.finalStatus(SimulatedTaskStatus.FAILED);
		ScriptedChatModel model = new ScriptedChatModel("smooth_run_task", "{\"task\": \"impossible\"}");
		this.runner.withPropertyValues(SimulatorRig.properties(sim)).run((context) -> {
			ask(model, context.getBean(SmoothAiToolCallbackProvider.class));
			JsonNode read = json.readTree(model.toolResult());
			assertThat(read.get("status").asString()).isEqualTo("failed");
			assertThat(read.get("output").asString()).isEqualTo("The site requires a captcha");
		});
	}

	@Test
	void aTaskStillRunningAfterTheWaitIsReportedWithItsLiveUrlAndGoesOn(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("long"))
			.runningAfter(Duration.ZERO)
			.liveUrl("https://live.smooth.sh/t/9")
			.output("finally")
			.doneAfter(Duration.ofMinutes(10));
		ScriptedChatModel model = new ScriptedChatModel("smooth_run_task", "{\"task\": \"a long task\"}");
		this.runner.withPropertyValues(SimulatorRig.properties(sim, "smooth.task.default-timeout=1s"))
			.run((context) -> {
				ask(model, context.getBean(SmoothAiToolCallbackProvider.class));
				JsonNode read = json.readTree(model.toolResult());
				assertThat(read.get("task_id").asString()).isEqualTo(sim.taskIds().get(0));
				assertThat(read.get("status").asString()).isEqualTo("running");
				assertThat(read.get("output").isNull()).isTrue();
				assertThat(read.get("live_url").asString()).startsWith("https://live.smooth.sh/t/9");
				assertThat(read.get("message").asString()).contains("still running");
				// the wait ended, not the task
				assertThat(sim.requests(Route.CANCEL_TASK)).isEmpty();
			});
	}

	@Test
	void argumentsTheToolDoesNotHaveAreRefusedWithTheOnesItTakes(SmoothSimulator sim) {
		ScriptedChatModel model = new ScriptedChatModel("smooth_run_task", "{\"task\": \"x\", \"maxSteps\": 5}");
		this.runner.withPropertyValues(SimulatorRig.properties(sim)).run((context) -> {
			ask(model, context.getBean(SmoothAiToolCallbackProvider.class));
			assertThat(model.toolResult()).startsWith("Unknown argument(s) [maxSteps]; this tool takes");
			assertThat(sim.requestCount(Route.CREATE_TASK)).isZero();
		});
	}

	private static String ask(ScriptedChatModel model, ToolCallbackProvider tools) {
		return ChatClient.builder(model).build().prompt().user("Help me").toolCallbacks(tools).call().content();
	}

}
