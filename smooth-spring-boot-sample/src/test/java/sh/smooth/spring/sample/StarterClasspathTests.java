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
package sh.smooth.spring.sample;

import org.junit.jupiter.api.Test;

import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter brings no Spring AI: its Spring AI dependency is optional. This module
 * depends on the starter and on nothing that brings Spring AI, so its test classpath is
 * what an application without Spring AI gets; the check fails if the dependency ever
 * stops being optional.
 */
class StarterClasspathTests {

	@Test
	void anApplicationWithoutSpringAiGetsNoSpringAiClasses() {
		ClassLoader loader = getClass().getClassLoader();
		assertThat(ClassUtils.isPresent("org.springframework.ai.tool.ToolCallbackProvider", loader)).isFalse();
		assertThat(ClassUtils.isPresent("org.springframework.ai.chat.client.ChatClient", loader)).isFalse();
		assertThat(ClassUtils.isPresent("io.modelcontextprotocol.spec.McpSchema", loader)).isFalse();
		// the bridge's own classes ship in the starter, inert without Spring AI
		assertThat(ClassUtils.isPresent("sh.smooth.spring.ai.SmoothAiTaskGuard", loader)).isTrue();
	}

}
