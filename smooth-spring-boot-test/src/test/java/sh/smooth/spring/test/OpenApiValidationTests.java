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

package sh.smooth.spring.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Requests are checked against the official OpenAPI document, minus accepted
 * disagreements.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class OpenApiValidationTests {

	private SmoothSimulator sim;

	private Api api;

	@BeforeEach
	void setUp(SmoothSimulator sim) {
		this.sim = sim;
		this.api = new Api(sim);
	}

	/** The full body the official SDKs send (protocol reference 3.1), Python flavour. */
	static Map<String, Object> sdkTaskRequest() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("task", "Go to hacker news and get the top 5 stories.");
		body.put("response_model", null);
		body.put("url", null);
		body.put("metadata", null);
		body.put("files", null);
		body.put("agent", "smooth");
		body.put("max_steps", 32);
		body.put("device", "desktop");
		body.put("allowed_urls", null);
		body.put("enable_recording", true);
		body.put("profile_id", null);
		body.put("profile_read_only", false);
		body.put("stealth_mode", false);
		body.put("use_stealth", true);
		body.put("proxy_server", null);
		body.put("proxy_username", null);
		body.put("proxy_password", null);
		body.put("certificates", null);
		body.put("use_adblock", true);
		body.put("use_captcha_solver", true);
		body.put("additional_tools", null);
		body.put("custom_tools", null);
		body.put("experimental_features", null);
		body.put("extensions", null);
		body.put("show_cursor", false);
		body.put("session_id", null);
		return body;
	}

	@Test
	void sdkShapedTaskRequestAndPollsAreValid() {
		Map<String, Object> full = sdkTaskRequest();
		full.put("certificates", List.of(Map.of("file", "AAAA", "password", "pw", "filters", List.of(List.of("*")))));
		full.put("metadata", Map.of("user", "ann", "age", 3, "vip", true));
		full.put("custom_tools", List.of(Map.of("name", "get_weather", "description", "Weather", "inputs",
				Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string"))), "output", "JSON")));
		full.put("url", "https://news.ycombinator.com");
		String id = this.api.post("/task", full).r().get("id").asString();
		this.api.get("/task/" + id + "?event_t=0");
		this.api.get("/task/" + id + "?downloads=true");
		this.api.post("/task/" + id + "/event",
				Api.event("browser_action", "e1", Api.action("goto", Map.of("url", "https://x.y"))));
		this.api.post("/profile", Map.of("id", "p1"));
		this.api.get("/task?l=5");
		this.sim.assertNoOpenApiViolations();
	}

	@Test
	void badBodyIsReported() {
		Map<String, Object> bad = sdkTaskRequest();
		bad.put("max_steps", 500);
		bad.put("device", "tablet");
		assertThat(this.api.post("/task", bad).status()).isEqualTo(422);
		List<OpenApiViolation> violations = this.sim.openApiViolations();
		assertThat(violations).isNotEmpty();
		assertThat(violations)
			.allSatisfy((violation) -> assertThat(violation.request().route()).isEqualTo(Route.CREATE_TASK));
		assertThat(violations.toString()).contains("max_steps").contains("tablet");
		assertThatThrownBy(this.sim::assertNoOpenApiViolations).isInstanceOf(AssertionError.class)
			.hasMessageContaining("POST /api/v1/task");
	}

	@Test
	void eventWithoutPayloadIsReported() {
		String id = this.api.openSession();
		this.api.post("/task/" + id + "/event", Map.of("name", "browser_action"));
		assertThat(this.sim.openApiViolations()).singleElement()
			.satisfies((violation) -> assertThat(violation.message()).contains("payload"));
	}

	@Test
	void uploadsAndExtensionDeleteOnTheSdkPathAreValid() {
		String file = this.api
			.send(new Multiparts().file("file", "a.txt", "hello".getBytes())
				.text("file_purpose", "greeting")
				.post(this.api, "/file"))
			.r()
			.get("id")
			.asString();
		String extension = this.api
			.send(new Multiparts().file("file", "e.zip", new byte[] { 'P', 'K' }).post(this.api, "/extension"))
			.r()
			.get("id")
			.asString();
		this.api.delete("/file/" + file);
		this.api.get("/extension");
		this.api.delete("/extension/" + extension);
		this.sim.assertNoOpenApiViolations();
		this.api.send(new Multiparts().text("file_purpose", "no file").post(this.api, "/file"));
		assertThat(this.sim.openApiViolations()).singleElement()
			.satisfies((violation) -> assertThat(violation.message()).contains("file"));
	}

	@Test
	void unknownFieldsBadUrlsAndWrongTypesAreReportedWithTheirPointer() {
		Map<String, Object> bad = sdkTaskRequest();
		bad.put("max_stpes", 3);
		bad.put("url", "news.ycombinator.com");
		bad.put("enable_recording", "yes");
		bad.put("metadata", Map.of("nested", Map.of("a", 1)));
		bad.put("custom_tools", List.of(Map.of("name", "t", "inputs", Map.of(), "output", "JSON")));
		this.api.post("/task", bad);
		assertThat(this.sim.openApiViolations()).extracting(OpenApiViolation::key)
			.containsExactlyInAnyOrder("validation.request.body.schema.additionalProperties",
					"validation.request.body.schema.anyOf", "validation.request.body.schema.type",
					"validation.request.body.schema.anyOf", "validation.request.body.schema.anyOf");
		assertThat(this.sim.openApiViolations().toString()).contains("\"max_stpes\"")
			.contains("[/url]")
			.contains("[/enable_recording]")
			.contains("[/metadata/nested]")
			.contains("[/custom_tools/0] object has missing required properties ([\"description\"])");
	}

	@Test
	void queryParametersAndTheApiKeyHeaderAreChecked() {
		String id = this.api.post("/task", sdkTaskRequest()).r().get("id").asString();
		this.api.get("/task?l=500");
		this.api.get("/task/" + id + "?event_t=soon");
		this.api.get("/task/" + id + "?downloads=maybe");
		this.api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.sim.baseUrl() + "/task/" + id)));
		assertThat(this.sim.openApiViolations()).extracting(OpenApiViolation::key)
			.containsExactly("validation.request.parameter.schema.maximum", "validation.request.parameter.schema.type",
					"validation.request.parameter.schema.type", "validation.request.security.missing");
		assertThat(this.sim.openApiViolations().get(0).message()).contains("'l'").contains("500");
	}

	@Test
	void aDocumentWithAKeywordTheCheckDoesNotImplementIsRefused() {
		OpenApiSchema schemas = new OpenApiSchema(Api.JSON.createObjectNode());
		assertThatThrownBy(() -> schemas.requireSupported(
				Api.JSON
					.readTree("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"pattern\":\"x+\"}}}"),
				"#/components/schemas/X"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("'pattern'")
			.hasMessageContaining("#/components/schemas/X/properties/a");
	}

}
