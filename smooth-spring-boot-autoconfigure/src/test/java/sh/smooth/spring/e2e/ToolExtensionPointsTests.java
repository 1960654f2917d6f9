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

package sh.smooth.spring.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import sh.smooth.spring.support.ExpectedLog;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.task.TaskStatus;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;
import sh.smooth.spring.test.ToolAnswer;
import sh.smooth.spring.tool.SmoothTool;
import sh.smooth.spring.tool.SmoothToolErrorHandler;
import sh.smooth.spring.tool.ToolReply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two extension points of custom tools against the simulator: a tool returning a
 * {@code Mono} is awaited, and a user's {@link SmoothToolErrorHandler} bean decides the
 * replies to failures.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class ToolExtensionPointsTests {

	private final ApplicationContextRunner runner = SimulatorRig.runner().withUserConfiguration(Tools.class);

	@Test
	@ExpectedLog(logger = "sh.smooth.spring.tool.ToolCallRun", message = "Smooth tool 'broken' failed",
			cause = IllegalStateException.class, why = "the tool 'broken' throws, for the error handler to answer")
	void aMonoResultIsAwaitedAndAUserErrorHandlerAnswersFailures(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("greet"))
			.runningAfter(Duration.ZERO)
			.toolCall("greeting", Map.of("name", "Ada"))
			.toolCall("broken", Map.of())
			.doneAfter(Duration.ZERO);
		this.runner.withPropertyValues("smooth.base-url=" + sim.baseUrl(), "smooth.api-key=" + sim.apiKey())
			.run((context) -> {
				assertThat(context.getBean(SmoothOperations.class).run("greet Ada").status())
					.isEqualTo(TaskStatus.DONE);
				List<ToolAnswer> answers = sim.allToolAnswers(sim.taskIds().get(0))
					.stream()
					.sorted(java.util.Comparator.comparing(ToolAnswer::receivedAt))
					.toList();
				assertThat(answers).extracting(ToolAnswer::code).containsExactly(200, 400);
				assertThat(answers.get(0).output().asString()).isEqualTo("Hello, Ada");
				assertThat(answers.get(1).output().asString()).isEqualTo("handled by the application: failure");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class Tools {

		@Bean
		GreetingTools greetingTools() {
			return new GreetingTools();
		}

		@Bean
		SmoothToolErrorHandler applicationErrorHandler() {
			return (failure) -> ToolReply.error(400, "handled by the application: " + failure.kind().value());
		}

	}

	static class GreetingTools {

		@SmoothTool(description = "Greets someone, after a short wait")
		public Mono<String> greeting(String name) {
			return Mono.delay(Duration.ofMillis(50)).map((tick) -> "Hello, " + name);
		}

		@SmoothTool(description = "Always fails")
		public String broken() {
			throw new IllegalStateException("database down");
		}

	}

}
