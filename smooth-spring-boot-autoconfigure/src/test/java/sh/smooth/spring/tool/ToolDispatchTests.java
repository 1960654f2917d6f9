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

package sh.smooth.spring.tool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import sh.smooth.spring.error.SmoothValidationException;
import sh.smooth.spring.observation.SmoothToolCallObservationContext;
import sh.smooth.spring.observation.ToolAnswerRecorder;
import sh.smooth.spring.observation.ToolCallObservations;
import sh.smooth.spring.support.ExpectedLog;
import sh.smooth.spring.support.LogCapture;
import sh.smooth.spring.support.SmoothTestClients;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.browser.BrowserOptions;
import sh.smooth.spring.browser.ToolSelection;
import sh.smooth.spring.task.TaskHandle;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tool calls over real HTTP: every code path checked on the exact event POSTed back.
 */
@ExtendWith(OutputCaptureExtension.class)
class ToolDispatchTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final DispatchTools tools = new DispatchTools();

	private final List<String> observed = new CopyOnWriteArrayList<>();

	private final List<AutoCloseable> closeables = new ArrayList<>();

	private SmoothTestClients clients;

	private ToolRegistry registry;

	@AfterEach
	void tearDown() throws Exception {
		for (AutoCloseable closeable : this.closeables) {
			closeable.close();
		}
	}

	private SmoothTestClients start(Duration timeout, boolean attachAll, int threads, int queue) {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("dispatchTools", this.tools);
		this.registry = attachAll ? new ToolRegistry() : new ToolRegistry(ToolSelection.none());
		SmoothToolMethodProcessor processor = new SmoothToolMethodProcessor(this.registry,
				ToolInputSchemas.withDefaultGenerator(), json);
		processor.setBeanFactory(beans);
		processor.afterSingletonsInstantiated();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new ObservationHandler<SmoothToolCallObservationContext>() {

			@Override
			public void onStop(SmoothToolCallObservationContext context) {
				ToolDispatchTests.this.observed.add(context.getEventId() + ":" + context.getOutcome().value());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof SmoothToolCallObservationContext;
			}

		});
		this.clients = SmoothTestClients.builder(wm.baseUrl() + "/api/v1")
			.tools((c) -> new ToolDispatcher(this.registry, ToolDispatcher.boundedExecutor(threads, queue),
					new DefaultSmoothToolErrorHandler(), json,
					new ToolDispatcher.Settings(timeout, ToolDispatcher.DEFAULT_QUEUE_TIMEOUT, c.api().retrySettings()),
					c.browserActions(), new ToolCallObservations(observations, null), ToolAnswerRecorder.NONE))
			.build();
		this.closeables.add(this.clients);
		return this.clients;
	}

	private SmoothTestClients start() {
		return start(Duration.ofSeconds(10), true, 4, 100);
	}

	// --- stubs

	private static String call(String id, String tool, String input) {
		return "{\"id\":\"" + id + "\",\"name\":\"tool_call\",\"timestamp\":1000,\"payload\":{\"name\":\"" + tool + "\""
				+ ((input != null) ? ",\"input\":" + input : "") + "}}";
	}

	private static void stubSubmit(String taskId) {
		wm.stubFor(
				post("/api/v1/task").willReturn(okJson("{\"r\":{\"id\":\"" + taskId + "\",\"status\":\"waiting\"}}")));
	}

	/**
	 * The first poll returns the events, and so does the re-read of their millisecond
	 * (event_t=999); later polls (event_t=1000) return nothing new.
	 */
	private static void stubTask(String taskId, String... events) {
		String path = "/api/v1/task/" + taskId;
		wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("event_t", equalTo("0"))
			.willReturn(running(taskId, String.join(",", events))));
		wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("event_t", equalTo("999"))
			.willReturn(running(taskId, String.join(",", events))));
		wm.stubFor(
				get(urlPathEqualTo(path)).withQueryParam("event_t", equalTo("1000")).willReturn(running(taskId, "")));
		wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("event_t", absent()).willReturn(running(taskId, "")));
		wm.stubFor(post(urlEqualTo(path + "/event")).willReturn(okJson("{\"r\":{\"id\":\"x\"}}")));
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder running(String taskId,
			String events) {
		return aResponse().withStatus(202)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"r\":{\"id\":\"" + taskId + "\",\"status\":\"running\",\"events\":[" + events + "]}}");
	}

	/** From now on every poll of the task says it is done. */
	private static void finish(String taskId) {
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/" + taskId)).atPriority(1)
			.willReturn(okJson("{\"r\":{\"id\":\"" + taskId + "\",\"status\":\"done\",\"output\":\"ok\"}}")));
	}

	private static List<JsonNode> answers(String taskId) {
		return wm.findAll(postRequestedFor(urlEqualTo("/api/v1/task/" + taskId + "/event")))
			.stream()
			.map(LoggedRequest::getBodyAsString)
			.map(json::readTree)
			.toList();
	}

	private static List<JsonNode> awaitAnswers(String taskId, int count) {
		await().atMost(WAIT).until(() -> answers(taskId).size() >= count);
		return answers(taskId);
	}

	private static JsonNode answer(String id, int code, String output) {
		return json.readTree("{\"name\":\"tool_call\",\"payload\":{\"code\":" + code + ",\"output\":" + output
				+ "},\"id\":\"" + id + "\"}");
	}

	private static String text(String value) {
		return json.writeValueAsString(value);
	}

	private JsonNode submitted() {
		return json.readTree(wm.findAll(postRequestedFor(urlEqualTo("/api/v1/task"))).get(0).getBodyAsString());
	}

	// --- code paths

	@Test
	void returnValueIsAnsweredWith200WithoutAnyoneAwaitingTheTask() {
		start();
		stubSubmit("t1");
		stubTask("t1", call("e1", "lookup", "{\"orderNumber\":\"A-1\",\"email\":\"a@b.c\"}"));

		this.clients.template().submit("track my order");

		assertThat(awaitAnswers("t1", 1))
			.containsExactly(answer("e1", 200, "{\"orderNumber\":\"A-1\",\"status\":\"shipped\",\"email\":\"a@b.c\"}"));
		assertThat(this.tools.threads).singleElement().asString().startsWith("smooth-tool-");
		await().atMost(WAIT).until(() -> this.observed.contains("e1:success"));
		JsonNode lookup = submitted().get("custom_tools").get(this.registry.names().indexOf("lookup"));
		assertThat(lookup).isEqualTo(json.readTree("""
				{"name":"lookup","description":"Looks up an order","output":"JSON object with status",
				 "inputs":{"type":"object","properties":{
				   "orderNumber":{"type":"string","description":"The order number"},"email":{"type":"string"}},
				  "required":["orderNumber"],"additionalProperties":false}}
				"""));
		assertThat(submitted().get("custom_tools")).hasSize(this.registry.names().size());
	}

	@Test
	void missingInputCountsAsEmptyAndOptionalArgumentsMayBeLeftOut() {
		start();
		stubSubmit("t1");
		stubTask("t1", call("e1", "refuse", null), call("e2", "lookup", "{\"orderNumber\":\"A-2\"}"));

		this.clients.template().submit("go");

		assertThat(awaitAnswers("t1", 2)).containsExactlyInAnyOrder(
				answer("e1", 400, text("no such order, ask for another number")),
				answer("e2", 200, "{\"orderNumber\":\"A-2\",\"status\":\"shipped\",\"email\":null}"));
	}

	@Test
	void failuresAreAnsweredPerEssential() {
		start();
		stubSubmit("t1");
		stubTask("t1", call("e1", "explode", "{}"), call("e2", "explodeQuietly", "{}"));

		this.clients.template().submit("go");

		assertThat(awaitAnswers("t1", 2)).containsExactlyInAnyOrder(answer("e1", 500, text("database is down")),
				answer("e2", 400, text("Lookup unavailable, go on without it")));
		await().atMost(WAIT).until(() -> this.observed.containsAll(List.of("e1:failure", "e2:failure")));
	}

	@Test
	void unknownToolIsAnswered400AndLogged(CapturedOutput output) {
		start();
		stubSubmit("t1");
		stubTask("t1", call("e1", "nope", "{}"));

		this.clients.template().submit("go");

		assertThat(awaitAnswers("t1", 1)).containsExactly(
				answer("e1", 400, text("unknown tool 'nope'; available: " + String.join(", ", this.registry.names()))));
		assertThat(output).contains("WARN").contains("The Smooth agent called unknown tool 'nope' on task t1");
	}

	@Test
	void badArgumentsAreAnswered400WithWhatIsExpected() {
		start();
		stubSubmit("t1");
		stubTask("t1", call("e1", "lookup", "{\"email\":\"a@b.c\",\"orderNo\":\"A\"}"),
				call("e2", "count", "{\"n\":\"many\"}"), call("e3", "count", "[1]"));

		this.clients.template().submit("go");

		List<JsonNode> answers = awaitAnswers("t1", 3);
		assertThat(answers).contains(answer("e1", 400,
				text("Invalid arguments for tool 'lookup': unknown argument 'orderNo'; missing required argument "
						+ "'orderNumber'. Expected: orderNumber (required), email (optional).")));
		JsonNode wrongType = answers.stream().filter((a) -> a.get("id").asString().equals("e2")).findFirst().get();
		assertThat(wrongType.get("payload").get("code").asInt()).isEqualTo(400);
		assertThat(wrongType.get("payload").get("output").asString())
			.startsWith("Invalid arguments for tool 'count': argument 'n' has the wrong type or shape: ")
			.endsWith("Expected: n (required).");
		assertThat(answers).contains(answer("e3", 400, text("Invalid arguments for tool 'count': the input must be "
				+ "a JSON object of named arguments, got array. Expected: n (required).")));
		assertThat(this.tools.calls).isEmpty();
		await().atMost(WAIT).until(() -> this.observed.contains("e1:bad_arguments"));
	}

	@Test
	void completableFutureIsAwaited() {
		start();
		stubSubmit("t1");
		stubTask("t1", call("e1", "later", null));

		this.clients.template().submit("go");

		assertThat(awaitAnswers("t1", 1)).containsExactly(answer("e1", 200, text("done later")));
	}

	@Test
	void slowToolIsAnswered500AndInterrupted() throws Exception {
		start(Duration.ofMillis(300), true, 2, 10);
		stubSubmit("t1");
		stubTask("t1", call("e1", "block", null));

		this.clients.template().submit("go");

		assertThat(awaitAnswers("t1", 1))
			.containsExactly(answer("e1", 500, text("tool 'block' did not finish within 300 ms and was interrupted")));
		assertThat(this.tools.interrupted.await(10, TimeUnit.SECONDS)).isTrue();
		await().atMost(WAIT).until(() -> this.observed.contains("e1:timeout"));
	}

	@Test
	void fullExecutorIsAnswered400() throws Exception {
		start(Duration.ofSeconds(10), true, 1, 0);
		stubSubmit("t1");
		stubTask("t1", call("e1", "block", null), call("e2", "count", "{\"n\":1}"));

		TaskHandle handle = this.clients.template().submit("go");

		assertThat(awaitAnswers("t1", 1)).containsExactly(
				answer("e2", 400, text("tool 'count' is busy: too many tool calls are waiting; try again later")));
		assertThat(this.tools.blocking.await(10, TimeUnit.SECONDS)).isTrue();
		finish("t1");
		handle.await(WAIT);
	}

	// --- exactly once

	@Test
	void duplicateEventsAndReplaysAfterReattachRunOnce() {
		start();
		stubSubmit("t1");
		String event = call("e1", "count", "{\"n\":1}");
		stubTask("t1", event, event);
		// later polls repeat it too
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/t1")).withQueryParam("event_t", equalTo("1000"))
			.willReturn(running("t1", event)));

		this.clients.template().submit("go");
		assertThat(awaitAnswers("t1", 1)).containsExactly(answer("e1", 200, "2"));
		await().atMost(WAIT)
			.until(() -> wm
				.countRequestsMatching(com.github.tomakehurst.wiremock.client.WireMock
					.getRequestedFor(urlPathEqualTo("/api/v1/task/t1"))
					.build())
				.getCount() >= 4);
		// a second handle replays every event from event_t=0
		this.clients.template().attach("t1");
		await().atMost(WAIT)
			.until(() -> wm
				.findAll(com.github.tomakehurst.wiremock.client.WireMock
					.getRequestedFor(urlPathEqualTo("/api/v1/task/t1"))
					.withQueryParam("event_t", equalTo("0")))
				.size() >= 2);
		finish("t1");

		assertThat(this.tools.callsOf("e1")).isEqualTo(1);
		assertThat(answers("t1")).hasSize(1);
	}

	@Test
	void failedAnswerIsRetriedWithoutRunningTheToolAgain() {
		start();
		stubSubmit("t1");
		stubTask("t1", call("e1", "count", "{\"n\":41}"));
		wm.stubFor(post(urlEqualTo("/api/v1/task/t1/event")).inScenario("answer")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503).withBody("{\"detail\":\"busy\"}"))
			.willSetStateTo("up"));
		wm.stubFor(post(urlEqualTo("/api/v1/task/t1/event")).inScenario("answer")
			.whenScenarioStateIs("up")
			.willReturn(okJson("{\"r\":{\"id\":\"e1\"}}")));

		this.clients.template().submit("go");

		assertThat(awaitAnswers("t1", 2)).containsExactly(answer("e1", 200, "42"), answer("e1", 200, "42"));
		await().atMost(WAIT).until(() -> this.observed.contains("e1:success"));
		assertThat(this.tools.callsOf("e1")).isEqualTo(1);
	}

	@Test
	void tenParallelCallsOnOneTaskAreEachAnsweredOnce() {
		start(Duration.ofSeconds(10), true, 4, 100);
		stubSubmit("t1");
		String[] events = IntStream.range(0, 10)
			.mapToObj((i) -> call("e" + i, "count", "{\"n\":" + i + "}"))
			.toArray(String[]::new);
		stubTask("t1", events);

		this.clients.template().submit("go");

		List<JsonNode> answers = awaitAnswers("t1", 10);
		assertThat(answers).containsExactlyInAnyOrderElementsOf(
				IntStream.range(0, 10).mapToObj((i) -> answer("e" + i, 200, String.valueOf(i + 1))).toList());
		assertThat(this.tools.calls.values()).hasSize(10).allMatch((count) -> count.get() == 1);
	}

	@Test
	void fiftyTasksAtOnceGetEveryAnswerOnce() {
		start(Duration.ofSeconds(10), true, 8, 100);
		List<String> ids = IntStream.range(0, 50).mapToObj((i) -> "task" + i).toList();
		for (String id : ids) {
			stubTask(id, call("c-" + id, "count", "{\"n\":1}"));
		}

		java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(25);
		try {
			CompletableFuture
				.allOf(ids.stream()
					.map((id) -> CompletableFuture.runAsync(() -> this.clients.template().attach(id), callers))
					.toArray(CompletableFuture[]::new))
				.join();
		}
		finally {
			callers.shutdown();
		}

		await().atMost(WAIT)
			.until(() -> wm.findAll(postRequestedFor(urlPathMatching("/api/v1/task/task[0-9]+/event"))).size() >= 50);
		ids.forEach(ToolDispatchTests::finish);
		for (String id : ids) {
			assertThat(answers(id)).containsExactly(answer("c-" + id, 200, "2"));
		}
		assertThat(this.tools.calls).hasSize(50);
		assertThat(this.tools.calls.values()).allMatch((count) -> count.get() == 1);
	}

	// --- task end

	@Test
	void toolStillRunningWhenTheTaskEndsIsCancelledAndLogged(CapturedOutput output) throws Exception {
		start();
		stubSubmit("t1");
		stubTask("t1", call("e1", "block", null));

		TaskHandle handle = this.clients.template().submit("go");
		assertThat(this.tools.blocking.await(10, TimeUnit.SECONDS)).isTrue();
		finish("t1");
		handle.await(WAIT);

		assertThat(this.tools.interrupted.await(10, TimeUnit.SECONDS)).isTrue();
		await().atMost(WAIT).until(() -> this.observed.contains("e1:failure"));
		assertThat(answers("t1")).isEmpty();
		assertThat(output).contains("Cancelled Smooth tool 'block' (event e1): task t1 ended with status done");
	}

	@Test
	void toolCallInTheFinalResponseIsStillHandled(CapturedOutput output) {
		start();
		stubSubmit("t1");
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/t1")).willReturn(okJson(
				"{\"r\":{\"id\":\"t1\",\"status\":\"done\",\"events\":[" + call("e1", "count", "{\"n\":5}") + "]}}")));
		wm.stubFor(post(urlEqualTo("/api/v1/task/t1/event"))
			.willReturn(aResponse().withStatus(404).withBody("{\"detail\":\"Task not found\"}")));

		this.clients.template().submit("go").await(WAIT);

		assertThat(awaitAnswers("t1", 1)).containsExactly(answer("e1", 200, "6"));
		await().atMost(WAIT).until(() -> this.observed.contains("e1:success"));
		assertThat(this.tools.callsOf("e1")).isEqualTo(1);
		assertThat(output).contains("The answer to Smooth tool call 'count' (event e1) was rejected");
	}

	// --- selection

	@Test
	void tasksChooseTheirTools() {
		start();
		stubSubmit("t1");
		stubTask("t1");

		this.clients.template().submit(SmoothTask.builder("go").browser((b) -> b.tools("count", "lookup")).build());
		this.clients.template().submit(SmoothTask.builder("go").browser(BrowserOptions.Builder::noTools).build());

		List<JsonNode> bodies = wm.findAll(postRequestedFor(urlEqualTo("/api/v1/task")))
			.stream()
			.map((r) -> json.readTree(r.getBodyAsString()))
			.toList();
		assertThat(bodies.get(0).get("custom_tools").valueStream().map((t) -> t.get("name").asString()))
			.containsExactly("count", "lookup");
		assertThat(bodies.get(1).get("custom_tools").isNull()).isTrue();
		finish("t1");
	}

	@Test
	void unknownToolNamesFailBeforeAnyHttpCall() {
		start();
		assertThatExceptionOfType(SmoothValidationException.class)
			.isThrownBy(() -> this.clients.template()
				.submit(SmoothTask.builder("go").browser((b) -> b.tools("count", "nope")).build()))
			.withMessage("tools = 'nope' is invalid: is not a known tool; available: "
					+ this.registry.names().stream().collect(Collectors.joining(", ")));
		assertThat(wm.getAllServeEvents()).isEmpty();
	}

	@Test
	void tasksChooseTheirToolsByGroupAndName() {
		start();
		stubSubmit("t1");
		stubTask("t1");

		this.clients.template()
			.submit(SmoothTask.builder("go")
				.browser((b) -> b.tools(ToolSelection.groups("orders").andNames("refuse")))
				.build());

		assertThat(submitted().get("custom_tools").valueStream().map((t) -> t.get("name").asString()))
			.containsExactly("lookup", "refuse");
		finish("t1");
	}

	@Test
	@ExpectedLog(logger = "sh.smooth.spring.tool.TaskToolCalls", message = "called unknown tool 'explode'",
			why = "the agent calls a tool its task was not offered")
	void aToolOutsideTheTasksSelectionIsAnsweredUnknownAndNeverRuns() {
		try (LogCapture logs = LogCapture.of(Level.WARN, "sh.smooth.spring.tool")) {
			start();
			stubSubmit("t1");
			stubTask("t1", call("e1", "explode", "{}"));

			this.clients.template()
				.submit(SmoothTask.builder("go").browser((b) -> b.tools(ToolSelection.groups("orders"))).build());

			// the agent learns only the names it was offered
			assertThat(awaitAnswers("t1", 1))
				.containsExactly(answer("e1", 400, text("unknown tool 'explode'; available: lookup")));
			assertThat(this.tools.callsOf("e1")).isZero();
			assertThat(logs.text()).contains("The Smooth agent called unknown tool 'explode' on task t1");
			finish("t1");
		}
	}

	@Test
	void unknownToolGroupsFailBeforeAnyHttpCall() {
		start();
		assertThatExceptionOfType(SmoothValidationException.class).isThrownBy(() -> this.clients.template()
			.submit(SmoothTask.builder("go").browser((b) -> b.tools(ToolSelection.groups("orders", "admin"))).build()))
			.withMessage("tools.groups = 'admin' is invalid: is not a known tool group; groups: math, orders");
		assertThat(wm.getAllServeEvents()).isEmpty();
	}

	@Test
	void attachNoneLeavesTasksWithoutToolsUnlessTheyAsk() {
		start(Duration.ofSeconds(10), false, 2, 10);
		stubSubmit("t1");
		stubTask("t1");

		this.clients.template().submit("go");
		this.clients.template().submit(SmoothTask.builder("go").browser((b) -> b.tools("count")).build());

		List<LoggedRequest> posts = wm.findAll(postRequestedFor(urlEqualTo("/api/v1/task")));
		assertThat(json.readTree(posts.get(0).getBodyAsString()).get("custom_tools").isNull()).isTrue();
		assertThat(json.readTree(posts.get(1).getBodyAsString()).get("custom_tools")).hasSize(1);
		finish("t1");
	}

}
