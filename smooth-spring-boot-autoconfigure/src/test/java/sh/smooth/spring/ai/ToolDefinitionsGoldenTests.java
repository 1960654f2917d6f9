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

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.ai.tool.ToolCallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * What a model sees of the Smooth tools: names, descriptions and input schemas, against
 * the reviewed golden file {@code smooth-ai-tools.json}. A change to any of them is a
 * change to what every model reads: update the golden file on purpose.
 */
class ToolDefinitionsGoldenTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyToolMatchesTheGoldenFile() throws IOException {
		ToolCallback[] tools = SmoothAiToolCallbackProvider.builder(mock(sh.smooth.spring.SmoothOperations.class))
			.sessionTools(true)
			.build()
			.getToolCallbacks();
		ArrayNode actual = json.createArrayNode();
		for (ToolCallback tool : tools) {
			ObjectNode entry = actual.addObject();
			entry.put("name", tool.getToolDefinition().name());
			entry.put("description", tool.getToolDefinition().description());
			entry.set("input_schema", json.readTree(tool.getToolDefinition().inputSchema()));
		}
		JsonNode golden = golden();
		if (!actual.equals(golden)) {
			// for review: the tools as the model now sees them
			Files.writeString(Path.of("target", "smooth-ai-tools.actual.json"),
					json.writerWithDefaultPrettyPrinter().writeValueAsString(actual));
		}
		assertThat(actual).as("see target/smooth-ai-tools.actual.json").isEqualTo(golden);
		for (ToolCallback tool : tools) {
			JsonNode properties = json.readTree(tool.getToolDefinition().inputSchema()).get("properties");
			assertThat(((SmoothAiTool) tool).fields()).as(tool.getToolDefinition().name())
				.containsExactlyInAnyOrderElementsOf(properties.propertyNames());
		}
	}

	@Test
	void schemasFollowSpringAisStyleAndDeclareEveryFieldTheToolReads() throws IOException {
		for (JsonNode tool : golden()) {
			JsonNode schema = tool.get("input_schema");
			assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
			assertThat(schema.get("type").asString()).isEqualTo("object");
			assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
			for (JsonNode required : schema.get("required")) {
				assertThat(schema.get("properties").has(required.asString())).isTrue();
			}
			assertThat(tool.get("name").asString()).matches("smooth_[a-z_]+").hasSizeLessThanOrEqualTo(64);
			assertThat(tool.get("description").asString()).hasSizeLessThan(600);
		}
	}

	private static JsonNode golden() throws IOException {
		try (InputStream in = ToolDefinitionsGoldenTests.class.getResourceAsStream("smooth-ai-tools.json")) {
			if (in == null) {
				return json.createArrayNode();
			}
			return json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

}
