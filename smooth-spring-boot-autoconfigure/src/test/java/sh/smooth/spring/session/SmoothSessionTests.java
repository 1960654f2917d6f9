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

package sh.smooth.spring.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;

import sh.smooth.spring.SmoothTemplate;
import sh.smooth.spring.browser.ActionResult;
import sh.smooth.spring.browser.Agent;
import sh.smooth.spring.browser.BrowserOptions;
import sh.smooth.spring.browser.Device;
import sh.smooth.spring.browser.SessionTask;
import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.error.SmoothNotFoundException;
import sh.smooth.spring.error.SmoothTimeoutException;
import sh.smooth.spring.error.SmoothValidationException;
import sh.smooth.spring.observation.SmoothSessionActionObservationContext;
import sh.smooth.spring.schema.SmoothSchemaGenerator;
import sh.smooth.spring.session.FakeSessionServer.FakeSession;
import sh.smooth.spring.support.OutputConverter;
import sh.smooth.spring.support.SmoothTestClients;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.task.TaskStatus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

@ExtendWith(OutputCaptureExtension.class)
class SmoothSessionTests {

	static final FakeSessionServer server = new FakeSessionServer();

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().extensions(server))
		.build();

	private static final OutputConverter CONVERTER = new OutputConverter(FakeSessionServer.JSON);

	private static final String ID_PATTERN = "[A-Za-z0-9_-]{21}";

	private final List<String> observed = new CopyOnWriteArrayList<>();

	private SmoothTestClients clients;

	private SmoothTemplate smooth;

	@BeforeEach
	void setUp() {
		server.reset();
		wm.stubFor(any(urlPathMatching("/api/v1/task.*"))
			.willReturn(aResponse().withTransformers(FakeSessionServer.NAME)));
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig()
			.observationHandler(new ObservationHandler<SmoothSessionActionObservationContext>() {

				@Override
				public void onStop(SmoothSessionActionObservationContext context) {
					SmoothSessionTests.this.observed.add(context.getSessionId() + ":" + context.getAction() + ":"
							+ context.getOutcome().value() + ":" + context.getCreditsUsed());
				}

				@Override
				public boolean supportsContext(Observation.Context context) {
					return context instanceof SmoothSessionActionObservationContext;
				}

			});
		this.clients = SmoothTestClients.create(wm.baseUrl() + "/api/v1", observations);
		this.smooth = this.clients.template();
	}

	@AfterEach
	void tearDown() {
		this.clients.close();
	}

	record Flight(String from, String to, int price) {
	}

	@Test
	void theExampleOfTheIssueRunsAsWritten() {
		server.responder = (session, action) -> {
			switch (action.action()) {
				case "run_task" -> session.reply(action, 200,
						json("{\"output\":\"found 2 flights\",\"credits_used\":7,\"duration\":12.5}"));
				case "extract" -> session
					.reply(action, 200, action.input().path("schema").path("type").asString().equals("array") ? json(
							"{\"output\":[{\"from\":\"NYC\",\"to\":\"LA\",\"price\":120},{\"from\":\"NYC\",\"to\":\"LA\",\"price\":99}],\"credits_used\":2,\"duration\":1}")
							: json("{\"output\":{\"from\":\"NYC\",\"to\":\"LA\",\"price\":99},\"credits_used\":1,\"duration\":1}"));
				case "evaluate_js" -> session.reply(action, 200, action.input().path("args").isNull()
						? json("{\"output\":\"Flights\",\"credits_used\":0,\"duration\":0.1}") : json("3"));
				default -> FakeSessionServer.Responder.DEFAULT.onAction(session, action);
			}
		};
		String id;
		try (SmoothSession s = this.smooth
			.openSession(BrowserOptions.builder().device(Device.DESKTOP).profile("work-profile", false).build())) {
			s.goTo("https://flights.example.com");
			ActionResult r = s.runTask(SessionTask.builder("Search one-way NYC→LA on March 15")
				.maxSteps(20)
				.secret("PASSWORD", "s3cr3t", "https://*.example.com/*")
				.build());
			List<Flight> flights = s.extract(new ParameterizedTypeReference<List<Flight>>() {
			}, (o) -> o.prompt("Extract all flights"));
			Flight cheapest = s.extract(Flight.class, (o) -> o.prompt("The cheapest flight"));
			JsonNode title = s.evaluateJs("document.title");
			JsonNode sum = s.evaluateJs("(a) => a.x + a.y", (o) -> o.args(Map.of("x", 1, "y", 2)));
			String live = s.liveUrl((o) -> o.interactive(true).embed(true));
			id = s.id();

			assertThat(r.outputText()).isEqualTo("found 2 flights");
			assertThat(r.creditsUsed()).isEqualTo(7);
			assertThat(r.duration()).isEqualTo(Duration.ofMillis(12500));
			assertThat(flights).containsExactly(new Flight("NYC", "LA", 120), new Flight("NYC", "LA", 99));
			assertThat(cheapest).isEqualTo(new Flight("NYC", "LA", 99));
			assertThat(title.asString()).isEqualTo("Flights");
			assertThat(sum.asInt()).isEqualTo(3);
			assertThat(live).isEqualTo("https://live.smooth.sh/v/s1?b=aGk&interactive=true&embed=true");
			assertThat(id).isEqualTo("s1");
		}
		wm.verify(1, deleteRequestedFor(urlEqualTo("/api/v1/task/s1")));
		assertThat(server.session("s1").actions()).extracting((a) -> a.path("payload").path("name").asString())
			.containsExactly("goto", "run_task", "extract", "extract", "evaluate_js", "evaluate_js");
	}

	@Test
	void opensTheSessionWithTaskNullAndEveryOption() throws Exception {
		BrowserOptions spec = BrowserOptions.builder()
			.device(Device.MOBILE)
			.profile("p1", true)
			.proxy("http://proxy.example.com:8080", "bob", "pr0xy-pw")
			.certificate(new ByteArrayResource(new byte[] { 1, 2, 3 }), "cert-pw")
			.extensions("ext1")
			.files("file1", "file2")
			.allowedUrls("https://**.example.com/**")
			.agent(Agent.SMOOTH_LITE)
			.recording(false)
			.stealth(false)
			.adblock(false)
			.captchaSolver(false)
			.showCursor(true)
			.additionalTool("screenshot", Map.of("full_page", true))
			.experimentalFeature("fast", true)
			.metadata("team", "qa")
			.noTools()
			.build();
		assertThat(spec.toString()).doesNotContain("pr0xy-pw").doesNotContain("cert-pw").doesNotContain("AQID");

		try (SmoothSession session = this.smooth.openSession(spec)) {
			assertThat(session.isOpen()).isTrue();
		}

		JsonNode body = json(wm.findAll(postRequestedFor(urlEqualTo("/api/v1/task"))).get(0).getBodyAsString());
		assertThat(body.get("task").isNull()).isTrue();
		assertThat(body.get("url").isNull()).isTrue();
		assertThat(body.get("response_model").isNull()).isTrue();
		assertThat(body.get("device").asString()).isEqualTo("mobile");
		assertThat(body.get("profile_id").asString()).isEqualTo("p1");
		assertThat(body.get("profile_read_only").asBoolean()).isTrue();
		assertThat(body.get("proxy_server").asString()).isEqualTo("http://proxy.example.com:8080");
		assertThat(body.get("proxy_username").asString()).isEqualTo("bob");
		assertThat(body.get("proxy_password").asString()).isEqualTo("pr0xy-pw");
		assertThat(body.get("certificates").get(0).get("file").asString()).isEqualTo("AQID");
		assertThat(body.get("certificates").get(0).get("password").asString()).isEqualTo("cert-pw");
		assertThat(body.get("extensions")).isEqualTo(json("[\"ext1\"]"));
		assertThat(body.get("files")).isEqualTo(json("[\"file1\",\"file2\"]"));
		assertThat(body.get("allowed_urls")).isEqualTo(json("[\"https://**.example.com/**\"]"));
		assertThat(body.get("agent").asString()).isEqualTo("smooth-lite");
		assertThat(body.get("enable_recording").asBoolean()).isFalse();
		assertThat(body.get("use_stealth").asBoolean()).isFalse();
		assertThat(body.get("use_adblock").asBoolean()).isFalse();
		assertThat(body.get("use_captcha_solver").asBoolean()).isFalse();
		assertThat(body.get("show_cursor").asBoolean()).isTrue();
		assertThat(body.get("additional_tools")).isEqualTo(json("{\"screenshot\":{\"full_page\":true}}"));
		assertThat(body.get("experimental_features")).isEqualTo(json("{\"fast\":true}"));
		assertThat(body.get("metadata")).isEqualTo(json("{\"team\":\"qa\"}"));
		assertThat(body.get("custom_tools").isNull()).isTrue();
	}

	@Test
	void sendsTheExactWireBodyOfEveryAction() {
		server.responder = (session, action) -> {
			if (action.action().equals("close")) {
				FakeSessionServer.Responder.DEFAULT.onAction(session, action);
			}
			else {
				session.reply(action, 200, json("{\"output\":null,\"credits_used\":0,\"duration\":0}"));
			}
		};
		ObjectNode schema = (ObjectNode) json("{\"type\":\"object\",\"properties\":{\"title\":{\"type\":\"string\"}}}");
		SmoothSession session = this.smooth.openSession();
		session.goTo("https://example.com/login");
		session.extract(schema, (o) -> o.prompt("The title"));
		session.extract(schema, null);
		session.evaluateJs("document.title");
		session.evaluateJs("(a) => a.x", (o) -> o.args(Map.of("x", 1)));
		session.runTask(SessionTask.builder("Log in")
			.maxSteps(12)
			.url("https://github.com/login")
			.outputType(Flight.class)
			.metadata("user", "bob")
			.secret("GITHUB_PASSWORD", "s3cr3t", "https://github.com/*")
			.build());
		session.runTask("Just look");
		assertThat(session.close(false)).isTrue();

		List<JsonNode> actions = server.session("s1").actions();
		assertThat(actions).hasSize(8);
		List<String> ids = new ArrayList<>();
		for (JsonNode action : actions) {
			assertThat(action.get("id").asString()).matches(ID_PATTERN);
			assertThat(action.has("timestamp")).isFalse();
			ids.add(action.get("id").asString());
		}
		assertThat(ids).doesNotHaveDuplicates();
		assertThat(withoutId(actions.get(0))).isEqualTo(json(
				"{\"name\":\"browser_action\",\"payload\":{\"name\":\"goto\",\"input\":{\"url\":\"https://example.com/login\"}}}"));
		assertThat(withoutId(actions.get(1)))
			.isEqualTo(json("{\"name\":\"browser_action\",\"payload\":{\"name\":\"extract\"," + "\"input\":{\"schema\":"
					+ schema + ",\"prompt\":\"The title\"}}}"));
		assertThat(withoutId(actions.get(2)))
			.isEqualTo(json("{\"name\":\"browser_action\",\"payload\":{\"name\":\"extract\"," + "\"input\":{\"schema\":"
					+ schema + ",\"prompt\":null}}}"));
		assertThat(withoutId(actions.get(3)))
			.isEqualTo(json("{\"name\":\"browser_action\",\"payload\":{\"name\":\"evaluate_js\","
					+ "\"input\":{\"js\":\"document.title\",\"args\":null}}}"));
		assertThat(withoutId(actions.get(4)))
			.isEqualTo(json("{\"name\":\"browser_action\",\"payload\":{\"name\":\"evaluate_js\","
					+ "\"input\":{\"js\":\"(a) => a.x\",\"args\":{\"x\":1}}}}"));
		JsonNode flightSchema = new SmoothSchemaGenerator().schemaFor(Flight.class);
		assertThat(withoutId(actions.get(5)))
			.isEqualTo(json("{\"name\":\"session_action\",\"payload\":{\"name\":\"run_task\","
					+ "\"input\":{\"task\":\"Log in\",\"max_steps\":12,\"response_model\":" + flightSchema
					+ ",\"url\":\"https://github.com/login\",\"metadata\":{\"user\":\"bob\"},"
					+ "\"secrets\":{\"GITHUB_PASSWORD\":{\"value\":\"s3cr3t\",\"allowed_urls\":[\"https://github.com/*\"]}}}}}"));
		assertThat(withoutId(actions.get(6)))
			.isEqualTo(json("{\"name\":\"session_action\",\"payload\":{\"name\":\"run_task\","
					+ "\"input\":{\"task\":\"Just look\",\"max_steps\":32,\"response_model\":null,\"url\":null,"
					+ "\"metadata\":null,\"secrets\":null}}}"));
		assertThat(withoutId(actions.get(7)))
			.isEqualTo(json("{\"name\":\"session_action\",\"payload\":{\"name\":\"close\"}}"));
		// key order on the wire follows the SDKs
		assertThat(actions.get(0).propertyNames()).containsExactly("name", "payload", "id");
	}

	@Test
	void acceptsBothResultShapes() {
		server.responder = (session, action) -> session.reply(action, 200,
				action.input().path("js").asString().equals("sdk")
						? json("{\"output\":{\"title\":\"Example\"},\"credits_used\":2,\"duration\":2.4}")
						: json("{\"title\":\"Plain\"}"));
		try (SmoothSession session = this.smooth.openSession()) {
			assertThat(session.evaluateJs("sdk")).isEqualTo(json("{\"title\":\"Example\"}"));
			assertThat(session.evaluateJs("plain")).isEqualTo(json("{\"title\":\"Plain\"}"));
		}
		ActionResult wrapped = ActionResult.of("extract", "e1",
				json("{\"output\":{\"title\":\"Example\"},\"credits_used\":2,\"duration\":2.4}"), CONVERTER);
		assertThat(wrapped.output()).isEqualTo(json("{\"title\":\"Example\"}"));
		assertThat(wrapped.creditsUsed()).isEqualTo(2);
		assertThat(wrapped.duration()).isEqualTo(Duration.ofMillis(2400));
		ActionResult plain = ActionResult.of("extract", "e1", json("[1,2]"), CONVERTER);
		assertThat(plain.output()).isEqualTo(json("[1,2]"));
		assertThat(plain.creditsUsed()).isZero();
		assertThat(plain.duration()).isZero();
		ActionResult free = ActionResult.of("goto", "e1", json("{\"credits_used\":0,\"duration\":1.2}"), CONVERTER);
		assertThat(free.output().isNull()).isTrue();
		assertThat(free.outputText()).isNull();
	}

	@Test
	void code400And500AreTypedAndTheSessionStaysUsable() {
		server.responder = (session, action) -> {
			switch (action.input().path("js").asString()) {
				case "bad" -> session.reply(action, 400, json("\"ReferenceError: foo is not defined\""));
				case "boom" -> session.reply(action, 500, json("\"internal error\""));
				default -> session.reply(action, 200, json("{\"output\":42}"));
			}
		};
		try (SmoothSession session = this.smooth.openSession()) {
			SmoothActionException user = assertThatExceptionOfType(SmoothActionException.class)
				.isThrownBy(() -> session.evaluateJs("bad"))
				.actual();
			assertThat(user.getMessage()).contains("ReferenceError: foo is not defined");
			assertThat(user.serverMessage()).isEqualTo("ReferenceError: foo is not defined");
			assertThat(user.sessionId()).isEqualTo("s1");
			assertThat(user.action()).isEqualTo("evaluate_js");
			assertThat(user.eventId()).isEqualTo(server.session("s1").actions().get(0).get("id").asString());

			SmoothActionFailedException failed = assertThatExceptionOfType(SmoothActionFailedException.class)
				.isThrownBy(() -> session.evaluateJs("boom"))
				.actual();
			assertThat(failed.code()).isEqualTo(500);
			assertThat(failed.sessionId()).isEqualTo("s1");
			assertThat(failed.action()).isEqualTo("evaluate_js");
			assertThat(failed.eventId()).isEqualTo(server.session("s1").actions().get(1).get("id").asString());
			assertThat(failed).isInstanceOf(SmoothException.class);

			assertThat(session.evaluateJs("ok").asInt()).isEqualTo(42);
		}
		assertThat(this.observed).containsExactly("s1:evaluate_js:error:0", "s1:evaluate_js:failed:0",
				"s1:evaluate_js:success:0");
	}

	@Test
	void aResultSpreadOverSeveralPollsIsAwaited() {
		server.responder = (session, action) -> {
			// an unrelated event, then a progress event with no code, then the result
			session.event(0, "other", "browser_action", json("{\"code\":200,\"output\":\"not yours\"}"));
			session.event(1, action.id(), action.eventName(), json("{\"status\":\"working\"}"));
			session.replyAfter(3, action.id(), action.eventName(), 200,
					json("{\"output\":\"late\",\"credits_used\":3}"));
		};
		try (SmoothSession session = this.smooth.openSession()) {
			int before = server.session("s1").polls.get();
			ActionResult result = session.runTask("slow");
			assertThat(result.outputText()).isEqualTo("late");
			assertThat(result.creditsUsed()).isEqualTo(3);
			assertThat(server.session("s1").polls.get() - before).isGreaterThanOrEqualTo(4);
		}
	}

	@Test
	void duplicateResultEventsAndUnknownIdsAreIgnored() {
		server.responder = (session, action) -> {
			if (action.input().path("js").asString().equals("first")) {
				session.event(0, "unknown-id-0000000000", action.eventName(), json("{\"code\":500,\"output\":\"x\"}"));
				session.reply(action, 200, json("{\"output\":1}"));
				session.reply(action, 200, json("{\"output\":2}"));
				session.replyAfter(1, action.id(), action.eventName(), 500, json("\"late duplicate\""));
			}
			else {
				session.replyAfter(2, action.id(), action.eventName(), 200, json("{\"output\":3}"));
			}
		};
		try (SmoothSession session = this.smooth.openSession()) {
			assertThat(session.evaluateJs("first").asInt()).isEqualTo(1);
			assertThat(session.evaluateJs("second").asInt()).isEqualTo(3);
		}
		assertThat(this.observed).containsExactly("s1:evaluate_js:success:0", "s1:evaluate_js:success:0");
	}

	@Test
	void aResultWithoutCodeKeepsWaitingWithoutHanging() {
		server.responder = (session, action) -> session.event(0, action.id(), action.eventName(),
				json("{\"output\":\"no code\"}"));
		try (SmoothSession session = this.smooth.openSession()) {
			CompletableFuture<JsonNode> pending = session.reactive().evaluateJs("x").toFuture();
			await().atMost(Duration.ofSeconds(5)).until(() -> server.session("s1").polls.get() >= 3);
			assertThat(pending).isNotDone();
			// the real result, with a code, completes it
			JsonNode action = server.session("s1").actions().get(0);
			server.session("s1")
				.replyAfter(0, action.get("id").asString(), "browser_action", 200, json("{\"output\":\"done\"}"));
			assertThat(pending).succeedsWithin(Duration.ofSeconds(5))
				.satisfies((node) -> assertThat(node.asString()).isEqualTo("done"));
			// and without one, the caller gets a timeout, not a hang
			assertThatExceptionOfType(SmoothTimeoutException.class)
				.isThrownBy(() -> session.evaluateJs("y", (o) -> o.timeout(Duration.ofMillis(300))));
		}
	}

	@Test
	void whenTheSessionEndsEveryPendingActionFailsAtOnceAfterTheFinalEvents() {
		server.responder = (session, action) -> {
			if (action.action().equals("goto")) {
				// the last action's result and the end arrive in the same poll
				session.reply(action, 200, json("{\"credits_used\":0,\"duration\":1}"));
				session.endWith("failed");
			}
		};
		SmoothSession session = this.smooth.openSession();
		CompletableFuture<ActionResult> runTask = session.reactive()
			.runTask(SessionTask.builder("long").build())
			.toFuture();
		CompletableFuture<JsonNode> js = session.reactive().evaluateJs("1 + 1").toFuture();
		CompletableFuture<ActionResult> go = session.reactive().goTo("https://example.com").toFuture();

		assertThat(go).succeedsWithin(Duration.ofSeconds(3));
		for (CompletableFuture<?> pending : List.of(runTask, js)) {
			assertThat(pending).failsWithin(Duration.ofSeconds(3))
				.withThrowableOfType(ExecutionException.class)
				.havingCause()
				.isInstanceOf(SmoothSessionClosedException.class)
				.withMessageContaining("status failed")
				.satisfies((ex) -> assertThat(((SmoothSessionClosedException) ex).status()).isEqualTo("failed"));
		}
		assertThat(session.isOpen()).isFalse();
		assertThat(session.result().status()).isEqualTo(TaskStatus.FAILED);
		// a new action fails locally, without a request
		int posts = server.session("s1").received.size();
		assertThatExceptionOfType(SmoothSessionClosedException.class)
			.isThrownBy(() -> session.goTo("https://x.example"));
		assertThat(server.session("s1").received).hasSize(posts);
		assertThat(this.observed).contains("s1:run_task:closed:0", "s1:evaluate_js:closed:0", "s1:goto:success:0");
	}

	@Test
	void pollFailureFailsPendingActionsAtOnce() {
		server.responder = FakeSessionServer.Responder.SILENT;
		SmoothSession session = this.smooth.openSession();
		CompletableFuture<ActionResult> pending = session.reactive().goTo("https://example.com").toFuture();
		await().atMost(Duration.ofSeconds(5)).until(() -> server.session("s1").received.size() == 1);
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/s1")).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"detail\":\"Task not found\"}")));
		assertThat(pending).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(SmoothSessionClosedException.class)
			.withMessageContaining("status unknown")
			.withCauseInstanceOf(SmoothNotFoundException.class);
	}

	@Test
	void gracefulCloseDoesNotHangWhenTheServerEndsTheSessionInTheSamePoll() {
		SmoothSession session = this.smooth.openSession();
		session.goTo("https://example.com");
		boolean closed = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> session.close(false));
		assertThat(closed).isTrue();
		TaskResult result = session.result();
		assertThat(result.status()).isEqualTo(TaskStatus.DONE);
		// try-with-resources after a graceful close sends no DELETE
		session.close();
		wm.verify(0, deleteRequestedFor(urlEqualTo("/api/v1/task/s1")));
		assertThat(this.observed).contains("s1:close:success:0");
	}

	@Test
	void gracefulCloseWhenTheSessionEndsWithoutTheCloseResultDoesNotHang() {
		server.responder = (session, action) -> session.endWith("done");
		SmoothSession session = this.smooth.openSession();
		assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> session.close(false))).isTrue();
		assertThat(session.result().status()).isEqualTo(TaskStatus.DONE);
	}

	@Test
	void gracefulCloseRefusedWhileTheAgentIsBusyKeepsTheSessionOpen() {
		server.responder = (session, action) -> session.reply(action, 200,
				json("{\"output\":false,\"credits_used\":0,\"duration\":0}"));
		try (SmoothSession session = this.smooth.openSession()) {
			assertThat(session.close(false)).isFalse();
			assertThat(session.isOpen()).isTrue();
		}
		wm.verify(1, deleteRequestedFor(urlEqualTo("/api/v1/task/s1")));
	}

	@Test
	void closeIsIdempotentAndResultReturnsTheFinalTaskResult() {
		server.responder = (session, action) -> session.reply(action, 200,
				json("{\"output\":\"ok\",\"credits_used\":4,\"duration\":1}"));
		SmoothSession session = this.smooth.openSession();
		assertThatThrownBy(session::result).isInstanceOf(SmoothException.class).hasMessageContaining("still open");
		session.runTask("work");
		session.close();
		session.close();
		assertThat(session.close(true)).isTrue();
		wm.verify(1, deleteRequestedFor(urlEqualTo("/api/v1/task/s1")));
		TaskResult result = session.result();
		assertThat(result.status()).isEqualTo(TaskStatus.CANCELLED);
		assertThat(result.creditsUsed()).isEqualTo(4);
		assertThat(session.isOpen()).isFalse();
		assertThatExceptionOfType(SmoothSessionClosedException.class)
			.isThrownBy(() -> session.goTo("https://x.example"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo("cancelled"));
	}

	@Test
	void forceCloseFailsPendingActions() {
		server.responder = FakeSessionServer.Responder.SILENT;
		SmoothSession session = this.smooth.openSession();
		CompletableFuture<ActionResult> pending = session.reactive()
			.runTask(SessionTask.builder("forever").build())
			.toFuture();
		await().atMost(Duration.ofSeconds(5)).until(() -> server.session("s1").received.size() == 1);
		session.close();
		assertThat(pending).isCompletedExceptionally();
		assertThat(pending).failsWithin(Duration.ZERO)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(SmoothSessionClosedException.class)
			.withMessageContaining("cancelled");
	}

	@Test
	void aTimeoutLeavesTheSessionUsableAndTheLateResultIsDropped() {
		server.responder = FakeSessionServer.Responder.SILENT;
		try (SmoothSession session = this.smooth.openSession()) {
			// an action that times out before its POST went out is never sent; one second
			// is ample for a local POST even on a loaded machine, so the action reaches
			// the
			// server first and its result can then arrive late
			CompletableFuture<ActionResult> first = session.reactive()
				.goTo("https://slow.example.com", (o) -> o.timeout(Duration.ofSeconds(1)))
				.toFuture();
			FakeSession fake = server.session("s1");
			await().atMost(Duration.ofSeconds(10)).until(() -> fake.actions().size() == 1);
			assertThat(first).failsWithin(Duration.ofSeconds(10))
				.withThrowableOfType(ExecutionException.class)
				.havingCause()
				.isInstanceOfSatisfying(SmoothTimeoutException.class, (timeout) -> {
					assertThat(timeout.taskId()).isEqualTo("s1");
					assertThat(timeout.timeout()).isEqualTo(Duration.ofSeconds(1));
					assertThat(timeout.getMessage()).contains("goto").contains("stays open");
				});
			String lateId = fake.actions().get(0).get("id").asString();
			server.responder = (s, action) -> {
				// the late result of the first action arrives first, then this one's
				s.replyAfter(0, lateId, "browser_action", 500, json("\"late\""));
				s.reply(action, 200, json("{\"output\":\"fresh\"}"));
			};
			assertThat(session.evaluateJs("x").asString()).isEqualTo("fresh");
			assertThat(session.isOpen()).isTrue();
		}
		assertThat(this.observed).containsExactly("s1:goto:timeout:0", "s1:evaluate_js:success:0");
	}

	@Test
	void actionsAreSentInCallOrder() {
		server.eventPostDelayMillis = 40;
		server.responder = (session, action) -> session.reply(action, 200,
				json("{\"output\":" + action.input().path("js").asString() + "}"));
		try (SmoothSession session = this.smooth.openSession()) {
			List<CompletableFuture<JsonNode>> futures = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				futures.add(session.reactive().evaluateJs(Integer.toString(i)).toFuture());
			}
			for (int i = 0; i < 6; i++) {
				assertThat(futures.get(i).join().asInt()).isEqualTo(i);
			}
		}
		assertThat(server.session("s1").actions())
			.extracting((a) -> a.path("payload").path("input").path("js").asString())
			.containsExactly("0", "1", "2", "3", "4", "5");
	}

	@Test
	void anIdleSessionIsNotPolled() {
		try (SmoothSession session = this.smooth.openSession()) {
			FakeSession fake = server.session(session.id());
			// the first poll pauses the poller: nothing is waiting
			await().atMost(Duration.ofSeconds(2)).until(() -> fake.polls.get() >= 1);
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> fake.polls.get() <= 2);
			// an action wakes it up at once
			session.goTo("https://example.com");
			int afterAction = fake.polls.get();
			await().during(Duration.ofMillis(300))
				.atMost(Duration.ofSeconds(2))
				.until(() -> fake.polls.get() <= afterAction + 1);
		}
	}

	@Test
	void argumentsAreValidatedBeforeAnyRequest() {
		SmoothSession session = this.smooth.openSession();
		assertThatExceptionOfType(SmoothValidationException.class).isThrownBy(() -> session.goTo("not a url"))
			.withMessageContaining("url");
		assertThatExceptionOfType(SmoothValidationException.class).isThrownBy(() -> session.evaluateJs(" "))
			.withMessageContaining("js");
		assertThatExceptionOfType(SmoothValidationException.class)
			.isThrownBy(() -> session.extract(json("[]"), (o) -> o.prompt("x")))
			.withMessageContaining("schema");
		assertThatExceptionOfType(SmoothValidationException.class)
			.isThrownBy(() -> session.goTo("https://example.com", (o) -> o.timeout(Duration.ZERO)))
			.withMessageContaining("timeout");
		assertThatExceptionOfType(SmoothValidationException.class)
			.isThrownBy(() -> SessionTask.builder("x").maxSteps(1))
			.withMessageContaining("max_steps");
		assertThatExceptionOfType(SmoothValidationException.class)
			.isThrownBy(() -> SessionTask.builder("x").secret("PW", "hunter2-secret"))
			.withMessageContaining("allowedUrls")
			.withMessageNotContaining("hunter2-secret");
		assertThatExceptionOfType(SmoothValidationException.class)
			.isThrownBy(() -> SessionTask.builder("x").secret("PW", "", "https://a.example/*"))
			.withMessageContaining("value");
		assertThatExceptionOfType(SmoothValidationException.class)
			.isThrownBy(() -> BrowserOptions.builder().proxy("ftp://proxy"))
			.withMessageContaining("proxyServer");
		assertThat(server.session(session.id()).received).isEmpty();
		session.close();
	}

	@Test
	void runTaskSecretsNeverAppearInToStringLogsOrExceptions(CapturedOutput output) {
		server.responder = (session, action) -> session.reply(action, 400, json("\"login failed\""));
		SessionTask task = SessionTask.builder("Log in")
			.secret("PASSWORD", "s3cr3t-value", "https://*.example.com/*")
			.build();
		assertThat(task.toString()).contains("PASSWORD").doesNotContain("s3cr3t-value");
		assertThat(task.secrets().get("PASSWORD").toString()).doesNotContain("s3cr3t-value");
		try (SmoothSession session = this.smooth.openSession()) {
			assertThatExceptionOfType(SmoothActionException.class).isThrownBy(() -> session.runTask(task))
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("s3cr3t-value"));
		}
		// the value went on the wire, and nowhere else
		assertThat(server.session("s1").actions().get(0).toString()).contains("s3cr3t-value");
		assertThat(output.getAll()).doesNotContain("s3cr3t-value");
	}

	private static JsonNode withoutId(JsonNode event) {
		ObjectNode copy = (ObjectNode) event.deepCopy();
		copy.remove("id");
		return copy;
	}

	static JsonNode json(String text) {
		return FakeSessionServer.JSON.readTree(text);
	}

}
