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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.stereotype.Service;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.ai.autoconfigure.SmoothAiAutoConfiguration;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Spring AI and MCP" examples, compiled and run: keep them in step with the
 * README text.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class ReadmeSpringAiExampleTests {

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
				String answer = context.getBean(TravelAssistant.class).ask("Cheapest flights NYC to LA next Friday?");
				assertThat(answer).contains("Delta, 129 USD");
			});
	}

	// README: "Give a ChatClient a browser"
	@Service
	static class TravelAssistant {

		private final ChatClient chat;

		TravelAssistant(ChatClient.Builder chat, SmoothAiToolCallbackProvider smooth) {
			this.chat = chat.defaultToolCallbacks(smooth).build();
		}

		String ask(String question) {
			return this.chat.prompt().user(question).call().content();
		}

	}

	// README: "One @Tool for the model and the agent"
	static TaskResult bookWithCrmTools(SmoothOperations smooth, ToolCallbackProvider crmTools) {
		SmoothTask task = SmoothTask.builder("Book the cheapest flight for customer 42")
			.browser((b) -> b.tools(SpringAiToolSelection.of(crmTools)))
			.build();
		return smooth.run(task);
	}

}
