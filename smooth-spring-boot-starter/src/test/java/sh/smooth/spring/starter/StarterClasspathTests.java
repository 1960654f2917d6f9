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
package sh.smooth.spring.starter;

import java.io.File;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter brings no Spring AI and no MCP: the Spring AI dependency of the
 * auto-configuration is optional. This module's test classpath is the starter's
 * dependencies plus the test libraries, so it is what an application without Spring AI
 * gets; the check fails if that dependency ever stops being optional.
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

	@Test
	void noSpringAiOrMcpJarIsOnTheClasspath() {
		// surefire puts the test classpath in a manifest-only jar: its real value is here
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> jars = List.of(classpath.replace('\\', '/').split(File.pathSeparator));
		assertThat(jars).as("the starter's classpath")
			.anyMatch((jar) -> jar.contains("smooth-spring-boot-autoconfigure"));
		assertThat(jars).noneMatch((jar) -> jar.contains("/org/springframework/ai/"))
			.noneMatch((jar) -> jar.contains("/io/modelcontextprotocol/"));
	}

}
