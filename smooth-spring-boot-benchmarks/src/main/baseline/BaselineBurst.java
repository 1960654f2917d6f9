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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.ConfigurableApplicationContext;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.SmoothTemplate;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.task.TaskStatus;

/**
 * Issue 12's baseline: the class-only {@code SmoothTemplate.submitAsync} of commit
 * {@code 014e4ca} (main before the first commit), measured the way
 * {@code ContractLoadHarness} measures the interfaces: a cold burst of 1,000 two-second
 * tasks, four warm ones and one of 5,000, each with its wall time, when its last submit
 * was acknowledged, CPU per task, peak threads and requests per task. It compiles only
 * against that commit, so the normal build does not compile it: {@code run-baseline-ab.sh}
 * next to it builds that commit in a worktree, compiles this file against it and runs it
 * in turns with {@code ContractLoadHarness} of the working tree.
 */
public final class BaselineBurst {

	private static final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private BaselineBurst() {
	}

	/**
	 * Runs the bursts against a simulator in a child JVM: the one on the class path given
	 * by {@code baseline.simulator.classpath} (the working tree's, so that both sides meet
	 * the same server), else that commit's own.
	 * @param args none
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		List<String> lines = new ArrayList<>();
		try (RemoteSimulator sim = simulator();
				ConfigurableApplicationContext context = LoadHarness.start(sim)) {
			SmoothOperations smooth = context.getBean(SmoothOperations.class);
			// the same warm-up as ContractLoadHarness (that commit's is private)
			for (int i = 0; i < 30; i++) {
				smooth.run("quick warm-up " + i);
			}
			// as there, the first burst opens the pool and compiles the paths
			burst(sim, smooth, 1000, "cold");
			for (int i = 1; i <= 4; i++) {
				lines.add(burst(sim, smooth, 1000, "warm " + i));
			}
			lines.add(burst(sim, smooth, 5000, "warm"));
		}
		lines.forEach(System.out::println);
		System.exit(0);
	}

	private static RemoteSimulator simulator() throws IOException {
		String classpath = System.getProperty("baseline.simulator.classpath");
		if (classpath == null) {
			return new RemoteSimulator();
		}
		// that commit's RemoteSimulator starts its child on this JVM's class path property;
		// the property is read once there and restored before anything else reads it
		String own = System.getProperty("java.class.path");
		System.setProperty("java.class.path", classpath);
		try {
			return new RemoteSimulator();
		}
		finally {
			System.setProperty("java.class.path", own);
		}
	}

	private static String burst(RemoteSimulator sim, SmoothOperations smooth, int count, String mode) {
		SmoothTemplate template = (SmoothTemplate) smooth;
		LoadHarness.gc();
		threads.resetPeakThreadCount();
		long cpuBefore = LoadHarness.cpuNanos();
		long requestsBefore = sim.requests();
		AtomicLong lastSubmit = new AtomicLong();
		long start = System.nanoTime();
		List<CompletableFuture<TaskResult>> results = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			results.add(template.submitAsync(SmoothTask.builder("concurrent task " + i).build()).thenCompose((handle) -> {
				lastSubmit.accumulateAndGet(System.nanoTime(), Math::max);
				return handle.toFuture();
			}));
		}
		CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
		double wall = (System.nanoTime() - start) / 1e9;
		long cpu = LoadHarness.cpuNanos() - cpuBefore;
		long requests = sim.requests() - requestsBefore;
		long done = results.stream().filter((result) -> result.join().status() == TaskStatus.DONE).count();
		LoadHarness.check(done == count, "not every task finished");
		return String.format(
				"| baseline submitAsync x%d | %s | wall s %.2f | last submit acknowledged s %.2f"
						+ " | CPU ms/task %.2f | peak threads %d | requests/task %.2f |",
				count, mode, wall, (lastSubmit.get() - start) / 1e9, cpu / 1e6 / count, threads.getPeakThreadCount(),
				(double) requests / count);
	}

}
