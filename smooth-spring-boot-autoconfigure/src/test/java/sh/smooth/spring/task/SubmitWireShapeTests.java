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

package sh.smooth.spring.task;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import sh.smooth.spring.api.SmoothWebClients;
import sh.smooth.spring.api.TaskKind;
import sh.smooth.spring.browser.Agent;
import sh.smooth.spring.browser.BrowserOptions;
import sh.smooth.spring.browser.Certificate;
import sh.smooth.spring.browser.Device;
import sh.smooth.spring.support.SmoothTestClients;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code POST /task} puts on the wire, field by field, compared with the official
 * SDKs' body (reference section 3.1).
 */
class SubmitWireShapeTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	/** Field names in the order the TypeScript SDK sends them. */
	private static final List<String> SDK_FIELDS = List.of("task", "response_model", "url", "metadata", "files",
			"agent", "max_steps", "device", "allowed_urls", "enable_recording", "profile_id", "profile_read_only",
			"stealth_mode", "use_stealth", "proxy_server", "proxy_username", "proxy_password", "certificates",
			"use_adblock", "use_captcha_solver", "additional_tools", "custom_tools", "experimental_features",
			"extensions", "show_cursor");

	private SmoothTestClients clients;

	@BeforeEach
	void setUp() {
		this.clients = SmoothTestClients.create(wm.baseUrl() + "/api/v1");
		wm.stubFor(post("/api/v1/task").willReturn(okJson("{\"r\":{\"id\":\"t1\",\"status\":\"waiting\"}}")));
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/t1"))
			.willReturn(okJson("{\"r\":{\"id\":\"t1\",\"status\":\"done\",\"output\":\"ok\"}}")));
	}

	@AfterEach
	void tearDown() {
		this.clients.close();
	}

	@Test
	void defaultTaskSendsEveryFieldWithTheSdkDefaults() {
		this.clients.template().submit("Go to hacker news and get the top 5 stories.").await(Duration.ofSeconds(5));

		JsonNode body = onlySubmitBody();
		assertThat(body.propertyNames()).containsExactlyElementsOf(SDK_FIELDS);
		JsonNode expected = json.readTree("""
				{ "task": "Go to hacker news and get the top 5 stories.",
				  "response_model": null, "url": null, "metadata": null, "files": null,
				  "agent": "smooth", "max_steps": 32, "device": "desktop", "allowed_urls": null,
				  "enable_recording": true, "profile_id": null, "profile_read_only": false,
				  "stealth_mode": false, "use_stealth": true,
				  "proxy_server": null, "proxy_username": null, "proxy_password": null,
				  "certificates": null, "use_adblock": true, "use_captcha_solver": true,
				  "additional_tools": null, "custom_tools": null, "experimental_features": null,
				  "extensions": null, "show_cursor": false }
				""");
		assertThat(body).isEqualTo(expected);
	}

	@Test
	void everyFieldSet() {
		SmoothTask task = SmoothTask.builder("Book it")
			.url("https://flights.example.com/search")
			.responseModel(json.readTree("{\"type\":\"object\"}"))
			.metadata("city", "Paris")
			.metadata("adults", 2)
			.metadata("flexible", true)
			.maxSteps(40)
			.browser((b) -> b.files("file_1", "file_2")
				.agent(Agent.SMOOTH_LITE)
				.device(Device.MOBILE)
				.allowedUrls("https://**.example.com/**")
				.recording(false)
				.profile("work-profile", true)
				.stealth(false)
				.proxy("socks5://proxy.example.com:1080", "bob", "pa55word")
				.certificate(Certificate.of(new byte[] { 1, 2, 3 }, "p12-pass"))
				.adblock(false)
				.captchaSolver(false)
				.additionalTool("screenshot", Map.of("full_page", true))
				.additionalTool("hover")
				.experimentalFeature("fast_mode", true)
				.extensions("ext_1")
				.showCursor(true))
			.build();

		this.clients.template().submit(task).await(Duration.ofSeconds(5));

		JsonNode expected = json.readTree(
				"""
						{ "task": "Book it",
						  "response_model": {"type": "object"}, "url": "https://flights.example.com/search",
						  "metadata": {"city": "Paris", "adults": 2, "flexible": true}, "files": ["file_1", "file_2"],
						  "agent": "smooth-lite", "max_steps": 40, "device": "mobile",
						  "allowed_urls": ["https://**.example.com/**"],
						  "enable_recording": false, "profile_id": "work-profile", "profile_read_only": true,
						  "stealth_mode": false, "use_stealth": false,
						  "proxy_server": "socks5://proxy.example.com:1080", "proxy_username": "bob", "proxy_password": "pa55word",
						  "certificates": [{"file": "AQID", "password": "p12-pass", "filters": null}],
						  "use_adblock": false, "use_captcha_solver": false,
						  "additional_tools": {"screenshot": {"full_page": true}, "hover": null}, "custom_tools": null,
						  "experimental_features": {"fast_mode": true},
						  "extensions": ["ext_1"], "show_cursor": true }
						""");
		assertThat(onlySubmitBody()).isEqualTo(expected);
		assertThat(task.toString()).doesNotContain("pa55word").doesNotContain("AQID").doesNotContain("p12-pass");
	}

	@Test
	void sessionFormSendsNullTaskUrlAndModel() {
		this.clients.launcher()
			.launch(TaskKind.SESSION, null, BrowserOptions.builder().device(Device.DESKTOP).build())
			.block(Duration.ofSeconds(5));

		JsonNode body = onlySubmitBody();
		assertThat(body.propertyNames()).containsExactlyElementsOf(SDK_FIELDS);
		assertThat(body.get("task").isNull()).isTrue();
		assertThat(body.get("url").isNull()).isTrue();
		assertThat(body.get("response_model").isNull()).isTrue();
		assertThat(body.get("max_steps").asInt()).isEqualTo(32);
	}

	@Test
	void sendsApiKeyUserAgentAndJsonContentType() {
		this.clients.template().submit("x y").await(Duration.ofSeconds(5));

		LoggedRequest request = wm.findAll(postRequestedFor(urlEqualTo("/api/v1/task"))).get(0);
		assertThat(request.getHeader("apikey")).isEqualTo(SmoothTestClients.API_KEY);
		assertThat(request.getHeader("User-Agent")).startsWith("smooth-spring-boot-starter/")
			.isEqualTo(SmoothWebClients.USER_AGENT)
			.doesNotContain("unknown");
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
	}

	@Test
	void outputTypeSendsTheGeneratedSchema() {
		this.clients.template().submit(SmoothTask.builder("top stories").outputType(Story.class).build());

		JsonNode model = onlySubmitBody().get("response_model");
		assertThat(model.get("type").asString()).isEqualTo("object");
		assertThat(model.get("properties").propertyNames()).containsExactlyInAnyOrder("title", "points");
	}

	private JsonNode onlySubmitBody() {
		List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo("/api/v1/task")));
		assertThat(requests).hasSize(1);
		return json.readTree(requests.get(0).getBodyAsString());
	}

	record Story(String title, int points) {
	}

}
