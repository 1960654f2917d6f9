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

package sh.smooth.spring.polling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.api.TaskEvent;
import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.error.SmoothNetworkException;
import sh.smooth.spring.error.SmoothRateLimitException;
import sh.smooth.spring.error.SmoothServerException;
import sh.smooth.spring.error.SmoothTimeoutException;

/**
 * Polls one task with {@code GET /task/{id}?event_t=} on the shared scheduler, advancing
 * the event cursor and handing each event to its listeners once. The cursor never skips
 * an event, even two in one millisecond with a poll answered between them (see
 * {@link EventCursor}). At most one request is in flight per task; between requests the
 * task costs a timer, not a thread.
 * <p>
 * A plain task is polled from submit until it ends. A session may be marked
 * {@linkplain #pauseWhenIdle() pause-when-idle}: it stops polling while nothing is
 * pending and starts again on {@link #wakeUp()}.
 * <p>
 * A failed poll (after the HTTP retries of the API client) does not end polling at once
 * when the failure may pass: a network error, a timeout, an unreadable or malformed
 * response ({@link SmoothNetworkException}, {@link SmoothTimeoutException}), a 5xx
 * ({@link SmoothServerException}) or a 429 ({@link SmoothRateLimitException}). The task
 * is polled again after 1 s, 2 s, 4 s, 8 s, then every 16 s, for up to
 * {@link PollingSettings#failureTolerance()} counted from the first failure of the run; a
 * successful poll ends the run, and events (tool calls among them) are handled as usual
 * from then on. When the tolerance is spent, or at once for any other failure (404 for an
 * unknown task, 401/403, other 4xx), polling stops and every waiter and listener gets
 * that failure.
 */
public final class TaskPoller {

	private static final Log logger = LogFactory.getLog(TaskPoller.class);

	private static final long HELD_NANOS = Duration.ofSeconds(1).toNanos();

	private static final long FIRST_FAILURE_BACKOFF_MILLIS = 1_000;

	private static final long MAX_FAILURE_BACKOFF_MILLIS = 16_000;

	private final String taskId;

	private final PollingEngine engine;

	private final List<TaskEventListener> listeners = new CopyOnWriteArrayList<>();

	private final CompletableFuture<TaskResponse> completion = new CompletableFuture<>();

	/**
	 * Who waits for a response to meet a condition. Registered, checked and drained under
	 * waiterLock, so a waiter is either checked against a response or registered before
	 * it is handled, never neither; read without the lock only to tell whether any wait.
	 */
	private final List<ResponseWaiter> waiters = new CopyOnWriteArrayList<>();

	private final Object waiterLock = new Object();

	/** The final response, once waiters were told; guarded by waiterLock. */
	private @Nullable TaskResponse endResponse;

	/** Why polling stopped, once waiters were told; guarded by waiterLock. */
	private @Nullable Throwable endFailure;

	private final AtomicInteger activity = new AtomicInteger();

	private final AtomicInteger steady = new AtomicInteger();

	private volatile @Nullable TaskResponse latest;

	private final EventCursor cursor;

	private final PollSchedule schedule;

	/** When polling started: the task's age for its schedule. */
	private volatile long startedNanos;

	// scheduling state, guarded by "this"
	private boolean started;

	private boolean inFlight;

	private boolean wakeRequested;

	private boolean paused;

	private boolean stopped;

	private boolean pauseWhenIdle;

	private boolean queued;

	private long currentDelayMillis;

	private @Nullable Disposable pending;

	private @Nullable Disposable inFlightCall;

	private long generation;

	/** When an expected result is planned to be polled for, 0 for no plan. */
	private long plannedNanos;

	/** The backoff step after the planned poll. */
	private long plannedStepMillis;

	/** Polls failed in a row; 0 while polling works. */
	private int failedPolls;

	/** When the first of the failed polls in a row failed. */
	private long failingSinceNanos;

	/** When the request in flight was sent. */
	private volatile long pollSentNanos;

	/** When the poll before it was sent. */
	private volatile long previousPollSentNanos;

	/** Whether the request in flight may be held by a long-polling server. */
	private volatile boolean pollHoldable;

	TaskPoller(String taskId, PollingEngine engine, long eventT, @Nullable TaskResponse initial) {
		this.taskId = taskId;
		this.engine = engine;
		this.cursor = new EventCursor(eventT);
		this.latest = initial;
		this.schedule = engine.newSchedule();
	}

	/**
	 * The task id.
	 * @return the id
	 */
	public String taskId() {
		return this.taskId;
	}

	/**
	 * The API client, for listeners that answer events.
	 * @return the client
	 */
	public SmoothApiClient api() {
		return this.engine.api();
	}

	/**
	 * The shared scheduler, for timers of features built on this task.
	 * @return the scheduler
	 */
	public reactor.core.scheduler.Scheduler scheduler() {
		return this.engine.scheduler();
	}

	/**
	 * The latest response seen (from the submit or a poll).
	 * @return the response, or {@code null} before the first one
	 */
	public @Nullable TaskResponse latest() {
		return this.latest;
	}

	/**
	 * Completes with the final response, or exceptionally when polling fails. Dependent
	 * stages run on the polling scheduler unless an async variant is used.
	 * @return the completion
	 */
	public CompletableFuture<TaskResponse> completion() {
		return this.completion;
	}

	/**
	 * Whether the task has ended or polling has stopped.
	 * @return whether polling is over
	 */
	public boolean isDone() {
		return this.completion.isDone();
	}

	/**
	 * Adds a listener. Add listeners before {@link #start()} to see every event.
	 * @param listener the listener
	 */
	public void addListener(TaskEventListener listener) {
		this.listeners.add(listener);
	}

	/**
	 * Makes this poller stop while idle (no activity, no waiters) and restart on
	 * {@link #wakeUp()}; for sessions.
	 * @return this poller
	 */
	public synchronized TaskPoller pauseWhenIdle() {
		this.pauseWhenIdle = true;
		return this;
	}

	/**
	 * Starts polling now. Idempotent.
	 */
	public void start() {
		synchronized (this) {
			if (this.started || this.stopped) {
				return;
			}
			this.started = true;
			this.startedNanos = System.nanoTime();
			schedule(0);
		}
	}

	/**
	 * Marks something as waiting on this task (a pending action, attached tools): polls
	 * at the active cadence and does not pause. Pair with {@link #releaseActivity()}.
	 */
	public void retainActivity() {
		this.activity.incrementAndGet();
		wakeUp();
	}

	/**
	 * Like {@link #retainActivity()}, without a poll at once: for an action whose request
	 * is still to be sent, after which {@link #expectResult(String)} or {@link #wakeUp()}
	 * polls.
	 */
	public void retainActivityQuietly() {
		this.activity.incrementAndGet();
	}

	/**
	 * Ends one {@link #retainActivity()}.
	 */
	public void releaseActivity() {
		this.activity.updateAndGet((n) -> Math.max(0, n - 1));
	}

	/**
	 * Keeps the task polled at its steady {@code maxInterval} ± 10% (no pause) until
	 * released: for custom tools, whose calls may come at any time and should be seen
	 * within that interval, at a bounded cost of requests per second. Pair with
	 * {@link #releaseSteadyPolling()}.
	 */
	public void retainSteadyPolling() {
		this.steady.incrementAndGet();
		wakeUp();
	}

	/**
	 * Ends one {@link #retainSteadyPolling()}.
	 */
	public void releaseSteadyPolling() {
		this.steady.updateAndGet((n) -> Math.max(0, n - 1));
	}

	/**
	 * Polls for the result of a request the server has just accepted (a session action):
	 * first when results of its kind came on this client before (see
	 * {@link ResultTiming}), then at the shortest wait seen and with waits growing from
	 * there by {@code backoffFactor}; at once, like {@link #wakeUp()}, for a kind not
	 * seen yet or while other results are awaited too. Pair with
	 * {@link #resultSeen(String, long)}.
	 * @param kind the kind of request, such as the action name
	 */
	public void expectResult(String kind) {
		long first = this.engine.resultTiming().firstPollMillis(kind);
		if (first <= 0 || this.activity.get() > 1) {
			wakeUp();
			return;
		}
		synchronized (this) {
			if (!this.started || this.stopped || this.failedPolls > 0) {
				return;
			}
			// the next poll at the shortest wait seen, then the backoff from there
			long step = Math.max(5, Math.min(this.engine.settings().firstDelay().toMillis(), first / 9));
			if (this.inFlight) {
				// planned for when the response in flight is handled
				this.plannedNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(first);
				this.plannedStepMillis = step;
				return;
			}
			if (this.queued) {
				return;
			}
			if (this.pending != null) {
				this.pending.dispose();
				this.pending = null;
			}
			this.paused = false;
			this.currentDelayMillis = Math.max(1, (long) (step / this.engine.settings().backoffFactor()));
			schedule(first);
		}
	}

	/**
	 * Notes that the result of a request of this kind came in the poll being handled, so
	 * the next one of its kind is polled for when it is due. Call while handling that
	 * poll's response: the result is taken to have come halfway between the poll before
	 * and now when that gap is over a fifth of the wait, else (or when no poll went out
	 * since the request was accepted) now.
	 * @param kind the kind, as given to {@link #expectResult(String)}
	 * @param acceptedNanos {@link System#nanoTime()} when the server accepted the request
	 */
	public void resultSeen(String kind, long acceptedNanos) {
		// the result came between the poll before this one (sent after the request was
		// accepted, answered without it) and now. Over a wide gap (a backoff's) the
		// middle
		// is the estimate; over a narrow one (the planned polls) now is, so the estimate
		// does not creep below the latency
		long seen = System.nanoTime();
		long before = this.previousPollSentNanos;
		boolean wide = before - acceptedNanos > 0 && (seen - before) * 5 > (seen - acceptedNanos);
		long estimate = wide ? before + (seen - before) / 2 : seen;
		this.engine.resultTiming().record(kind, TimeUnit.NANOSECONDS.toMillis(estimate - acceptedNanos));
	}

	/**
	 * Polls again as soon as possible and restarts the backoff from the first delay. Call
	 * after sending an action, so its result is seen quickly.
	 */
	public void wakeUp() {
		synchronized (this) {
			if (!this.started || this.stopped || this.failedPolls > 0) {
				// while polls fail, the failure backoff stands: the next poll is due
				// anyway
				return;
			}
			this.currentDelayMillis = 0;
			if (this.inFlight) {
				this.wakeRequested = true;
				return;
			}
			if (this.queued) {
				return;
			}
			if (this.pending != null) {
				this.pending.dispose();
				this.pending = null;
			}
			this.paused = false;
			schedule(0);
		}
	}

	/**
	 * Completes when a response matches the condition. Fails when the task ends without a
	 * match, or polling fails. The future has no bound of its own: cancel it when giving
	 * up, so the waiter is removed (see
	 * {@link #awaitResponse(Predicate, String, Duration)}).
	 * @param condition the condition; it runs on the caller's thread and on the polling
	 * scheduler, so it must be quick and must not block
	 * @param description what is waited for, for the error message
	 * @return the future
	 */
	public CompletableFuture<TaskResponse> awaitResponse(Predicate<TaskResponse> condition, String description) {
		return awaitResponse(condition, description, null);
	}

	/**
	 * Completes when a response matches the condition, failing with a
	 * {@link SmoothTimeoutException} when none did within the timeout. Checking the
	 * latest response and registering the waiter is one step with respect to response
	 * handling: a response that meets the condition is never missed, and a waiter is
	 * never failed with a status older than the final one. A waiter that times out or is
	 * cancelled is removed at once, so it no longer makes the task count as active.
	 * @param condition the condition; it runs on the caller's thread and on the polling
	 * scheduler, so it must be quick and must not block
	 * @param description what is waited for, for messages
	 * @param timeout the bound, or {@code null} for none
	 * @return the future
	 */
	public CompletableFuture<TaskResponse> awaitResponse(Predicate<TaskResponse> condition, String description,
			@Nullable Duration timeout) {
		ResponseWaiter waiter = new ResponseWaiter(condition, description);
		Runnable outcome = null;
		synchronized (this.waiterLock) {
			TaskResponse current = this.latest;
			if (current != null && waiter.test(current)) {
				outcome = () -> waiter.future.complete(current);
			}
			else if (waiter.future.isDone()) {
				// the condition threw
				return waiter.future;
			}
			else if (this.endFailure != null) {
				Throwable failure = this.endFailure;
				outcome = () -> waiter.future.completeExceptionally(failure);
			}
			else if (this.endResponse != null) {
				TaskResponse end = this.endResponse;
				outcome = () -> failWaiter(waiter, end);
			}
			else {
				this.waiters.add(waiter);
			}
		}
		if (outcome != null) {
			outcome.run();
			return waiter.future;
		}
		waiter.future.whenComplete((r, ex) -> {
			synchronized (this.waiterLock) {
				this.waiters.remove(waiter);
			}
		});
		if (timeout != null) {
			SmoothTimeoutException timedOut = new SmoothTimeoutException("Timed out after " + timeout + " waiting for "
					+ description + " of Smooth task " + this.taskId + "; the task keeps running", this.taskId,
					timeout);
			try {
				Disposable timer = this.engine.scheduler()
					.schedule(() -> waiter.future.completeExceptionally(timedOut), timeout.toNanos(),
							TimeUnit.NANOSECONDS);
				waiter.future.whenComplete((r, ex) -> timer.dispose());
			}
			catch (RuntimeException ex) {
				// the scheduler is gone: the client is shutting down
				waiter.future
					.completeExceptionally(new SmoothException("The Smooth client was shut down while waiting", ex));
				return waiter.future;
			}
		}
		wakeUp();
		return waiter.future;
	}

	/**
	 * Stops polling and fails every waiter; used when the client shuts down.
	 * @param reason the error handed to waiters and listeners
	 */
	public void stop(SmoothException reason) {
		Disposable timer;
		Disposable call;
		synchronized (this) {
			if (this.stopped) {
				return;
			}
			this.stopped = true;
			timer = this.pending;
			call = this.inFlightCall;
			this.pending = null;
			this.inFlightCall = null;
		}
		if (timer != null) {
			timer.dispose();
		}
		if (call != null) {
			call.dispose();
		}
		fail(reason);
	}

	private void schedule(long delayMillis) {
		// caller holds the lock
		this.pending = (delayMillis <= 0) ? this.engine.scheduler().schedule(this::pollThroughGate)
				: this.engine.scheduler().schedule(this::pollThroughGate, delayMillis, TimeUnit.MILLISECONDS);
	}

	private void pollThroughGate() {
		synchronized (this) {
			if (this.queued || this.stopped) {
				return;
			}
			// waiting for a permit of the rate cap: a wake-up must not queue a second
			// poll
			this.queued = true;
		}
		this.engine.submitPoll(this::poll, this.activity.get() > 0 || this.steady.get() > 0 || !this.waiters.isEmpty());
	}

	private void poll() {
		long cursor;
		long myGeneration;
		synchronized (this) {
			this.queued = false;
			if (this.stopped || this.inFlight) {
				return;
			}
			this.pending = null;
			this.inFlight = true;
			this.wakeRequested = false;
			myGeneration = ++this.generation;
			cursor = this.cursor.next();
			this.pollHoldable = this.cursor.caughtUp();
		}
		this.previousPollSentNanos = this.pollSentNanos;
		this.pollSentNanos = System.nanoTime();
		// not subscribe(onResponse, onError): stop() disposes this call from another
		// thread, and Reactor would log an error that races it at ERROR (see PollCall)
		Disposable call = PollCall.subscribe(
				this.engine.api().getTask(this.taskId, cursor).publishOn(this.engine.scheduler()), this::onResponse,
				this::onError);
		synchronized (this) {
			// the response may already have been handled on another worker
			if (this.inFlight && this.generation == myGeneration && !this.stopped) {
				this.inFlightCall = call;
			}
		}
	}

	private void onResponse(TaskResponse response) {
		long now = System.nanoTime();
		EventCursor.Taken taken = this.cursor.take(response.eventList(), this.pollSentNanos, now);
		List<TaskEvent> events = taken.fresh();
		this.engine.recordPoll(response.isTerminal() ? PollOutcome.TERMINAL
				: events.isEmpty() ? PollOutcome.NO_EVENTS : PollOutcome.EVENTS);
		recovered();
		TaskResponse previous = this.latest;
		this.latest = response;
		boolean statusChanged = previous == null || previous.status() != response.status();
		learnHolding(now - this.pollSentNanos, !events.isEmpty());
		// news, and the next poll goes out at once: new events, and, once the server is
		// known to hold polls, a status change, which ends a hold too. A response that
		// took long and brought nothing new may be a hold that ran out or a slow server:
		// in doubt, the usual backoff follows
		boolean news = !events.isEmpty() || (statusChanged && this.engine.holdsPolls());
		if (!events.isEmpty()) {
			for (TaskEventListener listener : this.listeners) {
				safely(() -> listener.onEvents(this, events));
			}
		}
		for (TaskEventListener listener : this.listeners) {
			safely(() -> listener.onResponse(this, response));
		}
		offerToWaiters(response);
		if (response.isTerminal()) {
			finish(response);
			return;
		}
		synchronized (this) {
			this.inFlight = false;
			this.inFlightCall = null;
			if (this.stopped) {
				return;
			}
			if (this.plannedNanos != 0 && !news && !this.wakeRequested) {
				// an expected result planned while this poll was in flight
				long delayMillis = Math.max(0, TimeUnit.NANOSECONDS.toMillis(this.plannedNanos - System.nanoTime()));
				this.plannedNanos = 0;
				this.currentDelayMillis = Math.max(1,
						(long) (this.plannedStepMillis / this.engine.settings().backoffFactor()));
				schedule(delayMillis);
				return;
			}
			if (news || this.wakeRequested) {
				this.currentDelayMillis = 0;
				// "at once", but late enough for the poll to settle the newest
				// millisecond: one request fewer
				schedule(TimeUnit.NANOSECONDS.toMillis(this.cursor.settleDelayNanos(System.nanoTime()) + 999_999));
				return;
			}
			if (this.pauseWhenIdle && this.activity.get() == 0 && this.steady.get() == 0 && this.waiters.isEmpty()) {
				this.paused = true;
				return;
			}
			if (taken.caughtUp() && this.engine.holdsPolls()) {
				// the re-read that settled the millisecond of new events: the next poll
				// asks for what comes after them, and a long-polling server holds it (a
				// server that does not would answer it at once: a request for nothing)
				this.currentDelayMillis = 0;
				schedule(0);
				return;
			}
			this.currentDelayMillis = nextDelay(this.currentDelayMillis);
			schedule(this.currentDelayMillis);
		}
	}

	/**
	 * Tells a held poll from a slow one. A poll that asked only for new events, took over
	 * a second and ended with new events was held until they came: the server long-polls.
	 * A poll the server could not hold (a re-read whose events were already there) that
	 * took over a second shows a slow server: it does not.
	 */
	private void learnHolding(long tookNanos, boolean newEvents) {
		if (tookNanos < HELD_NANOS) {
			return;
		}
		if (this.pollHoldable && newEvents) {
			this.engine.serverHoldsPolls(true);
		}
		else if (!this.pollHoldable) {
			this.engine.serverHoldsPolls(false);
		}
	}

	private void recovered() {
		int failed;
		synchronized (this) {
			failed = this.failedPolls;
			this.failedPolls = 0;
		}
		if (failed > 0 && logger.isInfoEnabled()) {
			logger.info("Polling of Smooth task " + this.taskId + " works again after " + failed + " failed polls");
		}
	}

	private long nextDelay(long current) {
		PollSchedule.Demand demand = (this.activity.get() > 0 || !this.waiters.isEmpty()) ? PollSchedule.Demand.URGENT
				: (this.steady.get() > 0) ? PollSchedule.Demand.STEADY : PollSchedule.Demand.IDLE;
		long ageMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - this.startedNanos);
		return this.schedule.nextDelayMillis(ageMillis, current, demand);
	}

	private void onError(Throwable error) {
		this.engine.recordPoll(PollOutcome.ERROR);
		long delayMillis;
		int failures;
		synchronized (this) {
			this.inFlight = false;
			this.inFlightCall = null;
			if (this.stopped) {
				return;
			}
			long now = System.nanoTime();
			if (this.failedPolls == 0) {
				this.failingSinceNanos = now;
			}
			this.failedPolls++;
			failures = this.failedPolls;
			long leftMillis = TimeUnit.NANOSECONDS
				.toMillis(this.engine.settings().failureTolerance().toNanos() - (now - this.failingSinceNanos));
			if (!mayPass(error) || leftMillis <= 0) {
				this.stopped = true;
				delayMillis = -1;
			}
			else {
				long backoff = Math.min(MAX_FAILURE_BACKOFF_MILLIS,
						FIRST_FAILURE_BACKOFF_MILLIS << Math.min(4, failures - 1));
				delayMillis = Math.min(backoff, leftMillis);
				this.currentDelayMillis = 0;
				schedule(delayMillis);
			}
		}
		if (delayMillis < 0) {
			if (logger.isDebugEnabled()) {
				logger.debug("Polling of Smooth task " + this.taskId + " failed: " + error);
			}
			fail(error);
			return;
		}
		if (failures == 1 && logger.isInfoEnabled()) {
			logger.info("Polling of Smooth task " + this.taskId + " failed (" + error.getMessage()
					+ "); polling again for up to " + this.engine.settings().failureTolerance()
					+ " before its waiters fail");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Polling of Smooth task " + this.taskId + " failed again (" + error + "); next poll in "
					+ delayMillis + " ms");
		}
	}

	/**
	 * Whether a failed poll may work next time: a network error, a timeout, an unreadable
	 * response, a 5xx or a 429. A 404 (unknown task), 401/403 and other 4xx will not.
	 */
	private static boolean mayPass(Throwable error) {
		return error instanceof SmoothNetworkException || error instanceof SmoothTimeoutException
				|| error instanceof SmoothServerException || error instanceof SmoothRateLimitException;
	}

	private void finish(TaskResponse response) {
		synchronized (this) {
			this.stopped = true;
			this.inFlight = false;
			this.inFlightCall = null;
			this.pending = null;
		}
		this.engine.unregister(this);
		this.completion.complete(response);
		for (TaskEventListener listener : this.listeners) {
			safely(() -> listener.onTerminal(this, response));
		}
	}

	private void fail(Throwable error) {
		this.engine.unregister(this);
		this.completion.completeExceptionally(error);
		for (TaskEventListener listener : this.listeners) {
			safely(() -> listener.onFailure(this, error));
		}
		List<ResponseWaiter> left;
		synchronized (this.waiterLock) {
			this.endFailure = error;
			left = drainWaiters();
		}
		left.forEach((waiter) -> waiter.future.completeExceptionally(error));
	}

	/**
	 * Completes the waiters this response meets; when it is final, fails the others with
	 * its status. One step under the waiter lock, so no waiter registers in between.
	 */
	private void offerToWaiters(TaskResponse response) {
		List<ResponseWaiter> met = new ArrayList<>();
		List<ResponseWaiter> unmet = List.of();
		synchronized (this.waiterLock) {
			for (ResponseWaiter waiter : this.waiters) {
				if (waiter.test(response)) {
					met.add(waiter);
				}
			}
			this.waiters.removeAll(met);
			if (response.isTerminal()) {
				this.endResponse = response;
				unmet = drainWaiters();
			}
		}
		met.forEach((waiter) -> waiter.future.complete(response));
		unmet.forEach((waiter) -> failWaiter(waiter, response));
	}

	private List<ResponseWaiter> drainWaiters() {
		// caller holds the waiter lock
		List<ResponseWaiter> all = new ArrayList<>(this.waiters);
		this.waiters.clear();
		return all;
	}

	private void failWaiter(ResponseWaiter waiter, TaskResponse response) {
		waiter.future.completeExceptionally(new SmoothException("Smooth task " + this.taskId + " ended with status "
				+ response.status().value() + " before " + waiter.description));
	}

	private void safely(Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			// one faulty listener must not stop the poller or starve the others
			logger.warn("A Smooth event listener failed for task " + this.taskId, ex);
		}
	}

	@Override
	public String toString() {
		return "TaskPoller[" + this.taskId + "]";
	}

	private static final class ResponseWaiter {

		final Predicate<TaskResponse> condition;

		final String description;

		final CompletableFuture<TaskResponse> future = new CompletableFuture<>();

		ResponseWaiter(Predicate<TaskResponse> condition, String description) {
			this.condition = condition;
			this.description = description;
		}

		/**
		 * Whether the response meets the condition; a condition that throws fails the
		 * waiter instead of the poller.
		 */
		boolean test(TaskResponse response) {
			try {
				return this.condition.test(response);
			}
			catch (RuntimeException ex) {
				this.future.completeExceptionally(ex);
				return false;
			}
		}

	}

}
