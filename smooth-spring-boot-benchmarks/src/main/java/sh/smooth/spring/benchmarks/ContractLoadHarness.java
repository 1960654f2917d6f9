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
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

import sh.smooth.spring.ReactiveSmoothOperations;
import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.task.ReactiveTaskHandle;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.task.TaskStatus;

/**
 * Submits bursts of 1,000 and 5,000 two-second tasks through the interfaces, the async
 * path ({@code SmoothOperations.submitAsync} then {@code TaskHandle.toFuture}) and the
 * reactive path ({@code ReactiveSmoothOperations.submit} then
 * {@code ReactiveTaskHandle.result}, all subscribed at once), back to back in one run
 * against the simulator in a child JVM, and reports wall time, CPU per task, peak threads
 * and requests per task, and when the last submit of the burst was acknowledged (the
 * tasks run two seconds from their submit, so the wall time cannot be shorter than that
 * plus two seconds).
 */
public final class ContractLoadHarness {

	private static final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private ContractLoadHarness() {
	}

	/**
	 * Runs the bursts.
	 * @param args the JSON output path (optional)
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		Path output = Path.of((args.length > 0) ? args[0] : "target/contract-load-results.json");
		List<ScenarioResult> results = new ArrayList<>();
		try (RemoteSimulator sim = new RemoteSimulator();
				ConfigurableApplicationContext context = LoadHarness.start(sim)) {
			SmoothOperations smooth = context.getBean(SmoothOperations.class);
			ReactiveSmoothOperations reactive = context.getBean(ReactiveSmoothOperations.class);
			LoadHarness.warmUp(smooth);
			// the first burst opens the connection pool and compiles the concurrent paths
			async(sim, smooth, 1000, "cold");
			// A-B-B-A: whichever path runs first after the cold burst still pays for
			// compiling its own chains, so each path runs once early and once late
			results.add(async(sim, smooth, 1000, "warm, 1st"));
			results.add(reactive(sim, reactive, 1000, "warm, 1st"));
			results.add(reactive(sim, reactive, 1000, "warm, 2nd"));
			results.add(async(sim, smooth, 1000, "warm, 2nd"));
			results.add(async(sim, smooth, 5000, "warm"));
			results.add(reactive(sim, reactive, 5000, "warm"));
		}
		for (ScenarioResult result : results) {
			System.out.println("| " + result.scenario() + " | " + result.figures() + " |");
		}
		Files.createDirectories(output.toAbsolutePath().getParent());
		Files.writeString(output,
				JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(results));
		System.out.println("Figures written to " + output.toAbsolutePath());
		System.exit(0);
	}

	static ScenarioResult async(RemoteSimulator sim, SmoothOperations smooth, int count, String mode) {
		Measure measure = new Measure(sim);
		List<CompletableFuture<TaskResult>> results = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			results.add(smooth.submitAsync(SmoothTask.builder("concurrent task " + i).build()).thenCompose((handle) -> {
				measure.submitted();
				return handle.toFuture();
			}));
		}
		CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
		AtomicInteger done = new AtomicInteger();
		results.forEach((result) -> done.addAndGet((result.join().status() == TaskStatus.DONE) ? 1 : 0));
		LoadHarness.check(done.get() == count, "not every task finished");
		return measure.result("submitAsync x" + count, mode, count);
	}

	static ScenarioResult reactive(RemoteSimulator sim, ReactiveSmoothOperations smooth, int count, String mode) {
		Measure measure = new Measure(sim);
		Long done = Flux.range(0, count)
			.flatMap((i) -> smooth.submit(SmoothTask.builder("concurrent task " + i).build())
				.doOnNext((handle) -> measure.submitted())
				.flatMap(ReactiveTaskHandle::result), count)
			.filter((result) -> result.status() == TaskStatus.DONE)
			.count()
			.block();
		LoadHarness.check(done != null && done == count, "not every task finished");
		return measure.result("reactive submit x" + count, mode, count);
	}

	private static final class Measure {

		private final RemoteSimulator sim;

		private final long cpuBefore;

		private final long requestsBefore;

		private final long start;

		private final AtomicLong lastSubmit = new AtomicLong();

		Measure(RemoteSimulator sim) {
			this.sim = sim;
			LoadHarness.gc();
			threads.resetPeakThreadCount();
			this.cpuBefore = LoadHarness.cpuNanos();
			this.requestsBefore = sim.requests();
			this.start = System.nanoTime();
		}

		/**
		 * Notes that a submit was acknowledged now.
		 */
		void submitted() {
			long now = System.nanoTime();
			this.lastSubmit.accumulateAndGet(now, Math::max);
		}

		ScenarioResult result(String scenario, String mode, int count) {
			double wall = (System.nanoTime() - this.start) / 1e9;
			long cpu = LoadHarness.cpuNanos() - this.cpuBefore;
			long requests = this.sim.requests() - this.requestsBefore;
			return ScenarioResult.of(scenario, mode)
				.put("wall s", Stats.round(wall))
				.put("last submit acknowledged s", Stats.round((this.lastSubmit.get() - this.start) / 1e9))
				.put("CPU ms/task", Stats.round(cpu / 1e6 / count))
				.put("peak threads", threads.getPeakThreadCount())
				.put("requests/task", Stats.round((double) requests / count));
		}

	}

}
