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

package sh.smooth.spring.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import io.netty.util.concurrent.EventExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import reactor.netty.http.HttpResources;
import reactor.netty.resources.LoopResources;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import sh.smooth.spring.support.ExpectedLog;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.SmoothTemplate;
import sh.smooth.spring.SmoothWebClientCustomizer;
import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.polling.PollingEngine;
import sh.smooth.spring.browser.BrowserOptions;
import sh.smooth.spring.session.SmoothSession;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.test.RecordedRequest;
import sh.smooth.spring.test.Route;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;
import sh.smooth.spring.test.SimulatedTaskStatus;
import sh.smooth.spring.tool.SmoothTool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The application context closes while 100 tasks and 20 sessions are in flight, with
 * threads blocked in {@code await} and in session actions: every session is closed on the
 * server, every waiter fails at once with a {@link SmoothException}, no client thread
 * survives, and the shutdown takes a bounded time.
 */
@ExtendWith(SmoothSimulatorExtension.class)
// the reason in the message is whichever comes first: the tool executor's shutdown or
// the stop of the task's poller
@ExpectedLog(logger = "sh.smooth.spring.tool.ToolCallRun", message = "Cancelled Smooth tool 'waitForever'",
		why = "a tenth of the tasks are inside a tool that blocks until the shutdown interrupts it")
class ShutdownFaultTest {

	private static final int TASKS = 100;

	private static final int SESSIONS = 20;

	private static final int BLOCKED_TASK_WAITERS = 5;

	private static final int BLOCKED_ACTION_WAITERS = 5;

	/**
	 * The session registry's own limit on waiting for the closes: a shutdown that took it
	 * would mean a close hung. An undisturbed one takes well under a second.
	 */
	private static final Duration SHUTDOWN_BOUND = Duration.ofSeconds(10);

	@Test
	void closingTheContextClosesSessionsFailsWaitersAndLeavesNoThread(SmoothSimulator sim) throws Exception {
		// nothing ends on its own during the test; a tenth of the tasks are inside a
		// tool that blocks until it is interrupted
		sim.onTask(TaskMatcher.any()).doneAfter(Duration.ofMinutes(5));
		sim.onTask(TaskMatcher.textContains("blocked")).toolCall("waitForever", Map.of());
		sim.onSessionAction("evaluate_js").latency(Duration.ofMinutes(5));
		Set<Thread> before = SimulatorRig.nonDaemonThreads();
		List<Thread> waiters = new ArrayList<>();
		ConcurrentLinkedQueue<Throwable> waiterErrors = new ConcurrentLinkedQueue<>();
		List<CompletableFuture<TaskResult>> results = new ArrayList<>();
		List<String> sessionIds = new ArrayList<>();
		SimulatorRig.runner()
			.withUserConfiguration(BlockingTools.class)
			.withPropertyValues(SimulatorRig.properties(sim, "smooth.tools.executor.threads=16"))
			.run((context) -> {
				SmoothTemplate smooth = context.getBean(SmoothTemplate.class);
				PollingEngine engine = context.getBean(PollingEngine.class);
				List<CompletableFuture<TaskHandle>> submits = new ArrayList<>();
				for (int i = 0; i < TASKS; i++) {
					String text = (i % 10 == 0) ? "Long blocked task " : "Long task ";
					submits.add(smooth.submitAsync(SmoothTask.builder(text + i).build()));
				}
				List<CompletableFuture<SmoothSession>> opens = new ArrayList<>();
				for (int i = 0; i < SESSIONS; i++) {
					opens.add(smooth.openSessionAsync(BrowserOptions.defaults()));
				}
				List<TaskHandle> handles = new ArrayList<>();
				for (CompletableFuture<TaskHandle> submit : submits) {
					handles.add(submit.get(30, TimeUnit.SECONDS));
				}
				List<SmoothSession> sessions = new ArrayList<>();
				for (CompletableFuture<SmoothSession> open : opens) {
					sessions.add(open.get(30, TimeUnit.SECONDS));
				}
				sessions.forEach((session) -> sessionIds.add(session.id()));
				handles.forEach((handle) -> results.add(handle.toFuture()));
				for (int i = 0; i < BLOCKED_TASK_WAITERS; i++) {
					TaskHandle handle = handles.get(i);
					waiters.add(waiter("task-waiter-" + i, () -> handle.await(Duration.ofMinutes(2)), waiterErrors));
				}
				for (int i = 0; i < BLOCKED_ACTION_WAITERS; i++) {
					SmoothSession session = sessions.get(i);
					waiters.add(waiter("action-waiter-" + i, () -> session.evaluateJs("document.title"), waiterErrors));
				}
				// every action reached the server and every waiter is blocked
				await().pollInSameThread()
					.atMost(Duration.ofSeconds(10))
					.until(() -> sim.requests(Route.SEND_EVENT).size() == BLOCKED_ACTION_WAITERS
							&& context.getBean(BlockingTools.Tools.class).running.get() == TASKS / 10
							&& waiters.stream().allMatch((t) -> t.getState() != Thread.State.RUNNABLE));
				assertThat(engine.livePollers()).hasSize(TASKS + SESSIONS);
				assertThat(results).noneMatch(CompletableFuture::isDone);

				long start = System.nanoTime();
				context.close();
				Duration shutdown = Duration.ofNanos(System.nanoTime() - start);

				assertThat(shutdown).isLessThan(SHUTDOWN_BOUND);
				assertThat(engine.livePollers()).isEmpty();
				// the futures failed during the close, not later
				assertThat(results).allMatch(CompletableFuture::isCompletedExceptionally);
			});

		// every blocked caller is released at once with a Smooth error: their futures
		// failed before close() returned (asserted above); the join only waits for the
		// threads to run to their end, which a loaded machine may delay
		for (Thread waiter : waiters) {
			waiter.join(Duration.ofSeconds(10).toMillis());
			assertThat(waiter.isAlive()).as(waiter.getName()).isFalse();
		}
		assertThat(waiterErrors).hasSize(BLOCKED_TASK_WAITERS + BLOCKED_ACTION_WAITERS)
			.allSatisfy((error) -> assertThat(error).isInstanceOf(SmoothException.class));
		// the interrupted tools were not answered: an error answer would fail their
		// tasks on the server, and use up calls another instance could still answer
		assertThat(sim.requests(Route.SEND_EVENT))
			.noneMatch((request) -> "tool_call".equals(request.body().path("name").asString()));
		assertThat(sim.toolRoundTrips()).hasSize(TASKS / 10)
			.allSatisfy((trip) -> assertThat(sim.taskStatus(trip.taskId())).isEqualTo(SimulatedTaskStatus.RUNNING));
		// the server saw a DELETE for every session
		Set<String> deleted = sim.requests(Route.CANCEL_TASK)
			.stream()
			.map(RecordedRequest::path)
			.map((path) -> path.substring(path.lastIndexOf('/') + 1))
			.collect(Collectors.toSet());
		assertThat(deleted).containsAll(sessionIds);
		sessionIds.forEach((id) -> assertThat(sim.taskStatus(id).isTerminal()).as(id).isTrue());
		await().pollInSameThread().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(SimulatorRig.clientThreads()).isEmpty();
			Set<Thread> after = SimulatorRig.nonDaemonThreads();
			after.removeAll(before);
			after.removeAll(waiters);
			assertThat(after).isEmpty();
		});
	}

	@Test
	void aShutdownWhileAPollsResponseIsDeliveredLogsNoError(SmoothSimulator sim) throws Exception {
		// The worst moment to stop a poll: its response has arrived and is on its way
		// to the poller, on the Netty event loop. A shutdown meets it now and then; here
		// a filter closes the engine from inside that delivery, every time. A cancel in
		// that window made Spring's connector fail the body read ("released already due
		// to cancellation"), which Reactor logged as an ERROR (onErrorDropped).
		sim.onTask(TaskMatcher.any()).doneAfter(Duration.ofMinutes(5));
		AtomicReference<PollingEngine> engine = new AtomicReference<>();
		AtomicInteger closedDuringDelivery = new AtomicInteger();
		SmoothWebClientCustomizer closeDuringDelivery = (builder) -> builder
			.filter((request, next) -> next.exchange(request).doOnNext((response) -> {
				PollingEngine polling = engine.get();
				if (polling != null && request.method() == HttpMethod.GET && !polling.isClosed()) {
					polling.close();
					closedDuringDelivery.incrementAndGet();
				}
			}));
		ListAppender<ILoggingEvent> errors = new ListAppender<>();
		errors.addFilter(new ThresholdErrors());
		errors.start();
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.addAppender(errors);
		try {
			SimulatorRig.runner()
				.withBean(SmoothWebClientCustomizer.class, () -> closeDuringDelivery)
				.withPropertyValues(SimulatorRig.properties(sim))
				.run((context) -> {
					TaskHandle handle = context.getBean(SmoothTemplate.class).submit("Long task");
					engine.set(context.getBean(PollingEngine.class));
					assertThat(catchThrowable(() -> handle.await(Duration.ofSeconds(30))))
						.isInstanceOf(SmoothException.class)
						.hasMessageContaining("shut down");
				});
			// let every client event loop finish what it was doing, the delivery
			// included, before looking at the log
			for (EventExecutor loop : HttpResources.get().onClient(LoopResources.DEFAULT_NATIVE)) {
				loop.submit(() -> {
				}).get(10, TimeUnit.SECONDS);
			}
			assertThat(closedDuringDelivery).hasValue(1);
			assertThat(errors.list).extracting(ILoggingEvent::getFormattedMessage).isEmpty();
		}
		finally {
			root.detachAppender(errors);
		}
	}

	/**
	 * Lets only ERROR events through.
	 */
	static final class ThresholdErrors extends Filter<ILoggingEvent> {

		@Override
		public FilterReply decide(ILoggingEvent event) {
			return event.getLevel().isGreaterOrEqual(Level.ERROR) ? FilterReply.NEUTRAL : FilterReply.DENY;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BlockingTools {

		@Bean
		Tools blockingTools() {
			return new Tools();
		}

		static class Tools {

			final AtomicInteger running = new AtomicInteger();

			@SmoothTool(description = "Waits until interrupted")
			public String waitForever() throws InterruptedException {
				this.running.incrementAndGet();
				new CountDownLatch(1).await();
				return "never";
			}

		}

	}

	private static Thread waiter(String name, Runnable wait, ConcurrentLinkedQueue<Throwable> errors) {
		Thread thread = new Thread(() -> {
			try {
				wait.run();
				errors.add(new AssertionError(name + " returned instead of failing"));
			}
			catch (Throwable ex) {
				errors.add(ex);
			}
		}, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

}
