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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.context.ConfigurableApplicationContext;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.SmoothTemplate;
import sh.smooth.spring.browser.SessionTask;
import sh.smooth.spring.session.SmoothSession;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.task.TaskStatus;

/**
 * The scenarios that use custom tools and sessions: b (tool round trip) and d (session
 * actions).
 */
final class Scenarios {

	private Scenarios() {
	}

	static List<ScenarioResult> extra(RemoteSimulator sim, ConfigurableApplicationContext context, String mode) {
		SmoothOperations smooth = context.getBean(SmoothOperations.class);
		// one unmeasured run of each warms the code paths (JIT) and the connection pool
		toolRoundTrip(sim, smooth, mode, "tool round trip", "b. tool round trip x100 (call at 1 s)");
		session(sim, smooth, mode);
		return List.of(toolRoundTrip(sim, smooth, mode, "tool round trip", "b. tool round trip x100 (call at 1 s)"),
				toolRoundTrip(sim, smooth, mode, "tool call off phase", "b'. tool round trip x100 (call at 1.25 s)"),
				session(sim, smooth, mode));
	}

	/**
	 * b. 100 tasks, each emitting one tool call 1 s after it starts; the round trip is
	 * measured by the simulator, from the event becoming available to the answer. The
	 * tasks start 10 ms apart (all 100 within the first second, so they overlap), as
	 * tasks arrive in an application: a round trip then measures the client, not a burst
	 * of 100 simultaneous calls queueing on two cores.
	 */
	static ScenarioResult toolRoundTrip(RemoteSimulator sim, SmoothOperations smooth, String mode, String text,
			String name) {
		int count = 100;
		SmoothTemplate template = (SmoothTemplate) smooth;
		long requestsBefore = sim.requests();
		long start = System.nanoTime();
		List<CompletableFuture<TaskHandle>> submitted = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			submitted.add(template.submitAsync(SmoothTask.builder(text + " " + i).build()));
			pause(Duration.ofMillis(Long.getLong("harness.stagger.ms", 10)));
		}
		List<CompletableFuture<TaskResult>> results = submitted.stream()
			.map((future) -> future.thenCompose(TaskHandle::toFuture))
			.toList();
		CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
		double wall = (System.nanoTime() - start) / 1e9;
		results.forEach((result) -> LoadHarness.check(result.join().status() == TaskStatus.DONE,
				"tool task not done: " + result.join()));
		long requests = sim.requests() - requestsBefore;
		java.util.Set<String> ids = new java.util.HashSet<>();
		submitted.forEach((handle) -> ids.add(handle.join().id()));
		Stats roundTrip = new Stats();
		sim.roundTripNanos(ids).forEach((nanos) -> roundTrip.add(nanos / 1e6));
		LoadHarness.check(roundTrip.count() == count, "expected " + count + " round trips, got " + roundTrip.count());
		return ScenarioResult.of(name, mode)
			.put("p50 ms", Stats.round(roundTrip.percentile(50)))
			.put("p90 ms", Stats.round(roundTrip.percentile(90)))
			.put("p99 ms", Stats.round(roundTrip.percentile(99)))
			.put("requests/task", Stats.round((double) requests / count))
			.put("requests/s", Stats.round(requests / wall));
	}

	/**
	 * d. open, goTo, evaluateJs, extract, runTask and close, with no latency in the
	 * simulator: the client's overhead per action.
	 */
	static ScenarioResult session(RemoteSimulator sim, SmoothOperations smooth, String mode) {
		int sessions = 20;
		Stats perAction = new Stats();
		long requestsBefore = sim.requests();
		for (int i = 0; i < sessions; i++) {
			long t = System.nanoTime();
			SmoothSession session = smooth.openSession();
			perAction.add((System.nanoTime() - t) / 1e6);
			t = System.nanoTime();
			session.goTo("https://example.com");
			perAction.add((System.nanoTime() - t) / 1e6);
			t = System.nanoTime();
			session.evaluateJs("document.title");
			perAction.add((System.nanoTime() - t) / 1e6);
			t = System.nanoTime();
			session.extract(Title.class, (o) -> o.prompt("the title"));
			perAction.add((System.nanoTime() - t) / 1e6);
			t = System.nanoTime();
			session.runTask(SessionTask.builder("click the first link").build());
			perAction.add((System.nanoTime() - t) / 1e6);
			t = System.nanoTime();
			session.close();
			perAction.add((System.nanoTime() - t) / 1e6);
		}
		long requests = sim.requests() - requestsBefore;
		return ScenarioResult.of("d. session x" + sessions + " (6 steps)", mode)
			.put("p50 ms/action", Stats.round(perAction.percentile(50)))
			.put("p90 ms/action", Stats.round(perAction.percentile(90)))
			.put("p99 ms/action", Stats.round(perAction.percentile(99)))
			.put("requests/action", Stats.round((double) requests / (sessions * 6)));
	}

	private static void pause(Duration duration) {
		// pacing the load generator itself, not synchronising a test
		java.util.concurrent.locks.LockSupport.parkNanos(duration.toNanos());
	}

	/**
	 * The extracted type.
	 *
	 * @param title the title
	 */
	record Title(String title) {
	}

}
