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

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import sh.smooth.spring.test.RecordedRequest;
import sh.smooth.spring.test.Route;
import sh.smooth.spring.test.SessionActionTiming;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.TaskMatcher;
import sh.smooth.spring.test.TaskScript;
import sh.smooth.spring.test.TaskTimeline;
import sh.smooth.spring.test.ToolRoundTrip;

/**
 * Runs the simulator in its own JVM, so the harness measures threads, heap and CPU of the
 * client alone. Scripts are fixed per task text, and more can be added over a small
 * control server (JDK {@code HttpServer}), which also reports request counts, tool round
 * trips and per-task timelines, and switches long-poll mode and session-action latency.
 * <p>
 * Prints {@code READY <simulator base URL> <control port>} when started; exits when its
 * standard input closes.
 */
public final class SimulatorProcess {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String[] ACTIONS = { "goto", "evaluate_js", "extract", "run_task", "close" };

	private SimulatorProcess() {
	}

	/**
	 * Starts the simulator and the control server.
	 * @param args unused
	 * @throws IOException if the control server cannot start
	 */
	public static void main(String[] args) throws IOException {
		// two event loops: in its own process the simulator must not be the bottleneck
		SmoothSimulator sim = SmoothSimulator.start(0, 2);
		script(sim);
		HttpServer control = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		control.createContext("/requests", (exchange) -> reply(exchange, String.valueOf(sim.requests().size())));
		control.createContext("/round-trips", (exchange) -> {
			StringBuilder lines = new StringBuilder();
			for (ToolRoundTrip trip : sim.toolRoundTrips()) {
				if (trip.answered()) {
					lines.append(trip.taskId()).append(' ').append(trip.roundTrip().toNanos()).append('\n');
				}
			}
			reply(exchange, lines.toString());
		});
		control.createContext("/long-poll", (exchange) -> {
			String query = exchange.getRequestURI().getQuery();
			long seconds = Long.parseLong(query.substring(query.indexOf('=') + 1));
			sim.longPoll((seconds > 0) ? Duration.ofSeconds(seconds) : null);
			reply(exchange, "ok");
		});
		control.createContext("/clock", (exchange) -> reply(exchange, String.valueOf(System.nanoTime())));
		control.createContext("/script", (exchange) -> {
			script(sim, query(exchange));
			reply(exchange, "ok");
		});
		control.createContext("/action-latency", (exchange) -> {
			Duration latency = Duration.ofMillis(Long.parseLong(query(exchange).get("millis")));
			for (String action : ACTIONS) {
				sim.onSessionAction(action).latency(latency);
			}
			reply(exchange, "ok");
		});
		control.createContext("/route-counts", (exchange) -> {
			int from = Integer.parseInt(query(exchange).getOrDefault("from", "0"));
			List<RecordedRequest> all = sim.requests();
			Map<Route, Integer> counts = new EnumMap<>(Route.class);
			for (RecordedRequest request : all.subList(Math.min(from, all.size()), all.size())) {
				if (request.route() != null) {
					counts.merge(request.route(), 1, Integer::sum);
				}
			}
			reply(exchange, JSON.writeValueAsString(counts));
		});
		control.createContext("/timelines", (exchange) -> {
			String ids = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			reply(exchange, JSON.writeValueAsString(timelines(sim, ids.split("\\s+"))));
		});
		control.start();
		System.out.println("READY " + sim.baseUrl() + " " + control.getAddress().getPort());
		System.out.flush();
		// the harness closes our standard input when it is done, or dies
		while (System.in.read() != -1) {
			// keep running
		}
		control.stop(0);
		sim.close();
	}

	private static void script(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("quick")).runningAfter(Duration.ZERO).doneAfter(Duration.ZERO).credits(1);
		sim.onTask(TaskMatcher.textContains("tool round trip"))
			.runningAfter(Duration.ZERO)
			.toolCall(Duration.ofSeconds(1), "lookupCustomer", Map.of("customerId", "c-1"))
			.doneAfter(Duration.ZERO)
			.credits(2);
		// the same, with the call off the phase of a 500 ms steady poll: the typical case
		sim.onTask(TaskMatcher.textContains("tool call off phase"))
			.runningAfter(Duration.ZERO)
			.toolCall(Duration.ofMillis(1250), "lookupCustomer", Map.of("customerId", "c-1"))
			.doneAfter(Duration.ZERO)
			.credits(2);
		sim.onTask(TaskMatcher.textContains("concurrent"))
			.runningAfter(Duration.ZERO)
			.doneAfter(burstTaskLength())
			.credits(1);
		for (String action : new String[] { "goto", "evaluate_js", "extract", "run_task", "close" }) {
			sim.onSessionAction(action).latency(Duration.ZERO);
		}
	}

	/**
	 * How long a "concurrent" task runs: 2 s, the length issue 12's bound was set at,
	 * unless {@code SMOOTH_HARNESS_TASK_MS} says otherwise. An environment variable, not
	 * a property, because the harness starts this JVM with none and it inherits the
	 * environment.
	 */
	private static Duration burstTaskLength() {
		String millis = System.getenv("SMOOTH_HARNESS_TASK_MS");
		return Duration.ofMillis((millis != null) ? Long.parseLong(millis) : 2000);
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * A plain task: running at once, one optional tool call ({@code lookupCustomer}) at
	 * {@code toolAtMs}, then done {@code doneAfterMs} later.
	 */
	private static void script(SmoothSimulator sim, Map<String, String> query) {
		TaskScript script = sim.onTask(TaskMatcher.textContains(query.get("contains"))).runningAfter(Duration.ZERO);
		if (query.containsKey("toolAtMs")) {
			script.toolCall(Duration.ofMillis(Long.parseLong(query.get("toolAtMs"))), "lookupCustomer",
					Map.of("customerId", "c-1"));
		}
		script.doneAfter(Duration.ofMillis(Long.parseLong(query.get("doneAfterMs")))).credits(1);
	}

	/**
	 * What the harness reads back per task: its requests, timeline and tool round trips,
	 * all times on {@link System#nanoTime()}.
	 */
	private static ArrayNode timelines(SmoothSimulator sim, String[] ids) {
		ArrayNode list = NODES.arrayNode();
		for (String id : ids) {
			if (id.isBlank()) {
				continue;
			}
			TaskTimeline timeline = sim.timeline(id);
			ObjectNode task = list.addObject()
				.put("id", id)
				.put("status", timeline.status().wireName())
				.put("createdNanos", timeline.createdNanos())
				.put("endedNanos", timeline.endedNanos());
			ArrayNode requests = task.putArray("requests");
			for (RecordedRequest request : sim.requests(id)) {
				requests.addObject().put("route", request.route().name()).put("nanos", request.receivedNanos());
			}
			ArrayNode actions = task.putArray("actions");
			for (SessionActionTiming action : timeline.actions()) {
				actions.addObject()
					.put("action", action.action())
					.put("postedNanos", action.postedNanos())
					.put("completedNanos", action.completedNanos());
			}
			ArrayNode toolCalls = task.putArray("toolCalls");
			for (ToolRoundTrip trip : sim.toolRoundTrips(id)) {
				toolCalls.addObject()
					.put("emittedNanos", trip.emittedNanos())
					.put("answeredNanos", trip.answeredNanos());
			}
		}
		return list;
	}

	private static Map<String, String> query(HttpExchange exchange) {
		Map<String, String> query = new HashMap<>();
		String raw = exchange.getRequestURI().getRawQuery();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return query;
	}

	private static void reply(HttpExchange exchange, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
