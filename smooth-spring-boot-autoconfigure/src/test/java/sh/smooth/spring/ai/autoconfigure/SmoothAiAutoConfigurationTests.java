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
package sh.smooth.spring.ai.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import sh.smooth.spring.ai.SmoothAiToolCallbackProvider;
import sh.smooth.spring.ai.SpringAiToolRegistrar;
import sh.smooth.spring.support.ExpectedLog;
import sh.smooth.spring.support.SimulatorRig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * When the Spring AI bridge is configured, and when it backs off.
 */
class SmoothAiAutoConfigurationTests {

	private final ApplicationContextRunner runner = SimulatorRig.runner()
		.withConfiguration(AutoConfigurations.of(SmoothAiAutoConfiguration.class))
		.withPropertyValues("smooth.api-key=test-key", "smooth.base-url=http://localhost:1");

	@Test
	void offersSmoothRunTaskByDefaultAndTheSessionToolsWhenAskedTo() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(SmoothAiToolCallbackProvider.class);
			assertThat(context).hasSingleBean(SpringAiToolRegistrar.class);
			assertThat(names(context.getBean(SmoothAiToolCallbackProvider.class))).containsExactly("smooth_run_task");
		});
		this.runner.withPropertyValues("smooth.ai.session-tools=true")
			.run((context) -> assertThat(names(context.getBean(SmoothAiToolCallbackProvider.class))).containsExactly(
					"smooth_run_task", "smooth_session_open", "smooth_session_goto", "smooth_session_extract",
					"smooth_session_evaluate_js", "smooth_session_run_task", "smooth_session_close"));
	}

	@Test
	void backsOffWithoutSpringAi() {
		this.runner.withClassLoader(new FilteredClassLoader(ToolCallbackProvider.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(SmoothAiToolCallbackProvider.class);
			assertThat(context).doesNotHaveBean(SpringAiToolRegistrar.class);
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("smooth.ai.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(SmoothAiToolCallbackProvider.class);
			assertThat(context).doesNotHaveBean(SpringAiToolRegistrar.class);
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnProvider() {
		SmoothAiToolCallbackProvider own = SmoothAiToolCallbackProvider
			.builder(mock(sh.smooth.spring.SmoothOperations.class))
			.maxSteps(5)
			.build();
		this.runner.withBean("myProvider", SmoothAiToolCallbackProvider.class, () -> own)
			.run((context) -> assertThat(context.getBean(SmoothAiToolCallbackProvider.class)).isSameAs(own));
	}

	@Test
	@ExpectedLog(logger = "org.springframework.context",
			message = "Exception encountered during context initialization",
			why = "the contexts with out-of-range limits fail to start on purpose")
	void refusesOutOfRangeLimitsAtStartup() {
		this.runner.withPropertyValues("smooth.ai.max-steps=500")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("smooth.ai.max-steps must be between 2 and 128, was 500"));
		this.runner.withPropertyValues("smooth.ai.max-concurrent-tasks=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("smooth.ai.max-concurrent-tasks must be at least 1"));
	}

	private static java.util.List<String> names(ToolCallbackProvider provider) {
		return java.util.Arrays.stream(provider.getToolCallbacks()).map((t) -> t.getToolDefinition().name()).toList();
	}

}
