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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.ConfigurableApplicationContext;

import sh.smooth.spring.SmoothTemplate;
import sh.smooth.spring.session.SmoothSession;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskHandle;

/**
 * A long run (15 minutes by default; {@code -Psoak -Dsoak.minutes=N}) that keeps quick
 * tasks, tool tasks and sessions going, and prints heap after GC and live threads every
 * 30 seconds: flat lines mean no leak.
 */
public final class SoakRun {

	private SoakRun() {
	}

	/**
	 * Runs the soak.
	 * @param args the duration in minutes (optional)
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		Duration length = Duration.ofMinutes((args.length > 0) ? Long.parseLong(args[0]) : 15);
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		AtomicLong finished = new AtomicLong();
		try (RemoteSimulator sim = new RemoteSimulator();
				ConfigurableApplicationContext context = LoadHarness.start(sim)) {
			SmoothTemplate smooth = context.getBean(SmoothTemplate.class);
			long end = System.nanoTime() + length.toNanos();
			long nextReport = System.nanoTime();
			System.out.println("minute, heap after GC (MB), live threads, tasks finished, polls in flight");
			while (System.nanoTime() < end) {
				List<CompletableFuture<?>> batch = new ArrayList<>();
				for (int i = 0; i < 50; i++) {
					batch.add(smooth.submitAsync(SmoothTask.builder("quick soak " + i).build())
						.thenCompose(TaskHandle::toFuture)
						.thenRun(finished::incrementAndGet));
				}
				for (int i = 0; i < 10; i++) {
					batch.add(smooth.submitAsync(SmoothTask.builder("tool round trip soak " + i).build())
						.thenCompose(TaskHandle::toFuture)
						.thenRun(finished::incrementAndGet));
				}
				try (SmoothSession session = smooth.openSession()) {
					session.goTo("https://example.com");
					session.evaluateJs("document.title");
				}
				CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).join();
				if (System.nanoTime() >= nextReport) {
					LoadHarness.gc();
					double minute = (length.toNanos() - (end - System.nanoTime())) / 60e9;
					System.out.printf("%.1f, %.1f, %d, %d, %d%n", minute,
							memory.getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0, threads.getThreadCount(),
							finished.get(),
							context.getBean(sh.smooth.spring.polling.PollingEngine.class).livePollers().size());
					nextReport = System.nanoTime() + Duration.ofSeconds(30).toNanos();
				}
			}
		}
		System.exit(0);
	}

}
