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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The starter column of the side-by-side harness ({@link ComparisonHarness}): runs one
 * scenario in a JVM of its own, so "cold" means a fresh JVM, and prints
 * {@code RESULT <json>}. It mirrors {@code src/main/js/ts-driver.mjs} scenario by
 * scenario, with the same arguments and the same output; every starter call goes through
 * {@link StarterClient}.
 * <p>
 * {@code java StarterDriver <scenario> <simulator base url> <api key> [name=value ...]}
 * <p>
 * Times are {@link System#nanoTime()}, the machine's monotonic clock on Linux, which the
 * simulator's timeline uses too. They are printed as strings, like the Node driver's.
 */
public final class StarterDriver {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final StarterClient client;

	private final Map<String, String> args;

	private StarterDriver(StarterClient client, Map<String, String> args) {
		this.client = client;
		this.args = args;
	}

	/**
	 * Runs one scenario and exits.
	 * @param argv scenario, base URL, API key, then {@code name=value} arguments
	 */
	public static void main(String[] argv) {
		Map<String, String> args = new HashMap<>();
		for (int i = 3; i < argv.length; i++) {
			int eq = argv[i].indexOf('=');
			args.put(argv[i].substring(0, eq), argv[i].substring(eq + 1));
		}
		try {
			StarterClient client = StarterClient.start(argv[1], argv[2]);
			double readyMs = ManagementFactory.getRuntimeMXBean().getUptime();
			StarterDriver driver = new StarterDriver(client, args);
			ObjectNode result = switch (argv[0]) {
				case "first-call" -> driver.firstCall().put("readyMs", readyMs);
				case "quick" -> driver.quick();
				case "tasks" -> driver.tasks();
				case "sessions" -> driver.sessions();
				case "concurrent" -> driver.concurrent();
				default -> throw new IllegalArgumentException("unknown scenario " + argv[0]);
			};
			result.put("clockNanos", String.valueOf(System.nanoTime()));
			System.out.println("RESULT " + JsonMapper.builder().build().writeValueAsString(result));
			System.out.flush();
			client.close();
			System.exit(0);
		}
		catch (RuntimeException ex) {
			ex.printStackTrace();
			System.exit(1);
		}
	}

	/** The first submit of a fresh JVM: the POST until the handle is there. */
	private ObjectNode firstCall() {
		long start = System.nanoTime();
		StarterClient.Submitted submitted = this.client.submit(text(), false).join();
		double firstCallMs = millis(start, System.nanoTime());
		submitted.result().join();
		return NODES.objectNode().put("firstCallMs", firstCallMs);
	}

	/** Sequential plain tasks, submit to result: the first ones cold, later ones warm. */
	private ObjectNode quick() {
		ObjectNode result = NODES.objectNode();
		result.set("cold", sequentialMillis(integer("cold"), text() + " cold"));
		sequentialMillis(integer("warmup"), text() + " warm-up");
		result.set("warm", sequentialMillis(integer("warm"), text() + " warm"));
		return result;
	}

	/**
	 * {@code warmup} unmeasured tool tasks at once, then {@code count} tasks started over
	 * {@code spreadMs}; the last {@code toolTasks} attach the tool; "{k}" in the text
	 * becomes {@code i % phases}.
	 */
	private ObjectNode tasks() {
		List<CompletableFuture<ObjectNode>> warmUp = new ArrayList<>();
		for (int i = 0; i < integer("warmup"); i++) {
			warmUp.add(task("[warm-up] #" + i, true));
		}
		warmUp.forEach(CompletableFuture::join);
		int count = integer("count");
		int toolTasks = integer("toolTasks");
		int phases = Math.max(1, integer("phases"));
		ArrayNode tasks = spread(count, integer("spreadMs"),
				(i) -> task(text().replace("{k}", String.valueOf(i % phases)) + " #" + i, i >= count - toolTasks));
		ObjectNode result = NODES.objectNode();
		result.set("tasks", tasks);
		return result;
	}

	/**
	 * One unmeasured session, then {@code count} sessions started over {@code spreadMs}.
	 */
	private ObjectNode sessions() {
		ExecutorService callers = Executors.newCachedThreadPool();
		try {
			session(callers).join();
			ObjectNode result = NODES.objectNode();
			result.set("sessions", spread(integer("count"), integer("spreadMs"), (i) -> session(callers)));
			return result;
		}
		finally {
			callers.shutdown();
		}
	}

	/**
	 * Rounds of {@code count} simultaneous plain tasks; CPU of this whole JVM per round.
	 */
	private ObjectNode concurrent() {
		int count = integer("count");
		ArrayNode rounds = NODES.arrayNode();
		for (int round = 0; round < integer("rounds"); round++) {
			long cpu = cpuNanos();
			long start = System.nanoTime();
			List<CompletableFuture<ObjectNode>> tasks = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				tasks.add(task(text() + " round " + round + " #" + i, false));
			}
			ArrayNode done = NODES.arrayNode();
			tasks.forEach((task) -> done.add(task.join()));
			double wallMs = millis(start, System.nanoTime());
			ObjectNode entry = rounds.addObject().put("cpuMs", (cpuNanos() - cpu) / 1e6).put("wallMs", wallMs);
			entry.set("tasks", done);
		}
		ObjectNode result = NODES.objectNode();
		result.set("rounds", rounds);
		return result;
	}

	/** Submits a task, awaits its result and notes when the result reached us. */
	private CompletableFuture<ObjectNode> task(String text, boolean withTool) {
		long submitted = System.nanoTime();
		return this.client.submit(text, withTool).thenCompose((task) -> task.result().thenApply((status) -> {
			long delivered = System.nanoTime();
			return NODES.objectNode()
				.put("id", task.id())
				.put("tool", withTool)
				.put("status", status)
				.put("submittedNanos", String.valueOf(submitted))
				.put("deliveredNanos", String.valueOf(delivered));
		}));
	}

	private CompletableFuture<ObjectNode> session(ExecutorService callers) {
		// the session API blocks its caller: one caller thread per session, as a web
		// request thread would be
		return CompletableFuture.supplyAsync(() -> {
			ArrayNode delivered = NODES.arrayNode();
			String id = this.client.session((nanos) -> delivered.add(String.valueOf(nanos)));
			ObjectNode session = NODES.objectNode().put("id", id);
			session.set("delivered", delivered);
			return session;
		}, callers);
	}

	private ArrayNode sequentialMillis(int count, String text) {
		ArrayNode sample = NODES.arrayNode();
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			String status = task(text + " #" + i, false).join().get("status").asString();
			if (!"done".equals(status)) {
				throw new IllegalStateException("quick task ended " + status);
			}
			sample.add(millis(start, System.nanoTime()));
		}
		return sample;
	}

	/**
	 * Starts count runs evenly over spreadMs without waiting for each, then awaits them
	 * all.
	 */
	private static ArrayNode spread(int count, int spreadMs, IntFunction<CompletableFuture<ObjectNode>> start) {
		long begin = System.nanoTime();
		List<CompletableFuture<ObjectNode>> runs = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			long due = begin + (long) spreadMs * 1_000_000L * i / count;
			// pacing the load generator, as the Node driver's setTimeout does
			LockSupport.parkNanos(due - System.nanoTime());
			runs.add(start.apply(i));
		}
		ArrayNode results = NODES.arrayNode();
		runs.forEach((run) -> results.add(run.join()));
		return results;
	}

	private String text() {
		return this.args.get("text");
	}

	private int integer(String name) {
		return Integer.parseInt(this.args.getOrDefault(name, "0"));
	}

	private static double millis(long from, long to) {
		return (to - from) / 1e6;
	}

	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

}
