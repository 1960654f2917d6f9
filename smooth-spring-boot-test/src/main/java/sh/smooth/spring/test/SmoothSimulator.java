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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stateful, scriptable, in-process fake of the Smooth HTTP API, for tests and
 * benchmarks. It serves every route of the protocol reference under {@code /api/v1} on
 * {@code 127.0.0.1}, keeps tasks, sessions, events, profiles, files and extensions in
 * memory, plays scripted task timelines ({@link #onTask(TaskMatcher)}), answers session
 * actions ({@link #onSessionAction(String)}), injects faults per route
 * ({@link #faults(Route)}) and records everything for verification.
 * <p>
 * It runs on Reactor Netty with one daemon event-loop thread of its own: timers, long
 * polls and thousands of open tasks cost no further threads.
 *
 * <pre class="code">
 * try (SmoothSimulator sim = SmoothSimulator.start()) {
 *     sim.onTask(TaskMatcher.textContains("flights")).toolCall("orderStatus", Map.of("orderNumber", "A-1"));
 *     // point a client at sim.baseUrl() with sim.apiKey()
 * }
 * </pre>
 */
public final class SmoothSimulator implements AutoCloseable {

	private static final reactor.util.Logger logger = reactor.util.Loggers.getLogger(SmoothSimulator.class);

	/** The API base path every route lives under. */
	public static final String BASE_PATH = "/api/v1";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final byte[] EMPTY = new byte[0];

	private static final Duration DEFAULT_ACTION_LATENCY = Duration.ofMillis(5);

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final LoopResources loops;

	private final EventLoopGroup timers;

	private final DisposableServer server;

	private final String apiKey = "sim-" + UUID.randomUUID();

	private final OpenApiChecker openApi = new OpenApiChecker(this.mapper);

	private volatile Duration longPoll = Duration.ZERO;

	private volatile ActionResultShape actionResultShape = ActionResultShape.SDK;

	private volatile boolean requireExactApiKey;

	private volatile Duration sessionStartDelay = Duration.ofMillis(10);

	private volatile Duration recordingDelay = Duration.ofMillis(20);

	private final Map<String, SimTask> tasks = new ConcurrentHashMap<>();

	private final List<TaskScript> taskScripts = new CopyOnWriteArrayList<>();

	private final Map<String, SessionActionScript> actionScripts = new ConcurrentHashMap<>();

	private final Map<Route, FaultScript> faults = new ConcurrentHashMap<>();

	private final Map<Route, AtomicInteger> callCounts = new ConcurrentHashMap<>();

	private final List<RecordedRequest> recorded = new ArrayList<>();

	private final List<OpenApiViolation> violations = new ArrayList<>();

	private int validatedUpTo;

	private final AtomicLong sequence = new AtomicLong();

	/** Guards the count of running tasks against the limit at creation. */
	private final Object creations = new Object();

	private volatile int maxConcurrentTasks;

	/**
	 * Tasks and sessions created and not ended: counted as they start and end, because
	 * counting the task map at each creation made creating n tasks cost n squared.
	 */
	private final AtomicInteger running = new AtomicInteger();

	private int peakConcurrentTasks;

	private final AtomicLong createdAtClock = new AtomicLong();

	private final Map<String, ObjectNode> profiles = new LinkedHashMap<>();

	private final Map<String, UploadedFile> files = new LinkedHashMap<>();

	private final Map<String, UploadedFile> extensions = new LinkedHashMap<>();

	private SmoothSimulator(int port, int ioThreads) {
		// one daemon thread by default: a benchmark counts live threads, and nothing here
		// blocks
		this.loops = LoopResources.create("smooth-sim", ioThreads, true);
		this.timers = this.loops.onServer(LoopResources.DEFAULT_NATIVE);
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(port)
			.runOn(this.loops)
			.handle(this::handle)
			.bindNow(Duration.ofSeconds(10));
	}

	/**
	 * Starts a simulator on a free port of {@code 127.0.0.1}.
	 * @return the running simulator
	 */
	public static SmoothSimulator start() {
		return new SmoothSimulator(0, 1);
	}

	/**
	 * Starts a simulator on the given port of {@code 127.0.0.1}.
	 * @param port the port, 0 for a free one
	 * @return the running simulator
	 */
	public static SmoothSimulator start(int port) {
		return new SmoothSimulator(port, 1);
	}

	/**
	 * Starts a simulator with more event-loop threads, for load tests where the simulator
	 * runs in a process of its own and must not be the bottleneck. Its state is
	 * thread-safe either way.
	 * @param port the port, 0 for a free one
	 * @param ioThreads the event-loop threads, at least 1
	 * @return the running simulator
	 */
	public static SmoothSimulator start(int port, int ioThreads) {
		if (ioThreads < 1) {
			throw new IllegalArgumentException("ioThreads must be at least 1, was " + ioThreads);
		}
		return new SmoothSimulator(port, ioThreads);
	}

	/**
	 * The base URL including the version segment, e.g.
	 * {@code http://127.0.0.1:40123/api/v1}: the value for {@code smooth.base-url}.
	 * @return the base URL
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + port() + BASE_PATH;
	}

	/**
	 * The port the simulator listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * An API key the simulator accepts: the value for {@code smooth.api-key}. Any
	 * non-blank key is accepted unless {@link #requireExactApiKey(boolean)} is set.
	 * @return the key
	 */
	public String apiKey() {
		return this.apiKey;
	}

	/**
	 * Whether only {@link #apiKey()} is accepted (default {@code false}: any non-blank
	 * {@code apikey} header passes; a missing one always gets 401).
	 * @param exact {@code true} to reject other keys with 401
	 * @return this simulator
	 */
	public SmoothSimulator requireExactApiKey(boolean exact) {
		this.requireExactApiKey = exact;
		return this;
	}

	// ------------------------------------------------------------------ scripting

	/**
	 * Scripts the tasks that match. The most recently registered matching script wins;
	 * tasks no script matches get the defaults of {@link TaskScript}.
	 * @param matcher which tasks
	 * @return the script to configure
	 */
	public TaskScript onTask(TaskMatcher matcher) {
		TaskScript script = new TaskScript(matcher);
		this.taskScripts.add(0, script);
		return script;
	}

	/**
	 * Scripts one session action (by {@code payload.name}). Calling it again for the same
	 * name returns the same script.
	 * @param action {@code goto}, {@code extract}, {@code evaluate_js}, {@code exec_js},
	 * {@code run_task}, {@code close} or any other name
	 * @return the script to configure
	 */
	public SessionActionScript onSessionAction(String action) {
		return this.actionScripts.computeIfAbsent(action, SessionActionScript::new);
	}

	/**
	 * The faults of one route.
	 * @param route the route
	 * @return the fault script to configure
	 */
	public FaultScript faults(Route route) {
		return this.faults.computeIfAbsent(route, (key) -> new FaultScript());
	}

	/**
	 * Long-poll mode: a {@code GET /task/{id}} carrying {@code event_t} that has nothing
	 * new is held up to this long and answered as soon as an event or a status change
	 * happens. Default {@link Duration#ZERO}: off.
	 * @param maxHold the longest hold, zero to turn it off
	 * @return this simulator
	 */
	public SmoothSimulator longPoll(Duration maxHold) {
		this.longPoll = (maxHold != null) ? maxHold : Duration.ZERO;
		return this;
	}

	/**
	 * How successful session-action results are shaped (default
	 * {@link ActionResultShape#SDK}).
	 * @param shape the shape
	 * @return this simulator
	 */
	public SmoothSimulator actionResultShape(ActionResultShape shape) {
		this.actionResultShape = shape;
		return this;
	}

	/**
	 * How long a session stays {@code waiting} before it is {@code running} (default 10
	 * ms).
	 * @param delay the delay
	 * @return this simulator
	 */
	public SmoothSimulator sessionStartDelay(Duration delay) {
		this.sessionStartDelay = delay;
		return this;
	}

	/**
	 * How long after the end of a task its {@code recording_url} appears (default 20 ms).
	 * @param delay the delay
	 * @return this simulator
	 */
	public SmoothSimulator recordingDelay(Duration delay) {
		this.recordingDelay = delay;
		return this;
	}

	/**
	 * Forgets everything: tasks, scripts, faults, recorded requests, violations,
	 * profiles, files and extensions, and restores the default settings. The port and the
	 * API key stay. Meant for sharing one simulator between tests.
	 */
	public void reset() {
		this.taskScripts.clear();
		this.actionScripts.clear();
		this.faults.clear();
		this.callCounts.clear();
		this.tasks.values().forEach(SimTask::cancel);
		this.tasks.clear();
		this.running.set(0);
		synchronized (this.recorded) {
			this.recorded.clear();
			this.violations.clear();
			this.validatedUpTo = 0;
		}
		synchronized (this.profiles) {
			this.profiles.clear();
			this.files.clear();
			this.extensions.clear();
		}
		this.longPoll = Duration.ZERO;
		this.actionResultShape = ActionResultShape.SDK;
		this.requireExactApiKey = false;
		this.sessionStartDelay = Duration.ofMillis(10);
		this.recordingDelay = Duration.ofMillis(20);
		synchronized (this.creations) {
			this.maxConcurrentTasks = 0;
			this.peakConcurrentTasks = 0;
		}
	}

	/**
	 * Limits the tasks and sessions running at once, as an account's plan does: a create
	 * beyond it is answered 429 "concurrent session limit reached" and creates nothing.
	 * @param limit the limit, 0 for none (the default)
	 * @return this simulator
	 */
	public SmoothSimulator maxConcurrentTasks(int limit) {
		if (limit < 0) {
			throw new IllegalArgumentException("limit must not be negative: " + limit);
		}
		this.maxConcurrentTasks = limit;
		return this;
	}

	/**
	 * The most tasks and sessions that were running at once, counted at each creation.
	 * @return the peak
	 */
	public int peakConcurrentTasks() {
		synchronized (this.creations) {
			return this.peakConcurrentTasks;
		}
	}

	/**
	 * How many tasks and sessions run now (not ended).
	 * @return the number
	 */
	public int runningTasks() {
		return this.running.get();
	}

	/**
	 * Called once by each task as it ends.
	 */
	void taskEnded() {
		this.running.decrementAndGet();
	}

	/**
	 * Stops the server and its event-loop thread.
	 */
	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(5));
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
	}

	// ------------------------------------------------------------------ verification

	/**
	 * Every request received so far, in arrival order.
	 * @return a copy of the recorded requests
	 */
	public List<RecordedRequest> requests() {
		synchronized (this.recorded) {
			return List.copyOf(this.recorded);
		}
	}

	/**
	 * The requests received on one route.
	 * @param route the route
	 * @return a copy of the matching requests
	 */
	public List<RecordedRequest> requests(Route route) {
		return requests().stream().filter((request) -> request.route() == route).toList();
	}

	/**
	 * The requests about one task or session, in arrival order: its {@code POST /task}
	 * first, then every request whose path names it (see
	 * {@link RecordedRequest#taskId()}). Lets a benchmark count what each task cost on
	 * the server, whatever the client.
	 * @param taskId the task id
	 * @return a copy of the matching requests
	 * @throws IllegalArgumentException for an unknown id
	 */
	public List<RecordedRequest> requests(String taskId) {
		return task(taskId).requests();
	}

	/**
	 * Server-side timing of one task or session: when it was created and ended, and when
	 * each session action was posted and its result became visible.
	 * @param taskId the task id
	 * @return the timeline so far
	 * @throws IllegalArgumentException for an unknown id
	 */
	public TaskTimeline timeline(String taskId) {
		return task(taskId).timeline();
	}

	/**
	 * How many requests arrived on a route (faulted ones included).
	 * @param route the route
	 * @return the count
	 */
	public int requestCount(Route route) {
		AtomicInteger count = this.callCounts.get(route);
		return (count != null) ? count.get() : 0;
	}

	/**
	 * Request counts of all routes that were called.
	 * @return route to count
	 */
	public Map<Route, Integer> requestCounts() {
		Map<Route, Integer> counts = new EnumMap<>(Route.class);
		this.callCounts.forEach((route, count) -> counts.put(route, count.get()));
		return counts;
	}

	/**
	 * The ids of all tasks and sessions, oldest first.
	 * @return the ids
	 */
	public List<String> taskIds() {
		return this.tasks.values()
			.stream()
			.sorted(Comparator.comparingLong((SimTask task) -> task.createdAt))
			.map((task) -> task.id)
			.toList();
	}

	/**
	 * The current status of a task.
	 * @param taskId the task id
	 * @return the status
	 * @throws IllegalArgumentException for an unknown id
	 */
	public SimulatedTaskStatus taskStatus(String taskId) {
		return task(taskId).status();
	}

	/**
	 * The answers received for a task's tool calls, by tool-call id, in arrival order.
	 * More than one answer per id means the client answered twice.
	 * @param taskId the task id
	 * @return tool-call id to answers
	 */
	public Map<String, List<ToolAnswer>> toolAnswers(String taskId) {
		return task(taskId).toolAnswers();
	}

	/**
	 * Every answer received for a task's tool calls, one list: the calls in the order of
	 * {@link #toolAnswers(String)}, each call's answers in arrival order. For a test that
	 * asserts on the answers rather than on which call got which.
	 * @param taskId the task id
	 * @return the answers
	 */
	public List<ToolAnswer> allToolAnswers(String taskId) {
		return toolAnswers(taskId).values().stream().flatMap(List::stream).toList();
	}

	/**
	 * Every answer that arrived for a tool call that had already been answered.
	 * @return the second and later answers
	 */
	public List<ToolAnswer> duplicateToolAnswers() {
		List<ToolAnswer> duplicates = new ArrayList<>();
		for (SimTask task : this.tasks.values()) {
			for (List<ToolAnswer> answers : task.toolAnswers().values()) {
				duplicates.addAll(answers.subList(1, answers.size()));
			}
		}
		return duplicates;
	}

	/**
	 * Second and later answers to a tool call that repeat its first answer exactly (same
	 * code and output): harmless, the server accepts them (a client that re-sends an
	 * answer it is unsure about).
	 * @return the repeated answers
	 */
	public List<ToolAnswer> repeatedToolAnswers() {
		return laterAnswers(true);
	}

	/**
	 * Second and later answers to a tool call that differ from its first answer (code or
	 * output): two instances decided one call differently, the bug a fleet must never
	 * have.
	 * @return the conflicting answers
	 */
	public List<ToolAnswer> conflictingToolAnswers() {
		return laterAnswers(false);
	}

	private List<ToolAnswer> laterAnswers(boolean same) {
		List<ToolAnswer> later = new ArrayList<>();
		for (SimTask task : this.tasks.values()) {
			for (List<ToolAnswer> answers : task.toolAnswers().values()) {
				ToolAnswer first = answers.get(0);
				for (ToolAnswer answer : answers.subList(1, answers.size())) {
					boolean repeats = answer.code() == first.code() && answer.output().equals(first.output());
					if (repeats == same) {
						later.add(answer);
					}
				}
			}
		}
		return later;
	}

	/**
	 * Tool calls that were emitted but never answered, as {@code taskId/toolCallId}.
	 * @return the unanswered calls
	 */
	public List<String> unansweredToolCalls() {
		List<String> unanswered = new ArrayList<>();
		for (SimTask task : this.tasks.values()) {
			task.unansweredToolCalls().forEach((callId) -> unanswered.add(task.id + "/" + callId));
		}
		return unanswered;
	}

	/**
	 * Fails when a tool call was emitted and never answered.
	 * @throws AssertionError listing the unanswered calls
	 */
	public void assertNoUnansweredToolCalls() {
		List<String> unanswered = unansweredToolCalls();
		if (!unanswered.isEmpty()) {
			throw new AssertionError("Unanswered tool calls: " + unanswered);
		}
	}

	/**
	 * Server-side timing of every tool call of every task.
	 * @return the round trips
	 */
	public List<ToolRoundTrip> toolRoundTrips() {
		List<ToolRoundTrip> trips = new ArrayList<>();
		this.tasks.values().forEach((task) -> trips.addAll(task.roundTrips()));
		// the task map has no order: emission order is what callers expect
		trips.sort(java.util.Comparator.comparingLong(ToolRoundTrip::emittedNanos));
		return trips;
	}

	/**
	 * Server-side timing of one task's tool calls, in emission order.
	 * @param taskId the task id
	 * @return the round trips
	 */
	public List<ToolRoundTrip> toolRoundTrips(String taskId) {
		return task(taskId).roundTrips();
	}

	/**
	 * Checks every request received so far against the official OpenAPI document and
	 * returns the violations. Validation is lazy (done here, on the calling thread, for
	 * the requests not checked before), so the result is complete and deterministic.
	 * Known, accepted disagreements do not count: {@code use_stealth},
	 * {@code use_captcha_solver} and {@code session_id} in task requests, certificate
	 * {@code filters}, and {@code DELETE /extension/{id}}.
	 * @return all violations so far
	 */
	public List<OpenApiViolation> openApiViolations() {
		synchronized (this.recorded) {
			while (this.validatedUpTo < this.recorded.size()) {
				this.violations.addAll(this.openApi.check(this.recorded.get(this.validatedUpTo)));
				this.validatedUpTo++;
			}
			return List.copyOf(this.violations);
		}
	}

	/**
	 * Fails when a request broke the OpenAPI document.
	 * @throws AssertionError listing the violations
	 */
	public void assertNoOpenApiViolations() {
		List<OpenApiViolation> found = openApiViolations();
		if (!found.isEmpty()) {
			StringBuilder message = new StringBuilder("OpenAPI violations:");
			found.forEach((violation) -> message.append("\n  ").append(violation));
			throw new AssertionError(message.toString());
		}
	}

	/**
	 * The profile ids that exist, in creation order.
	 * @return the ids
	 */
	public List<String> profileIds() {
		synchronized (this.profiles) {
			return List.copyOf(this.profiles.keySet());
		}
	}

	/**
	 * The files uploaded and not deleted.
	 * @return the files
	 */
	public List<UploadedFile> uploadedFiles() {
		synchronized (this.profiles) {
			return List.copyOf(this.files.values());
		}
	}

	/**
	 * The extensions uploaded and not deleted.
	 * @return the extensions
	 */
	public List<UploadedFile> uploadedExtensions() {
		synchronized (this.profiles) {
			return List.copyOf(this.extensions.values());
		}
	}

	// ------------------------------------------------------------------ internals for
	// SimTask

	Duration recordingDelay() {
		return this.recordingDelay;
	}

	void schedule(Duration delay, Runnable action) {
		Runnable guarded = () -> {
			try {
				action.run();
			}
			catch (RuntimeException ex) {
				// a broken timer must not kill the event loop; surface it in the log
				logger.error("A simulator timer failed", ex);
			}
		};
		if (delay.isZero()) {
			this.timers.execute(guarded);
		}
		else {
			this.timers.schedule(guarded, delay.toNanos(), TimeUnit.NANOSECONDS);
		}
	}

	private Mono<Void> delay(Duration delay) {
		return Mono.create((sink) -> {
			ScheduledFuture<?> future = this.timers.schedule(() -> sink.success(), delay.toNanos(),
					TimeUnit.NANOSECONDS);
			sink.onCancel(() -> future.cancel(false));
		});
	}

	private SimTask task(String taskId) {
		SimTask task = this.tasks.get(taskId);
		if (task == null) {
			throw new IllegalArgumentException("Unknown task " + taskId);
		}
		return task;
	}

	// ------------------------------------------------------------------ HTTP plumbing

	private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		return request.receive()
			.aggregate()
			.asByteArray()
			.defaultIfEmpty(EMPTY)
			.flatMap((body) -> process(request, body))
			.onErrorResume((ex) -> {
				logger.error("The simulator failed to handle a request", ex);
				return Mono.just(SimResponse.error(500, "Simulator error: " + ex));
			})
			.flatMap((result) -> write(response, result));
	}

	private Mono<SimResponse> process(HttpServerRequest request, byte[] body) {
		QueryStringDecoder uri = new QueryStringDecoder(request.uri());
		String path = uri.path();
		Map<String, String> query = new LinkedHashMap<>();
		uri.parameters().forEach((key, values) -> query.put(key, values.isEmpty() ? "" : values.get(0)));
		Map<String, List<String>> headers = new LinkedHashMap<>();
		request.requestHeaders()
			.forEach((entry) -> headers
				.computeIfAbsent(entry.getKey().toLowerCase(Locale.ROOT), (key) -> new ArrayList<>())
				.add(entry.getValue()));
		String method = request.method().name();
		Map.Entry<Route, String> match = null;
		if (path.startsWith(BASE_PATH + "/")) {
			List<String> segments = Arrays.asList(path.substring(BASE_PATH.length() + 1).split("/"));
			match = Route.resolve(method, segments);
		}
		Route route = (match != null) ? match.getKey() : null;
		int call = (route != null)
				? this.callCounts.computeIfAbsent(route, (key) -> new AtomicInteger()).incrementAndGet() : 0;
		String contentType = first(headers, "content-type");
		JsonNode json = parseJson(contentType, body);
		boolean multipart = Multipart.boundary(contentType) != null;
		String bodyText = new String(body, multipart ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
		RecordedRequest recordedRequest = new RecordedRequest(this.sequence.incrementAndGet(), route, call, method,
				path, Map.copyOf(query), headers, json, bodyText, Instant.now(), System.nanoTime());
		synchronized (this.recorded) {
			this.recorded.add(recordedRequest);
		}
		if (route == null) {
			return Mono.just(SimResponse.error(404, "Not Found"));
		}
		String taskId = recordedRequest.taskId();
		SimTask named = (taskId != null) ? this.tasks.get(taskId) : null;
		if (named != null) {
			named.record(recordedRequest);
		}
		Call ctx = new Call(route, match.getValue(), recordedRequest, body, json, contentType);
		FaultScript script = this.faults.get(route);
		FaultScript.Decision decision = (script != null) ? script.decide(call)
				: new FaultScript.Decision(Duration.ZERO, null);
		Mono<SimResponse> result = Mono.defer(() -> applyFault(decision.fault(), ctx));
		return decision.latency().isZero() ? result : delay(decision.latency()).then(result);
	}

	private Mono<SimResponse> applyFault(FaultScript.Rule fault, Call call) {
		if (fault == null) {
			return authorizeAndHandle(call);
		}
		switch (fault.kind()) {
			case STATUS:
				return Mono.just(SimResponse.error(fault.status(), "Simulated fault: HTTP " + fault.status()));
			case DROP:
				return Mono.just(SimResponse.DROP);
			case RETRY_AFTER:
				long seconds = Math.max(1, (fault.duration().toMillis() + 999) / 1000);
				return Mono.just(
						SimResponse.error(429, "Too many requests").withHeader("Retry-After", Long.toString(seconds)));
			case HTML:
				String page = "<html><head><title>" + fault.status() + "</title></head><body><h1>" + fault.status()
						+ " Bad Gateway</h1><hr><center>nginx</center></body></html>";
				return Mono.just(new SimResponse(fault.status(), "text/html; charset=utf-8",
						page.getBytes(StandardCharsets.UTF_8), Map.of()));
			case STATUS_AFTER_HANDLING:
				return authorizeAndHandle(call)
					.map((ignored) -> SimResponse.error(fault.status(), "Simulated fault: HTTP " + fault.status()));
			case TRUNCATED:
				return authorizeAndHandle(call).map(SimResponse::truncated);
			default:
				return authorizeAndHandle(call);
		}
	}

	private Mono<SimResponse> authorizeAndHandle(Call call) {
		String key = call.request.header("apikey");
		if (key == null || key.isBlank()) {
			return Mono.just(SimResponse.error(401, "Missing API key: send it in the 'apikey' header"));
		}
		if (this.requireExactApiKey && !key.equals(this.apiKey)) {
			return Mono.just(SimResponse.error(401, "Invalid API key"));
		}
		return route(call);
	}

	private Mono<Void> write(HttpServerResponse response, SimResponse result) {
		if (result == SimResponse.DROP) {
			// no status line at all: the client sees the connection close mid-request
			response.withConnection((connection) -> connection.channel().close());
			return Mono.empty();
		}
		response.status(result.status());
		response.header(HttpHeaderNames.CONTENT_TYPE, result.contentType());
		response.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(result.body().length));
		result.headers().forEach(response::header);
		return response.sendByteArray(Mono.just(result.body())).then();
	}

	private JsonNode parseJson(String contentType, byte[] body) {
		if (body.length == 0 || (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json"))) {
			return null;
		}
		try {
			return this.mapper.readTree(body);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String first(Map<String, List<String>> headers, String name) {
		List<String> values = headers.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	private SimResponse ok(Object r) {
		ObjectNode envelope = NODES.objectNode();
		envelope.set("r", (r instanceof JsonNode node) ? node : this.mapper.valueToTree(r));
		return SimResponse.json(200, envelope);
	}

	private JsonNode toJson(Object value) {
		if (value == null) {
			return NODES.nullNode();
		}
		return (value instanceof JsonNode node) ? node : this.mapper.valueToTree(value);
	}

	// ------------------------------------------------------------------ routes

	private Mono<SimResponse> route(Call call) {
		switch (call.route) {
			case CREATE_TASK:
				return Mono.just(createTask(call));
			case LIST_TASKS:
				return Mono.just(listTasks(call));
			case GET_TASK:
				return getTask(call);
			case CANCEL_TASK:
				return Mono.just(cancelTask(call));
			case UPDATE_TASK:
				return Mono.just(updateTask(call));
			case SEND_EVENT:
				return Mono.just(sendEvent(call));
			case DELETE_TASK_DATA:
				return Mono.just(deleteTaskData(call));
			case CREATE_PROFILE:
				return Mono.just(createProfile(call));
			case LIST_PROFILES:
				return Mono.just(listProfiles());
			case DELETE_PROFILE:
				return Mono.just(deleteResource(this.profiles, call.id, "Profile"));
			case UPLOAD_FILE:
				return Mono.just(upload(call, false));
			case DELETE_FILE:
				return Mono.just(deleteResource(this.files, call.id, "File"));
			case UPLOAD_EXTENSION:
				return Mono.just(upload(call, true));
			case LIST_EXTENSIONS:
				return Mono.just(listExtensions());
			case DELETE_EXTENSION:
			case DELETE_BROWSER_EXTENSION:
				return Mono.just(deleteResource(this.extensions, call.id, "Extension"));
			case OPEN_BROWSER_SESSION:
				return Mono.just(openBrowserSession());
			case CLOSE_BROWSER_SESSION:
			case TELEMETRY:
				return Mono.just(ok(true));
			default:
				return Mono.just(SimResponse.error(404, "Not Found"));
		}
	}

	private SimResponse createTask(Call call) {
		if (call.json == null || !call.json.isObject()) {
			return SimResponse.validation(this.mapper, List.of(ValidationError.of("json_invalid", List.of("body"),
					"JSON decode error: the body must be a JSON object", null)));
		}
		JsonNode body = call.json;
		List<ValidationError> errors = TaskRequestValidation.validate(body);
		if (!errors.isEmpty()) {
			return SimResponse.validation(this.mapper, errors);
		}
		JsonNode taskText = body.get("task");
		boolean session = taskText == null || taskText.isNull();
		String device = textOr(body.get("device"), "desktop");
		JsonNode recording = body.get("enable_recording");
		boolean enableRecording = recording == null || recording.isNull() || recording.asBoolean();
		SimTask.Plan plan = session ? sessionPlan() : taskPlan(body);
		String id = "task_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
		SimTask task = new SimTask(this, id, nextCreatedAt(), session, device, enableRecording, plan);
		synchronized (this.creations) {
			int now = this.running.get();
			int limit = this.maxConcurrentTasks;
			if (limit > 0 && now >= limit) {
				return SimResponse.error(429, "Concurrent session limit reached (" + limit + ")");
			}
			task.record(call.request);
			this.tasks.put(id, task);
			this.peakConcurrentTasks = Math.max(this.peakConcurrentTasks, this.running.incrementAndGet());
		}
		task.start();
		return ok(task.view(0L, false, false).body());
	}

	private long nextCreatedAt() {
		// milliseconds, unique and increasing across tasks: the list cursor "created
		// before t" must not skip a task that shares a millisecond with another
		return this.createdAtClock.updateAndGet((last) -> Math.max(System.currentTimeMillis(), last + 1));
	}

	private SimTask.Plan sessionPlan() {
		return new SimTask.Plan(this.sessionStartDelay, Duration.ZERO, List.of(), SimulatedTaskStatus.DONE,
				NODES.nullNode(), 0, null, null, null);
	}

	private SimTask.Plan taskPlan(JsonNode body) {
		TaskScript script = null;
		for (TaskScript candidate : this.taskScripts) {
			if (candidate.matcher.matches(body)) {
				script = candidate;
				break;
			}
		}
		if (script == null) {
			script = new TaskScript(TaskMatcher.any());
		}
		JsonNode output;
		if (script.outputSet) {
			output = toJson(script.output);
		}
		else if (script.finalStatus == SimulatedTaskStatus.FAILED) {
			output = NODES.stringNode("Simulated failure");
		}
		else {
			output = defaultOutput(body.get("response_model"),
					"Simulated result for: " + body.path("task").asString(""));
		}
		List<SimTask.ToolCallPlan> toolCalls = new ArrayList<>();
		for (TaskScript.ToolCallStep step : script.toolCallSteps()) {
			toolCalls.add(toolCallPlan(step.delay(), step.name(), step.input(), step.sameMillisecond()));
		}
		return new SimTask.Plan(script.runningAfter, script.doneAfter, toolCalls, script.finalStatus, output,
				script.credits, script.liveUrl, script.recordingUrl, script.downloadsUrl);
	}

	private SimTask.ToolCallPlan toolCallPlan(Duration delay, String name, Object input, boolean sameMillisecond) {
		// a Java null means "no arguments"; a JsonNode (NullNode, MissingNode included)
		// goes out verbatim, so a test can send a hostile input
		JsonNode json = (input == null) ? NODES.objectNode() : toJson(input);
		return new SimTask.ToolCallPlan(delay, name, json, sameMillisecond);
	}

	private static JsonNode defaultOutput(JsonNode schema, String fallback) {
		if (schema != null && schema.isObject()) {
			return SchemaExamples.example(schema);
		}
		return NODES.stringNode(fallback);
	}

	private static String textOr(JsonNode node, String fallback) {
		return (node != null && node.isString()) ? node.asString() : fallback;
	}

	private Mono<SimResponse> getTask(Call call) {
		SimTask task = this.tasks.get(call.id);
		if (task == null) {
			return Mono.just(SimResponse.error(404, "Task not found"));
		}
		Map<String, String> query = call.request.query();
		long eventT;
		try {
			eventT = Long.parseLong(query.getOrDefault("event_t", "0").trim());
		}
		catch (NumberFormatException ex) {
			return Mono.just(SimResponse.validation(this.mapper, List.of(ValidationError.of("int_parsing",
					List.of("query", "event_t"), "Input should be a valid integer", query.get("event_t")))));
		}
		boolean downloads = "true".equalsIgnoreCase(query.get("downloads"));
		Duration hold = this.longPoll;
		boolean mayHold = !hold.isZero() && query.containsKey("event_t");
		SimTask.View view = task.view(eventT, downloads, mayHold);
		if (view.change() == null) {
			return Mono.just(taskResponse(view));
		}
		// long poll: wake up on the first change, or give the same answer when the hold
		// ends
		CompletableFuture<Void> change = view.change();
		ScheduledFuture<?> timeout = this.timers.schedule(() -> change.complete(null), hold.toNanos(),
				TimeUnit.NANOSECONDS);
		return Mono.fromFuture(change).then(Mono.fromSupplier(() -> {
			timeout.cancel(false);
			return taskResponse(task.view(eventT, downloads, false));
		}));
	}

	private SimResponse taskResponse(SimTask.View view) {
		SimResponse response = ok(view.body());
		return view.status().isTerminal() ? response : response.withStatus(202);
	}

	private SimResponse listTasks(Call call) {
		Map<String, String> query = call.request.query();
		long before;
		int limit;
		try {
			before = query.containsKey("t") ? Long.parseLong(query.get("t").trim()) : Long.MAX_VALUE;
			limit = query.containsKey("l") ? Integer.parseInt(query.get("l").trim()) : 32;
		}
		catch (NumberFormatException ex) {
			return SimResponse.validation(this.mapper, List
				.of(ValidationError.of("int_parsing", List.of("query"), "Input should be a valid integer", null)));
		}
		if (limit < 1 || limit > 128) {
			return SimResponse.validation(this.mapper,
					List.of(ValidationError.range(List.of("query", "l"), limit, 1, 128)));
		}
		ArrayNode page = NODES.arrayNode();
		this.tasks.values()
			.stream()
			.filter((task) -> task.createdAt < before)
			.sorted(Comparator.comparingLong((SimTask task) -> task.createdAt).reversed())
			.limit(limit)
			.forEach((task) -> page.add(task.view(null, false, false).body()));
		return ok(page);
	}

	private SimResponse cancelTask(Call call) {
		SimTask task = this.tasks.get(call.id);
		if (task == null) {
			return SimResponse.error(404, "Task not found");
		}
		if (!task.cancel()) {
			return SimResponse.error(404, "Task already completed");
		}
		return ok(true);
	}

	private SimResponse updateTask(Call call) {
		SimTask task = this.tasks.get(call.id);
		if (task == null) {
			return SimResponse.error(404, "Task not found");
		}
		JsonNode response = (call.json != null) ? call.json.get("tool_response") : null;
		if (response == null || !response.isObject() || !response.path("id").isString()) {
			return SimResponse.validation(this.mapper,
					List.of(ValidationError.of("missing", List.of("body", "tool_response"), "Field required", null)));
		}
		// the legacy channel carries the output as a JSON-encoded string
		JsonNode output = response.path("output");
		if (output.isString()) {
			try {
				output = this.mapper.readTree(output.asString());
			}
			catch (RuntimeException ex) {
				// not JSON: keep the plain string
			}
		}
		if (!task.answerToolCall(response.get("id").asString(), response.path("code").asInt(200), output)) {
			return SimResponse.error(400, "Task is closed");
		}
		return ok(task.view(0L, false, false).body());
	}

	private SimResponse sendEvent(Call call) {
		SimTask task = this.tasks.get(call.id);
		if (task == null) {
			return SimResponse.error(404, "Task not found");
		}
		JsonNode event = call.json;
		if (event == null || !event.isObject() || !event.path("name").isString() || !event.path("payload").isObject()) {
			return SimResponse.validation(this.mapper, List.of(ValidationError.of("missing", List.of("body"),
					"An event needs a string 'name' and an object 'payload'", null)));
		}
		String name = event.get("name").asString();
		JsonNode payload = event.get("payload");
		String eventId = event.path("id").isString() ? event.get("id").asString() : "evt_" + UUID.randomUUID();
		ObjectNode accepted = NODES.objectNode().put("id", eventId);
		if (SimTask.TaskEventNames.TOOL_CALL.equals(name)) {
			if (!payload.has("code") || !event.path("id").isString()) {
				return SimResponse.error(400, "Invalid event: a tool answer needs an id and a payload code");
			}
			JsonNode output = payload.has("output") ? payload.get("output") : NODES.nullNode();
			if (!task.answerToolCall(eventId, payload.get("code").asInt(), output)) {
				return SimResponse.error(400, "Task is closed");
			}
			return ok(accepted);
		}
		if (SimTask.TaskEventNames.BROWSER_ACTION.equals(name) || SimTask.TaskEventNames.SESSION_ACTION.equals(name)) {
			if (!payload.path("name").isString()) {
				return SimResponse.error(400, "Invalid event: an action needs payload.name");
			}
			String action = payload.get("name").asString();
			JsonNode input = payload.has("input") ? payload.get("input") : NODES.nullNode();
			SessionActionScript script = this.actionScripts.get(action);
			Duration latency = (script != null && script.latency != null) ? script.latency : DEFAULT_ACTION_LATENCY;
			SimTask.ActionResult result = actionResult(action, input, script, latency);
			List<SimTask.ToolCallPlan> toolCalls = new ArrayList<>();
			if (script != null) {
				for (SessionActionScript.ToolCallStep step : script.toolCallSteps()) {
					toolCalls.add(toolCallPlan(step.delay(), step.name(), step.input(), false));
				}
			}
			if (!task.acceptAction(name, eventId, action, result, latency, toolCalls)) {
				return SimResponse.error(400, "Session is closed");
			}
			return ok(accepted);
		}
		return SimResponse.error(400, "Invalid event name: " + name);
	}

	private SimTask.ActionResult actionResult(String action, JsonNode input, SessionActionScript script,
			Duration latency) {
		if (script != null && script.failCode != 0) {
			return new SimTask.ActionResult(script.failCode, NODES.stringNode(script.failMessage), 0, false);
		}
		JsonNode value;
		int credits;
		if (script != null && script.output != null) {
			value = toJson(script.output.apply(input));
			credits = script.credits;
		}
		else {
			value = defaultActionOutput(action, input);
			credits = ("extract".equals(action) || "run_task".equals(action)) ? 1 : 0;
		}
		boolean closes = "close".equals(action) && value.isBoolean() && value.asBoolean();
		JsonNode payloadOutput = value;
		if (this.actionResultShape == ActionResultShape.SDK) {
			ObjectNode wrapped = NODES.objectNode();
			if (!"goto".equals(action) || !value.isNull()) {
				// goto is the one action the SDK models show without an output
				wrapped.set("output", value);
			}
			wrapped.put("credits_used", credits);
			wrapped.put("duration", latency.toNanos() / 1e9);
			payloadOutput = wrapped;
		}
		return new SimTask.ActionResult(200, payloadOutput, credits, closes);
	}

	private JsonNode defaultActionOutput(String action, JsonNode input) {
		switch (action) {
			case "extract":
				return defaultOutput(input.get("schema"), "Extracted content");
			case "run_task":
				return defaultOutput(input.get("response_model"),
						"Simulated result for: " + input.path("task").asString(""));
			case "close":
				return NODES.booleanNode(true);
			default:
				// goto, evaluate_js, exec_js and anything unknown: no value
				return NODES.nullNode();
		}
	}

	private SimResponse deleteTaskData(Call call) {
		SimTask task = this.tasks.get(call.id);
		if (task == null) {
			return SimResponse.error(404, "Task not found");
		}
		if (!task.deleteData()) {
			return SimResponse.error(400, "Task is not completed yet");
		}
		return ok(true);
	}

	private SimResponse createProfile(Call call) {
		JsonNode requested = (call.json != null) ? call.json.get("id") : null;
		String id = (requested != null && requested.isString()) ? requested.asString()
				: "profile_" + UUID.randomUUID().toString().substring(0, 8);
		ObjectNode profile = NODES.objectNode();
		profile.put("id", id);
		profile.putArray("cookie_domains");
		profile.put("cookie_count", 0);
		profile.put("profile_size_bytes", 0);
		profile.put("last_saved_at", System.currentTimeMillis() / 1000);
		synchronized (this.profiles) {
			if (this.profiles.containsKey(id)) {
				return SimResponse.error(409, "A profile with id '" + id + "' already exists");
			}
			this.profiles.put(id, profile);
		}
		return ok(profile);
	}

	private SimResponse listProfiles() {
		synchronized (this.profiles) {
			ArrayNode list = NODES.arrayNode();
			this.profiles.values().forEach(list::add);
			return ok(list);
		}
	}

	private SimResponse deleteResource(Map<String, ?> resources, String id, String kind) {
		synchronized (this.profiles) {
			if (resources.remove(id) == null) {
				return SimResponse.error(404, kind + " not found");
			}
		}
		return ok(true);
	}

	private SimResponse upload(Call call, boolean extension) {
		String boundary = Multipart.boundary(call.contentType);
		if (boundary == null) {
			return SimResponse.error(400, "Expected multipart/form-data");
		}
		List<Multipart.Part> parts = Multipart.parse(boundary, call.body);
		Multipart.Part file = parts.stream().filter((part) -> "file".equals(part.name())).findFirst().orElse(null);
		if (file == null || file.fileName() == null || file.fileName().isBlank()) {
			return SimResponse.error(400, "Invalid file: a 'file' part with a file name is required");
		}
		if (extension && !file.fileName().toLowerCase(Locale.ROOT).endsWith(".zip")) {
			return SimResponse.error(400, "Invalid file: only ZIP files are allowed");
		}
		String purpose = parts.stream()
			.filter((part) -> "file_purpose".equals(part.name()))
			.map(Multipart.Part::text)
			.findFirst()
			.orElse(null);
		if (purpose != null && purpose.length() > 64) {
			return SimResponse.error(400, "Invalid file_purpose: at most 64 characters");
		}
		String id = (extension ? "ext_" : "file_") + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		UploadedFile uploaded = new UploadedFile(id, file.fileName(), purpose, file.content(), Instant.now());
		synchronized (this.profiles) {
			(extension ? this.extensions : this.files).put(id, uploaded);
		}
		return ok(NODES.objectNode().put("id", id));
	}

	private SimResponse listExtensions() {
		ArrayNode list = NODES.arrayNode();
		for (UploadedFile extension : uploadedExtensions()) {
			list.addObject()
				.put("id", extension.id())
				.put("file_name", extension.fileName())
				.put("creation_time", extension.uploadedAt().getEpochSecond());
		}
		return ok(list);
	}

	private SimResponse openBrowserSession() {
		String liveId = "live_" + UUID.randomUUID().toString().substring(0, 8);
		ObjectNode r = NODES.objectNode();
		r.putNull("profile_id");
		r.put("live_id", liveId);
		r.put("live_url", "https://live." + SimTask.FAKE_HOST + "/v/" + liveId);
		return ok(r);
	}

	/**
	 * One request on its way through the simulator.
	 */
	private record Call(Route route, String id, RecordedRequest request, byte[] body, JsonNode json,
			String contentType) {
	}

	/**
	 * A response before it is written.
	 */
	record SimResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

		static final SimResponse DROP = new SimResponse(0, "", EMPTY, Map.of());

		static SimResponse json(int status, JsonNode body) {
			return new SimResponse(status, "application/json", body.toString().getBytes(StandardCharsets.UTF_8),
					Map.of());
		}

		static SimResponse error(int status, String detail) {
			return json(status, NODES.objectNode().put("detail", detail));
		}

		static SimResponse validation(JsonMapper mapper, List<ValidationError> errors) {
			ObjectNode body = NODES.objectNode();
			body.set("detail", mapper.valueToTree(errors));
			return json(422, body);
		}

		SimResponse withStatus(int newStatus) {
			return new SimResponse(newStatus, this.contentType, this.body, this.headers);
		}

		SimResponse withHeader(String name, String value) {
			Map<String, String> all = new LinkedHashMap<>(this.headers);
			all.put(name, value);
			return new SimResponse(this.status, this.contentType, this.body, all);
		}

		SimResponse truncated() {
			return new SimResponse(this.status, this.contentType, Arrays.copyOf(this.body, this.body.length / 2),
					this.headers);
		}

	}

}
