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

package sh.smooth.spring.sample.mcp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import sh.smooth.spring.ai.SmoothAiToolCallbackProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MCP client configuration that the README and docs/spring-ai.md give to paste: valid
 * JSON, the jar this module builds, and arguments that the server starts with.
 */
class McpClientConfigurationTests {

	private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theReadmeAndTheSpringAiPageGiveTheSameWorkingConfiguration() throws IOException {
		JsonNode readme = server(Path.of("../README.md"));
		JsonNode page = server(Path.of("../docs/spring-ai.md"));
		assertThat(readme).isEqualTo(page);
		assertThat(readme.get("command").asString()).isEqualTo("java");
		List<String> args = new ArrayList<>();
		readme.get("args").forEach((arg) -> args.add(arg.asString()));
		assertThat(args.get(0)).isEqualTo("-jar");
		assertThat(args.get(1))
			.endsWith("smooth-spring-boot-sample-mcp/target/" + System.getProperty("smooth.sample.jar"));
		assertThat(readme.get("env").propertyNames()).containsExactly("SMOOTH_API_KEY");

		// the arguments after the jar are the application's: the server starts with them
		// (no
		// key here, so on its embedded simulator) and applies them
		List<String> appArgs = new ArrayList<>(args.subList(2, args.size()));
		appArgs.add("--spring.main.web-application-type=none");
		appArgs.add("--spring.ai.mcp.server.stdio=false");
		try (ConfigurableApplicationContext context = new SpringApplication(McpSampleApplication.class)
			.run(appArgs.toArray(String[]::new))) {
			assertThat(context.getBean(SmoothAiToolCallbackProvider.class).getToolCallbacks()).isNotEmpty();
			assertThat(context.getEnvironment().getProperty("smooth.ai.max-steps")).isEqualTo("30");
		}
	}

	private static JsonNode server(Path markdown) throws IOException {
		Matcher block = JSON_BLOCK.matcher(Files.readString(markdown));
		while (block.find()) {
			JsonNode config = json.readTree(block.group(1));
			if (config.has("mcpServers")) {
				return config.get("mcpServers").get("smooth");
			}
		}
		throw new AssertionError("no mcpServers block in " + markdown);
	}

}
