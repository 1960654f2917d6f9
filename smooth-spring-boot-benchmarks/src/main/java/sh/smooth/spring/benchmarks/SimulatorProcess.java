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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.TaskMatcher;
import sh.smooth.spring.test.ToolRoundTrip;

/**
 * Runs the simulator in its own JVM, so the harness measures threads, heap and CPU of the
 * client alone. Scripts are fixed per task text; a small control server (JDK
 * {@code HttpServer}) reports request counts and tool round trips, and switches long-poll
 * mode.
 * <p>
 * Prints {@code READY <simulator base URL> <control port>} when started; exits when its
 * standard input closes.
 */
public final class SimulatorProcess {

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
			.doneAfter(Duration.ofSeconds(2))
			.credits(1);
		for (String action : new String[] { "goto", "evaluate_js", "extract", "run_task", "close" }) {
			sim.onSessionAction(action).latency(Duration.ZERO);
		}
	}

	private static void reply(HttpExchange exchange, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
