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

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.ai.autoconfigure.SmoothAiAutoConfiguration;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.task.TaskStatus;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;
import sh.smooth.spring.test.ToolAnswer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of {@code docs/spring-ai.md} and of the README's "Spring AI and MCP"
 * section, run against the simulator: keep the copies here in step with the pages
 * (DocumentationSnippetsTests compiles the pages' own copies).
 */
@ExtendWith(SmoothSimulatorExtension.class)
class SpringAiExampleTests {

	@Test
	void theTravelAssistantAnswersThroughSmooth(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("flights")).output("Delta, 129 USD").doneAfter(Duration.ZERO);
		ScriptedChatModel model = new ScriptedChatModel("smooth_run_task",
				"{\"task\": \"find the three cheapest flights NYC to LA next Friday\"}");
		SimulatorRig.runner()
			.withConfiguration(AutoConfigurations.of(SmoothAiAutoConfiguration.class))
			.withPropertyValues(SimulatorRig.properties(sim))
			.withBean(ChatClient.Builder.class, () -> ChatClient.builder(model))
			.withBean(TravelAssistant.class)
			.run((context) -> {
				String answer = context.getBean(TravelAssistant.class)
					.ask("What are the three cheapest flights from NYC to LA next Friday?");
				assertThat(answer).contains("Delta, 129 USD");
			});
	}

	@Test
	void theReadmeAssistantAnswersThroughSmooth(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("news")).output("Three stories").doneAfter(Duration.ZERO);
		ScriptedChatModel model = new ScriptedChatModel("smooth_run_task", "{\"task\": \"read the news\"}");
		SimulatorRig.runner()
			.withConfiguration(AutoConfigurations.of(SmoothAiAutoConfiguration.class))
			.withPropertyValues(SimulatorRig.properties(sim))
			.run((context) -> {
				String answer = Assistant.ask(ChatClient.create(model),
						context.getBean(SmoothAiToolCallbackProvider.class), "What is in the news?");
				assertThat(answer).contains("Three stories");
			});
	}

	@Test
	void theCustomerToolServesTheAgent(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("customer 42"))
			.runningAfter(Duration.ZERO)
			.toolCall("customer", Map.of("number", 42))
			.doneAfter(Duration.ZERO);
		SimulatorRig.runner()
			.withConfiguration(AutoConfigurations.of(SmoothAiAutoConfiguration.class))
			.withPropertyValues(SimulatorRig.properties(sim))
			.withBean(CustomerTools.class)
			.withUserConfiguration(CustomerToolsConfiguration.class)
			.run((context) -> {
				TaskResult result = CustomerToolsConfiguration.book(context.getBean(SmoothOperations.class),
						context.getBean("customerTools", ToolCallbackProvider.class));
				assertThat(result.status()).isEqualTo(TaskStatus.DONE);
				List<ToolAnswer> answers = sim.allToolAnswers(sim.taskIds().get(0));
				assertThat(answers).singleElement().satisfies((answer) -> {
					assertThat(answer.code()).isEqualTo(200);
					assertThat(answer.output().get("email").asString()).isEqualTo("ana@example.com");
					assertThat(answer.output().get("frequentFlyerNumber").asString()).isEqualTo("FF-42");
				});
			});
	}

	// README: "Spring AI and MCP"
	static class Assistant {

		static String ask(ChatClient chat, SmoothAiToolCallbackProvider smooth, String question) {
			return chat.prompt().user(question).toolCallbacks(smooth).call().content();
		}

	}

	// docs/spring-ai.md: "Give a ChatClient a browser"
	@Service
	public static class TravelAssistant {

		private final ChatClient chat;

		public TravelAssistant(ChatClient.Builder chat, SmoothAiToolCallbackProvider smooth) {
			this.chat = chat.defaultToolCallbacks(smooth).build();
		}

		public String ask(String question) {
			return this.chat.prompt().user(question).call().content();
		}

	}

	// docs/spring-ai.md: "One @Tool for the model and the agent"
	public static class CustomerTools {

		@Tool(description = "The email address and frequent-flyer number of a customer")
		public Customer customer(@ToolParam(description = "The customer number") int number) {
			return new Customer("ana@example.com", "FF-" + number);
		}

		public record Customer(String email, String frequentFlyerNumber) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomerToolsConfiguration {

		@Bean
		ToolCallbackProvider customerTools(CustomerTools tools) {
			return MethodToolCallbackProvider.builder().toolObjects(tools).build();
		}

		static TaskResult book(SmoothOperations smooth, ToolCallbackProvider customerTools) {
			SmoothTask task = SmoothTask.builder("Book the cheapest flight to LA for customer 42")
				.browser((b) -> b.tools(SpringAiToolSelection.of(customerTools)))
				.build();
			return smooth.run(task);
		}

	}

}
