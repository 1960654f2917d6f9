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

package sh.smooth.spring.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import sh.smooth.spring.support.SmoothWireMock;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden wire tests of the session action inputs (reference section 7): the body that
 * {@link SmoothApiClient#sendAction} posts to {@code /task/{id}/event}, field by field,
 * with the keys the SDKs always send as {@code null} present and {@code null}, and no
 * other key.
 */
class ActionInputWireTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static SmoothWireMock wm = new SmoothWireMock();

	@Test
	void gotoIsABrowserActionWithTheUrl() {
		JsonNode body = send(new GotoInput("https://example.com/login"));

		assertThat(fields(body)).containsExactly("name", "payload", "id");
		assertThat(body.get("name").asString()).isEqualTo("browser_action");
		assertThat(body.get("id").asString()).isEqualTo("evt-1");
		assertThat(fields(body.get("payload"))).containsExactly("name", "input");
		assertThat(body.get("payload").get("name").asString()).isEqualTo("goto");
		assertThat(body.get("payload").get("input")).isEqualTo(tree("{\"url\":\"https://example.com/login\"}"));
	}

	@Test
	void extractSendsAPromptOfNullWhenThereIsNone() {
		JsonNode schema = tree("{\"type\":\"object\",\"properties\":{\"title\":{\"type\":\"string\"}}}");

		JsonNode withoutPrompt = send(new ExtractInput(schema, null));
		assertThat(withoutPrompt.get("name").asString()).isEqualTo("browser_action");
		assertThat(withoutPrompt.get("payload").get("name").asString()).isEqualTo("extract");
		JsonNode input = withoutPrompt.get("payload").get("input");
		assertThat(fields(input)).containsExactly("schema", "prompt");
		assertThat(input.get("schema")).isEqualTo(schema);
		assertThat(input.get("prompt").isNull()).isTrue();

		JsonNode withPrompt = send(new ExtractInput(schema, "the page title"));
		assertThat(withPrompt.get("payload").get("input"))
			.isEqualTo(tree("{\"schema\":" + schema + ",\"prompt\":\"the page title\"}"));
	}

	@Test
	void evaluateJsSendsArgsOfNullWhenThereAreNone() {
		JsonNode withoutArgs = send(new EvaluateJsInput("document.title", null));
		assertThat(withoutArgs.get("name").asString()).isEqualTo("browser_action");
		assertThat(withoutArgs.get("payload").get("name").asString()).isEqualTo("evaluate_js");
		JsonNode input = withoutArgs.get("payload").get("input");
		assertThat(fields(input)).containsExactly("js", "args");
		assertThat(input.get("js").asString()).isEqualTo("document.title");
		assertThat(input.get("args").isNull()).isTrue();

		Map<String, Object> args = new LinkedHashMap<>();
		args.put("a", 1);
		args.put("b", "two");
		JsonNode withArgs = send(new EvaluateJsInput("(args) => args.a", args));
		assertThat(withArgs.get("payload").get("input"))
			.isEqualTo(tree("{\"js\":\"(args) => args.a\",\"args\":{\"a\":1,\"b\":\"two\"}}"));
	}

	@Test
	void runTaskSendsEveryKeyInTheSdkOrderWithTheSecrets() {
		Map<String, RunTaskInput.Secret> secrets = Map.of("GITHUB_PASSWORD",
				new RunTaskInput.Secret("s3cr3t", List.of("https://github.com/*")));
		JsonNode body = send(new RunTaskInput("Log in and open the billing page", 32, null, null, null, secrets));

		assertThat(fields(body)).containsExactly("name", "payload", "id");
		assertThat(body.get("name").asString()).isEqualTo("session_action");
		assertThat(body.get("payload").get("name").asString()).isEqualTo("run_task");
		JsonNode input = body.get("payload").get("input");
		assertThat(fields(input)).containsExactly("task", "max_steps", "response_model", "url", "metadata", "secrets");
		assertThat(input.get("task").asString()).isEqualTo("Log in and open the billing page");
		assertThat(input.get("max_steps").asInt()).isEqualTo(32);
		assertThat(input.get("response_model").isNull()).isTrue();
		assertThat(input.get("url").isNull()).isTrue();
		assertThat(input.get("metadata").isNull()).isTrue();
		assertThat(input.get("secrets")).isEqualTo(
				tree("{\"GITHUB_PASSWORD\":{\"value\":\"s3cr3t\",\"allowed_urls\":[\"https://github.com/*\"]}}"));
	}

	@Test
	void runTaskWithEverythingSetAndNoSecretsSendsSecretsOfNull() {
		JsonNode schema = tree("{\"type\":\"object\"}");
		JsonNode input = send(new RunTaskInput("t", 10, schema, "https://example.com", Map.of("k", "v"), Map.of()))
			.get("payload")
			.get("input");

		assertThat(input).isEqualTo(tree("{\"task\":\"t\",\"max_steps\":10,\"response_model\":{\"type\":\"object\"},"
				+ "\"url\":\"https://example.com\",\"metadata\":{\"k\":\"v\"},\"secrets\":null}"));
		assertThat(fields(input)).containsExactly("task", "max_steps", "response_model", "url", "metadata", "secrets");
	}

	@Test
	void runTaskNeverPrintsASecretValue() {
		RunTaskInput input = new RunTaskInput("t", 10, null, null, null,
				Map.of("PASSWORD", new RunTaskInput.Secret("hunter2", List.of("https://a.example/*"))));

		assertThat(input.toString()).contains("PASSWORD").doesNotContain("hunter2");
		assertThat(input.secrets().get("PASSWORD").toString()).doesNotContain("hunter2");
	}

	@Test
	void closeIsASessionActionWithoutAnInputKey() {
		JsonNode body = send(new CloseInput());

		assertThat(body)
			.isEqualTo(tree("{\"name\":\"session_action\",\"payload\":{\"name\":\"close\"},\"id\":\"evt-1\"}"));
		assertThat(body.get("payload").has("input")).isFalse();
	}

	private JsonNode send(ActionInput input) {
		String path = "/api/v1/task/" + wm.taskId() + "/event";
		wm.resetRequests();
		wm.stubFor(post(urlEqualTo(path)).willReturn(okJson("{\"r\":{\"id\":\"evt-1\"}}")));
		wm.api().sendAction(wm.taskId(), "evt-1", input).block();
		wm.verify(1, postRequestedFor(urlEqualTo(path)));
		String body = wm.findAll(postRequestedFor(urlEqualTo(path))).get(0).getBodyAsString();
		return tree(body);
	}

	private static JsonNode tree(String json) {
		return JSON.readTree(json);
	}

	private static List<String> fields(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

}
