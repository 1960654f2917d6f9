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
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.task.TaskStatus;

/**
 * The load harness: runs each scenario against the simulator (in a child JVM, so only the
 * client is measured here) with the starter's default settings, then again with the
 * simulator in long-poll mode, prints a table and writes the figures as JSON.
 */
public final class LoadHarness {

	private static final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private static final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private LoadHarness() {
	}

	/**
	 * Runs every scenario.
	 * @param args the JSON output path (optional)
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		Path output = Path.of((args.length > 0) ? args[0] : "target/benchmark-results.json");
		List<ScenarioResult> results = new ArrayList<>();
		try (RemoteSimulator sim = new RemoteSimulator()) {
			for (String mode : List.of("default", "long-poll")) {
				sim.longPoll(mode.equals("long-poll") ? 10 : 0);
				try (ConfigurableApplicationContext context = start(sim)) {
					SmoothOperations smooth = context.getBean(SmoothOperations.class);
					warmUp(smooth);
					results.add(quickTasks(sim, smooth, mode));
					results.addAll(Scenarios.extra(sim, context, mode));
					// the first burst of 1,000 also opens the connection pool and
					// compiles the
					// concurrent paths: report it, then measure a warm run
					ScenarioResult cold = concurrency(sim, smooth, mode);
					results
						.add(concurrency(sim, smooth, mode).put("cold first run wall s", cold.figures().get("wall s")));
				}
			}
		}
		print(results);
		Files.createDirectories(output.toAbsolutePath().getParent());
		Files.writeString(output,
				JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(results));
		System.out.println("Figures written to " + output.toAbsolutePath());
		System.exit(0);
	}

	static ConfigurableApplicationContext start(RemoteSimulator sim) {
		Map<String, Object> properties = new HashMap<>(Map.of("smooth.base-url", sim.baseUrl(), "smooth.api-key",
				"harness-key", "logging.level.root", "WARN", "spring.main.banner-mode", "off"));
		// -Dharness.smooth.x=y sets smooth.x=y: a run with other settings needs no code
		// change
		System.getProperties()
			.stringPropertyNames()
			.stream()
			.filter((name) -> name.startsWith("harness.smooth."))
			.forEach((name) -> properties.put(name.substring("harness.".length()), System.getProperty(name)));
		return new SpringApplicationBuilder(HarnessApplication.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties(properties)
			.run();
	}

	static void warmUp(SmoothOperations smooth) {
		for (int i = 0; i < 30; i++) {
			smooth.run("quick warm-up " + i);
		}
	}

	static ScenarioResult quickTasks(RemoteSimulator sim, SmoothOperations smooth, String mode) {
		int count = 200;
		Stats latency = new Stats();
		long requestsBefore = sim.requests();
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			long t0 = System.nanoTime();
			TaskResult result = smooth.run("quick task " + i);
			latency.add((System.nanoTime() - t0) / 1e6);
			check(result.status() == TaskStatus.DONE, "quick task not done: " + result);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long requests = sim.requests() - requestsBefore;
		return ScenarioResult.of("a. quick task x" + count, mode)
			.put("p50 ms", Stats.round(latency.percentile(50)))
			.put("p90 ms", Stats.round(latency.percentile(90)))
			.put("p99 ms", Stats.round(latency.percentile(99)))
			.put("requests/task", Stats.round((double) requests / count))
			.put("requests/s", Stats.round(requests / seconds));
	}

	static ScenarioResult concurrency(RemoteSimulator sim, SmoothOperations smooth, String mode) throws Exception {
		int count = 1000;
		gc();
		long heapBefore = memory.getHeapMemoryUsage().getUsed();
		threads.resetPeakThreadCount();
		long cpuBefore = cpuNanos();
		long requestsBefore = sim.requests();
		long start = System.nanoTime();
		List<CompletableFuture<TaskHandle>> submitted = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			submitted.add(smooth.submitAsync(SmoothTask.builder("concurrent task " + i).build()));
		}
		CompletableFuture.allOf(submitted.toArray(CompletableFuture[]::new)).join();
		double submitSeconds = (System.nanoTime() - start) / 1e9;
		// every task is now in flight for about two seconds: measure what they retain
		gc();
		long heapInFlight = memory.getHeapMemoryUsage().getUsed();
		AtomicInteger done = new AtomicInteger();
		List<CompletableFuture<TaskResult>> results = submitted.stream()
			.map((future) -> future.join().toFuture().thenApply((r) -> {
				done.incrementAndGet();
				return r;
			}))
			.toList();
		CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
		double wall = (System.nanoTime() - start) / 1e9;
		long cpu = cpuNanos() - cpuBefore;
		long requests = sim.requests() - requestsBefore;
		check(done.get() == count, "not every concurrent task finished");
		return ScenarioResult.of("c. concurrency x" + count, mode)
			.put("wall s", Stats.round(wall))
			.put("submit s", Stats.round(submitSeconds))
			.put("tasks/s", Stats.round(count / wall))
			.put("peak threads", threads.getPeakThreadCount())
			.put("heap KB/task in flight", Stats.round(Math.max(0, heapInFlight - heapBefore) / 1024.0 / count))
			.put("CPU ms/task", Stats.round(cpu / 1e6 / count))
			.put("requests/task", Stats.round((double) requests / count))
			.put("requests/s", Stats.round(requests / wall));
	}

	static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	static void gc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
	}

	static void check(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException(message);
		}
	}

	private static void print(List<ScenarioResult> results) {
		System.out.println();
		System.out.println("| scenario | mode | figures |");
		System.out.println("|---|---|---|");
		for (ScenarioResult result : results) {
			StringBuilder figures = new StringBuilder();
			result.figures().forEach((name, value) -> {
				if (figures.length() > 0) {
					figures.append(", ");
				}
				figures.append(name).append(' ').append(String.format(Locale.ROOT, "%s", value));
			});
			System.out.println("| " + result.scenario() + " | " + result.mode() + " | " + figures + " |");
		}
		System.out.println();
	}

	static Duration elapsed(long startNanos) {
		return Duration.ofNanos(System.nanoTime() - startNanos);
	}

}
