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

package sh.smooth.spring.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.ToDoubleFunction;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The side-by-side harness: the official TypeScript SDK and the starter, each driven by a
 * fresh child process per scenario ({@link DriverProcess}), against one simulator
 * instance ({@link SimulatorProcess}) in the same run. Requests are counted and task
 * ends, tool round trips and session-action results are timed on the server; a client
 * reports only when a result reached its caller, on the same monotonic clock. Prints
 * {@code figure | TS SDK | starter | ratio} and the duration curve, and writes the
 * figures as JSON.
 * <p>
 * System properties: {@code harness.ts-sdk}, the SDK's built {@code ts} directory
 * ({@code src/main/js/build-ts-sdk.sh}; without it, or unbuilt, the TS column is skipped
 * and the starter's still runs); {@code harness.node-driver}, the Node driver (default
 * {@code src/main/js/ts-driver.mjs}); {@code harness.scenarios}, a comma-separated subset
 * of {@code quick, curve, tools, sessions, concurrency, first-call, long-poll}.
 */
public final class ComparisonHarness {

	static final Duration ACTION_LATENCY = Duration.ofMillis(300);

	static final int[] CURVE_SECONDS = { 0, 2, 10, 60 };

	/** How long the simulator holds a poll in the long-poll scenario. */
	static final int LONG_POLL_SECONDS = 10;

	/** The durations of the long-poll scenario's plain tasks. */
	static final int[] LONG_POLL_SECONDS_CURVE = { 0, 2, 10 };

	private static final int PHASES = 20;

	/** Tool tasks each run of "tasks" completes, unmeasured, before it measures. */
	private static final int WARM_UP = 5;

	private static final String MAIN = "main";

	private static final String CURVE = "curve";

	private static final String LONG = "long-poll";

	static final String LP_TOOL_RANDOM = "long-poll: tool call at random phases: round trip p50, ms";

	static final String LP_TOOL_END = "long-poll: task ends at the tool answer: detection after the answer p50, ms";

	static final String LP_SESSION_DELIVERY = "long-poll: session action, 300 ms server latency: result → delivery p50, ms";

	static final String LP_SESSION_REQUESTS = "long-poll: requests per such session";

	static final String QUICK_COLD = "quick task, submit → result p50, cold (first 10 in a fresh process), ms";

	static final String QUICK_WARM = "quick task, submit → result p50, warm (40 after 30), ms";

	static final String REQUESTS_2S = "requests, one 2 s task (mean of 20)";

	static final String IDLE_TOOL = "running task with a tool attached, no call: requests per minute";

	static final String IDLE_PLAIN = "running task, no tools: requests per minute";

	static final String TOOL_FIXED = "tool call 1.2 s into a task: round trip p50 (event → answer), ms";

	static final String TOOL_RANDOM = "tool call at random phases (1.0–2.0 s): round trip p50, ms";

	static final String TOOL_END = "task ends at the tool answer: detection after the answer p50, ms";

	static final String SESSION_DELIVERY = "session action, 300 ms server latency: result → delivery p50, ms";

	static final String SESSION_REQUESTS = "requests per such session (open, 4 actions, close)";

	static final String CPU_COLD = "1,000 concurrent 2 s tasks: CPU per task, cold (fresh process), ms";

	static final String CPU_WARM = "1,000 concurrent 2 s tasks: CPU per task, warm (repeat run), ms";

	static final String WALL_COLD = "1,000 concurrent 2 s tasks: wall time, cold, s";

	static final String WALL_WARM = "1,000 concurrent 2 s tasks: wall time, warm, s";

	static final String REQUESTS_1000 = "1,000 concurrent 2 s tasks: requests per task (warm)";

	static final String FIRST_CALL = "first call in a fresh process (a submit), median of 3, ms";

	static final String READY = "fresh process → client ready, median of 3, ms";

	static final String TELEMETRY = "requests to /telemetry, whole run";

	private final RemoteSimulator sim;

	private final List<DriverProcess> drivers;

	private final ComparisonTable table = new ComparisonTable();

	private final Map<String, Integer> telemetry = new LinkedHashMap<>();

	private ComparisonHarness(RemoteSimulator sim, List<DriverProcess> drivers) {
		this.sim = sim;
		this.drivers = drivers;
		for (String figure : List.of(QUICK_COLD, QUICK_WARM, REQUESTS_2S, IDLE_TOOL, IDLE_PLAIN, TOOL_FIXED,
				TOOL_RANDOM, TOOL_END, SESSION_DELIVERY, SESSION_REQUESTS, CPU_COLD, CPU_WARM, WALL_COLD, WALL_WARM,
				REQUESTS_1000, FIRST_CALL, READY, TELEMETRY)) {
			this.table.declare(MAIN, figure);
		}
		for (int seconds : CURVE_SECONDS) {
			curveFigures(seconds).forEach((figure) -> this.table.declare(CURVE, figure));
		}
		for (int seconds : LONG_POLL_SECONDS_CURVE) {
			longPollFigures(seconds).forEach((figure) -> this.table.declare(LONG, figure));
		}
		for (String figure : List.of(LP_TOOL_RANDOM, LP_TOOL_END, LP_SESSION_DELIVERY, LP_SESSION_REQUESTS)) {
			this.table.declare(LONG, figure);
		}
	}

	/** The long-poll rows of one duration: requests per task and detection p50. */
	static List<String> longPollFigures(int seconds) {
		String task = "long-poll: plain " + seconds + " s task: ";
		return List.of(task + "requests per task", task + "detection p50 (end → delivered), ms");
	}

	/** The curve's rows of one duration: requests per task, detection p50 and p90. */
	static List<String> curveFigures(int seconds) {
		String task = "plain " + seconds + " s task: ";
		return List.of(task + "requests per task", task + "detection p50 (end → delivered), ms",
				task + "detection p90, ms");
	}

	/**
	 * Runs every scenario with both clients.
	 * @param args the JSON output path (optional)
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		Path output = Path.of((args.length > 0) ? args[0] : "target/side-by-side.json");
		Path script = Path.of(System.getProperty("harness.node-driver", "src/main/js/ts-driver.mjs"));
		String sdk = System.getProperty("harness.ts-sdk");
		String unavailable = DriverProcess.typeScriptUnavailable(sdk, script);
		List<DriverProcess> drivers = new ArrayList<>();
		if (unavailable == null) {
			drivers.add(DriverProcess.typeScript(Path.of(sdk), script));
		}
		else {
			System.out.println("TS SDK column skipped: " + unavailable);
		}
		drivers.add(DriverProcess.starter());
		long start = System.nanoTime();
		double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		ComparisonHarness harness;
		try (RemoteSimulator sim = new RemoteSimulator()) {
			harness = new ComparisonHarness(sim, drivers);
			harness.script();
			Map<String, Runnable> scenarios = new LinkedHashMap<>();
			scenarios.put("quick", harness::quick);
			scenarios.put("curve", harness::curve);
			scenarios.put("tools", harness::tools);
			scenarios.put("sessions", harness::sessions);
			scenarios.put("concurrency", harness::concurrency);
			scenarios.put("first-call", harness::firstCall);
			scenarios.put("long-poll", harness::longPoll);
			List<String> only = List
				.of(System.getProperty("harness.scenarios", String.join(",", scenarios.keySet())).split(","));
			scenarios.forEach((name, scenario) -> {
				if (only.contains(name)) {
					scenario.run();
				}
			});
			harness.telemetry();
		}
		ComparisonTable table = harness.table;
		if (unavailable != null) {
			table.note("TS SDK column skipped: " + unavailable);
		}
		table.note("ratio = starter / TS SDK; every figure is a cost, so under 1 means the starter is better");
		if (unavailable == null) {
			table.note("TS SDK: " + DriverProcess.typeScriptVersion(Path.of(sdk)));
		}
		table.note("starter: Java " + System.getProperty("java.version") + ", default JVM settings, "
				+ Runtime.getRuntime().availableProcessors() + " cores");
		table.note(
				String.format(Locale.ROOT, "harness wall time %.0f s; load average %.1f at the start, %.1f at the end",
						(System.nanoTime() - start) / 1e9, loadBefore,
						ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
		table.print(System.out, MAIN, "Side by side: official TS SDK vs the starter", unavailable != null);
		table.print(System.out, CURVE, "Plain tasks by duration: requests and detection latency", unavailable != null);
		table.print(System.out, LONG, "With a long-polling server (a GET held up to " + LONG_POLL_SECONDS + " s)",
				unavailable != null);
		table.printNotes(System.out);
		IssueGoals.print(System.out, table);
		Files.createDirectories(output.toAbsolutePath().getParent());
		ObjectNode json = table.toJson();
		json.put("tsSdk", (unavailable == null) ? sdk : null);
		Files.writeString(output,
				JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(json));
		System.out.println("Figures written to " + output.toAbsolutePath());
		System.exit(0);
	}

	/** The task scripts every scenario uses, and the session-action latency. */
	private void script() {
		this.sim.actionLatency(ACTION_LATENCY);
		this.sim.script("[quick]", null, Duration.ZERO);
		this.sim.script("[warm-up]", Duration.ZERO, Duration.ZERO);
		for (int seconds : CURVE_SECONDS) {
			this.sim.script("[plain " + seconds + "]", null, Duration.ofSeconds(seconds));
		}
		// the task ends as the answer arrives: what follows is the client's detection
		this.sim.script("[tool 1200]", Duration.ofMillis(1200), Duration.ZERO);
		for (int k = 0; k < PHASES; k++) {
			this.sim.script("[tool phase " + k + "]", Duration.ofMillis(1000 + 1000L * k / PHASES), Duration.ZERO);
		}
	}

	/** Sequential quick tasks (done at once): 10 cold, 20 unmeasured, 40 warm. */
	private void quick() {
		each("quick", Map.of("text", "[quick]", "cold", 10, "warmup", 20, "warm", 40), List.of(QUICK_COLD, QUICK_WARM),
				(column, result) -> {
					this.table.put(MAIN, QUICK_COLD, column, p50(result.get("cold"), JsonNode::asDouble));
					this.table.put(MAIN, QUICK_WARM, column, p50(result.get("warm"), JsonNode::asDouble));
				});
	}

	/**
	 * Plain tasks (no tools) of 0, 2, 10 and 60 s, 40 per point (30 for 60 s) started
	 * over one second after 5 unmeasured tool tasks; the 60 s point also runs four tasks
	 * with the tool attached that never call it. Idle costs are counted on the 60 s tasks
	 * between 10 s and 50 s. With 40 tasks the standard error of a detection p50 (a
	 * uniform wait over a 1 s interval) is about 80 ms; with 20 it was 110 ms.
	 */
	private void curve() {
		for (int seconds : CURVE_SECONDS) {
			boolean idle = seconds == 60;
			int plain = idle ? 30 : 40;
			int withTool = idle ? 4 : 0;
			List<String> figures = new ArrayList<>(curveFigures(seconds));
			String requests = figures.get(0);
			String detection = figures.get(1);
			String detection90 = figures.get(2);
			if (seconds == 2) {
				figures.add(REQUESTS_2S);
			}
			if (idle) {
				figures.addAll(List.of(IDLE_PLAIN, IDLE_TOOL));
			}
			each("tasks", Map.of("text", "[plain " + seconds + "]", "count", plain + withTool, "toolTasks", withTool,
					"spreadMs", 1000, "warmup", WARM_UP), figures, (column, result) -> {
						List<Task> tasks = tasks(result.get("tasks"));
						List<Task> plainTasks = tasks.stream().filter((task) -> !task.tool()).toList();
						double perTask = mean(plainTasks, (task) -> task.server().requests().size());
						this.table.put(CURVE, requests, column, perTask);
						this.table.put(CURVE, detection, column, percentile(plainTasks, 50, Task::detectionMillis));
						this.table.put(CURVE, detection90, column, percentile(plainTasks, 90, Task::detectionMillis));
						if (seconds == 2) {
							this.table.put(MAIN, REQUESTS_2S, column, perTask);
						}
						if (idle) {
							this.table.put(MAIN, IDLE_PLAIN, column, mean(plainTasks, Task::idleRequestsPerMinute));
							this.table.put(MAIN, IDLE_TOOL, column,
									mean(tasks.stream().filter(Task::tool).toList(), Task::idleRequestsPerMinute));
						}
					});
		}
	}

	/**
	 * Tasks with the tool attached that call it once and end at the answer: 30 at 1.2 s,
	 * then 40 at phases spread evenly over 1.0–2.0 s, each run after 5 unmeasured ones.
	 * Round trips are the simulator's (event visible → answer received); detection is
	 * over all 70.
	 */
	private void tools() {
		Map<String, List<Double>> detection = new LinkedHashMap<>();
		each("tasks", Map.of("text", "[tool 1200]", "count", 30, "toolTasks", 30, "spreadMs", 1000, "warmup", WARM_UP),
				List.of(TOOL_FIXED), (column, result) -> {
					List<Task> tasks = tasks(result.get("tasks"));
					this.table.put(MAIN, TOOL_FIXED, column, percentile(tasks, 50, Task::roundTripMillis));
					tasks.forEach((task) -> detection.computeIfAbsent(column, (key) -> new ArrayList<>())
						.add(task.detectionMillis()));
				});
		toolPhases(MAIN, TOOL_RANDOM, TOOL_END, detection);
	}

	/**
	 * 40 tasks with the tool attached, the call at phases spread evenly over 1.0–2.0 s,
	 * the task ending at the answer: the round trip p50, and the detection p50 over these
	 * and the given earlier detections.
	 */
	private void toolPhases(String section, String roundTrip, String end, Map<String, List<Double>> detection) {
		each("tasks", Map.of("text", "[tool phase {k}]", "phases", PHASES, "count", 2 * PHASES, "toolTasks", 2 * PHASES,
				"spreadMs", 1000, "warmup", WARM_UP), List.of(roundTrip, end), (column, result) -> {
					List<Task> tasks = tasks(result.get("tasks"));
					this.table.put(section, roundTrip, column, percentile(tasks, 50, Task::roundTripMillis));
					tasks.forEach((task) -> detection.computeIfAbsent(column, (key) -> new ArrayList<>())
						.add(task.detectionMillis()));
				});
		detection.forEach((column, millis) -> {
			Stats stats = new Stats();
			millis.forEach(stats::add);
			this.table.put(section, end, column, Stats.round(stats.percentile(50)));
		});
	}

	/**
	 * The simulator holds each poll up to 10 s until news: plain tasks of 0, 2 and 10 s
	 * (20 each), the tool tasks at random phases and the sessions again.
	 */
	private void longPoll() {
		this.sim.longPoll(LONG_POLL_SECONDS);
		try {
			for (int seconds : LONG_POLL_SECONDS_CURVE) {
				List<String> figures = longPollFigures(seconds);
				each("tasks", Map.of("text", "[plain " + seconds + "]", "count", 20, "toolTasks", 0, "spreadMs", 1000,
						"warmup", WARM_UP), figures, (column, result) -> {
							List<Task> tasks = tasks(result.get("tasks"));
							this.table.put(LONG, figures.get(0), column,
									mean(tasks, (task) -> task.server().requests().size()));
							this.table.put(LONG, figures.get(1), column, percentile(tasks, 50, Task::detectionMillis));
						});
			}
			toolPhases(LONG, LP_TOOL_RANDOM, LP_TOOL_END, new LinkedHashMap<>());
			sessions(LONG, LP_SESSION_DELIVERY, LP_SESSION_REQUESTS);
		}
		finally {
			this.sim.longPoll(0);
		}
	}

	/**
	 * One unmeasured session, then 10 started over one second: open, goto, evaluate_js,
	 * extract, run_task (each 300 ms on the server), close.
	 */
	private void sessions() {
		sessions(MAIN, SESSION_DELIVERY, SESSION_REQUESTS);
	}

	private void sessions(String section, String deliveryFigure, String requestsFigure) {
		each("sessions", Map.of("count", 10, "spreadMs", 1000), List.of(deliveryFigure, requestsFigure),
				(column, result) -> {
					Stats delivery = new Stats();
					List<Double> requests = new ArrayList<>();
					List<String> ids = new ArrayList<>();
					result.get("sessions").forEach((session) -> ids.add(session.get("id").asString()));
					List<ServerTask> server = this.sim.tasks(ids);
					int i = 0;
					for (JsonNode session : result.get("sessions")) {
						ServerTask task = server.get(i++);
						List<ServerTask.Action> actions = task.actions()
							.stream()
							.filter((action) -> !action.action().equals("close"))
							.toList();
						JsonNode delivered = session.get("delivered");
						LoadHarness.check(actions.size() == delivered.size(), column + ": " + actions.size()
								+ " actions on the server, " + delivered.size() + " delivered");
						for (int a = 0; a < actions.size(); a++) {
							delivery
								.add((DriverProcess.nanos(delivered.get(a)) - actions.get(a).completedNanos()) / 1e6);
						}
						requests.add((double) task.requests().size());
					}
					this.table.put(section, deliveryFigure, column, Stats.round(delivery.percentile(50)));
					this.table.put(section, requestsFigure, column, Stats
						.round(requests.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
				});
	}

	/** Two rounds of 1,000 simultaneous 2 s plain tasks in one fresh process. */
	private void concurrency() {
		int count = 1000;
		each("concurrent", Map.of("text", "[plain 2]", "count", count, "rounds", 2),
				List.of(CPU_COLD, CPU_WARM, WALL_COLD, WALL_WARM, REQUESTS_1000), (column, result) -> {
					JsonNode cold = result.get("rounds").get(0);
					JsonNode warm = result.get("rounds").get(1);
					this.table.put(MAIN, CPU_COLD, column,
							Stats.round(cold.get("cpuMs").asDouble() / count * 100) / 100);
					this.table.put(MAIN, CPU_WARM, column,
							Stats.round(warm.get("cpuMs").asDouble() / count * 100) / 100);
					this.table.put(MAIN, WALL_COLD, column, Stats.round(cold.get("wallMs").asDouble() / 1000));
					this.table.put(MAIN, WALL_WARM, column, Stats.round(warm.get("wallMs").asDouble() / 1000));
					this.table.put(MAIN, REQUESTS_1000, column,
							mean(tasks(warm.get("tasks")), (task) -> task.server().requests().size()));
				});
	}

	/** Three fresh processes, each timing its first submit. */
	private void firstCall() {
		Map<String, Stats> firstCalls = new LinkedHashMap<>();
		Map<String, Stats> ready = new LinkedHashMap<>();
		for (int run = 0; run < 3; run++) {
			each("first-call", Map.of("text", "[quick] first call"), List.of(FIRST_CALL, READY), (column, result) -> {
				firstCalls.computeIfAbsent(column, (key) -> new Stats()).add(result.get("firstCallMs").asDouble());
				ready.computeIfAbsent(column, (key) -> new Stats()).add(result.get("readyMs").asDouble());
			});
		}
		firstCalls
			.forEach((column, stats) -> this.table.put(MAIN, FIRST_CALL, column, Stats.round(stats.percentile(50))));
		ready.forEach((column, stats) -> this.table.put(MAIN, READY, column, Stats.round(stats.percentile(50))));
	}

	private void telemetry() {
		this.telemetry.forEach((column, count) -> this.table.put(MAIN, TELEMETRY, column, count));
	}

	/**
	 * Runs a scenario with each client in turn; a client that fails gets "failed" in its
	 * rows and a note, and the run goes on.
	 */
	private void each(String scenario, Map<String, Object> args, List<String> figures,
			BiConsumer<String, JsonNode> figuresOf) {
		for (DriverProcess driver : this.drivers) {
			System.out.println("running " + scenario + " " + new TreeMap<>(args) + " with the " + driver.column());
			this.telemetry.putIfAbsent(driver.column(), 0);
			long from = this.sim.requests();
			try {
				JsonNode result = driver.run(scenario, this.sim, args);
				figuresOf.accept(driver.column(), result);
			}
			catch (RuntimeException ex) {
				this.table.failed(figures, driver.column());
				this.table.note(driver.column() + " " + scenario + " " + args + " failed: " + ex.getMessage());
			}
			finally {
				this.sim.routeCounts(from).forEach((route, count) -> {
					if (route.equals("TELEMETRY")) {
						this.telemetry.merge(driver.column(), count, Integer::sum);
					}
				});
			}
		}
	}

	private List<Task> tasks(JsonNode driverTasks) {
		List<String> ids = new ArrayList<>();
		driverTasks.forEach((task) -> ids.add(task.get("id").asString()));
		List<ServerTask> server = this.sim.tasks(ids);
		List<Task> tasks = new ArrayList<>();
		int i = 0;
		for (JsonNode task : driverTasks) {
			ServerTask seen = server.get(i++);
			LoadHarness.check("done".equals(task.get("status").asString()) && seen.ended(),
					"task " + seen.id() + " ended " + task.get("status").asString());
			tasks.add(new Task(task.get("tool").asBoolean(), DriverProcess.nanos(task.get("deliveredNanos")), seen));
		}
		return tasks;
	}

	private static double p50(JsonNode sample, ToDoubleFunction<JsonNode> value) {
		Stats stats = new Stats();
		sample.forEach((entry) -> stats.add(value.applyAsDouble(entry)));
		return Stats.round(stats.percentile(50));
	}

	private static double percentile(List<Task> tasks, double p, ToDoubleFunction<Task> value) {
		Stats stats = new Stats();
		tasks.forEach((task) -> stats.add(value.applyAsDouble(task)));
		return Stats.round(stats.percentile(p));
	}

	private static double mean(List<Task> tasks, ToDoubleFunction<Task> value) {
		return Stats.round(tasks.stream().mapToDouble(value).average().orElse(Double.NaN));
	}

	/**
	 * A task as the client reported it and the simulator saw it.
	 *
	 * @param tool whether the tool was attached
	 * @param deliveredNanos when the client delivered the result to its caller
	 * @param server the simulator's view
	 */
	private record Task(boolean tool, long deliveredNanos, ServerTask server) {

		/** From the task's end on the server to the result in the caller's hands. */
		double detectionMillis() {
			return (this.deliveredNanos - this.server.endedNanos()) / 1e6;
		}

		/** The first tool call, from its event being visible to its answer arriving. */
		double roundTripMillis() {
			ServerTask.ToolCall call = this.server.toolCalls().get(0);
			LoadHarness.check(call.answeredNanos() >= 0, "tool call of " + this.server.id() + " unanswered");
			return (call.answeredNanos() - call.emittedNanos()) / 1e6;
		}

		/** Requests between 10 s and 50 s after the creation, per minute. */
		double idleRequestsPerMinute() {
			return this.server.requestsBetween(Duration.ofSeconds(10).toNanos(), Duration.ofSeconds(50).toNanos())
					* 60.0 / 40.0;
		}

	}

}
