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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

import sh.smooth.spring.api.TaskEvent;
import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.error.SmoothNetworkException;
import sh.smooth.spring.error.SmoothRateLimitException;
import sh.smooth.spring.error.SmoothServerException;
import sh.smooth.spring.error.SmoothTimeoutException;

/**
 * The polling schedule of one task: when the next {@code GET /task/{id}?event_t=} goes
 * out, on the shared scheduler, and what the responses are handed to (a
 * {@link PollReceiver}). The cursor never skips an event, even two in one millisecond
 * with a poll answered between them (see {@link EventCursor}). At most one request is in
 * flight per task; between requests the task costs a timer, not a thread.
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
 * successful poll ends the run. When the tolerance is spent, or at once for any other
 * failure (404 for an unknown task, 401/403, other 4xx), polling stops and the receiver
 * gets that failure (the count and the backoff: {@link PollFailures}).
 */
public final class TaskPoller {

	private static final long HELD_NANOS = Duration.ofSeconds(1).toNanos();

	private final String taskId;

	private final PollingEngine engine;

	private final PollReceiver receiver;

	private final AtomicInteger activity = new AtomicInteger();

	private final AtomicInteger steady = new AtomicInteger();

	private final EventCursor cursor;

	private final PollSchedule schedule;

	/** When polling started: the task's age for its schedule. */
	private volatile long startedNanos;

	/** The previous response, to tell a status change. */
	private volatile @Nullable TaskResponse last;

	// scheduling state, guarded by "this"; the receiver is never called under it
	private boolean started;

	private boolean inFlight;

	private boolean wakeRequested;

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

	/** The failed polls in a row, guarded by "this". */
	private final PollFailures failures;

	/** When the request in flight was sent. */
	private volatile long pollSentNanos;

	/** When the poll before it was sent. */
	private volatile long previousPollSentNanos;

	/** Whether the request in flight may be held by a long-polling server. */
	private volatile boolean pollHoldable;

	TaskPoller(String taskId, PollingEngine engine, long eventT, @Nullable TaskResponse initial,
			PollReceiver receiver) {
		this.taskId = taskId;
		this.engine = engine;
		this.receiver = receiver;
		this.cursor = new EventCursor(eventT);
		this.last = initial;
		this.schedule = engine.newSchedule();
		this.failures = new PollFailures(taskId, engine.settings().failureTolerance());
	}

	/**
	 * The task id.
	 * @return the id
	 */
	public String taskId() {
		return this.taskId;
	}

	/**
	 * Makes this poller stop while idle (no activity) and restart on {@link #wakeUp()};
	 * for sessions.
	 */
	public synchronized void pauseWhenIdle() {
		this.pauseWhenIdle = true;
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
	 * Marks something as waiting on this task (a pending action, a waiter, attached tools
	 * of a session): polls at the active cadence, with priority under the rate cap, and
	 * does not pause. Pair with {@link #releaseActivity()}.
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
			if (!this.started || this.stopped || this.failures.failing()) {
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
			if (!cancelScheduledPoll()) {
				return;
			}
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
		// middle is the estimate; over a narrow one (the planned polls) now is, so the
		// estimate does not creep below the latency
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
			if (!this.started || this.stopped || this.failures.failing()) {
				// while polls fail, the failure backoff stands: the next poll is due
				// anyway
				return;
			}
			this.currentDelayMillis = 0;
			if (this.inFlight) {
				this.wakeRequested = true;
				return;
			}
			if (!cancelScheduledPoll()) {
				return;
			}
			schedule(0);
		}
	}

	/**
	 * Cancels the poll scheduled on the timer, so that the caller can schedule another.
	 * Call while holding this poller's lock.
	 * @return false when a poll is already queued to go out, which then stands
	 */
	private boolean cancelScheduledPoll() {
		if (this.queued) {
			return false;
		}
		if (this.pending != null) {
			this.pending.dispose();
			this.pending = null;
		}
		return true;
	}

	/**
	 * Stops polling; the receiver gets the reason. Used when the client shuts down.
	 * @param reason the error handed to the receiver
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
		this.engine.unregister(this);
		this.receiver.stopped(reason);
	}

	private boolean hasActivity() {
		return this.activity.get() > 0 || this.steady.get() > 0;
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
		this.engine.submitPoll(this::poll, hasActivity());
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
		TaskResponse previous = this.last;
		this.last = response;
		boolean statusChanged = previous == null || previous.status() != response.status();
		learnHolding(now - this.pollSentNanos, !events.isEmpty());
		// news, and the next poll goes out at once: new events, and, once the server is
		// known to hold polls, a status change, which ends a hold too. A response that
		// took long and brought nothing new may be a hold that ran out or a slow server:
		// in doubt, the usual backoff follows
		boolean news = !events.isEmpty() || (statusChanged && this.engine.holdsPolls());
		if (response.isTerminal()) {
			// out of the engine before anyone learns the task ended
			synchronized (this) {
				this.stopped = true;
				this.inFlight = false;
				this.inFlightCall = null;
				this.pending = null;
			}
			this.engine.unregister(this);
			this.receiver.received(response, events);
			return;
		}
		// the receiver may retain or release activity: it runs before the next delay is
		// chosen
		this.receiver.received(response, events);
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
			if (this.pauseWhenIdle && !hasActivity()) {
				// paused: the next wakeUp schedules a poll
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
		synchronized (this) {
			this.failures.recovered();
		}
	}

	private long nextDelay(long current) {
		// waiters retain activity (see ResponseWaiters): urgent covers them too
		PollSchedule.Demand demand = (this.activity.get() > 0) ? PollSchedule.Demand.URGENT
				: (this.steady.get() > 0) ? PollSchedule.Demand.STEADY : PollSchedule.Demand.IDLE;
		long ageMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - this.startedNanos);
		return this.schedule.nextDelayMillis(ageMillis, current, demand);
	}

	private void onError(Throwable error) {
		this.engine.recordPoll(PollOutcome.ERROR);
		synchronized (this) {
			this.inFlight = false;
			this.inFlightCall = null;
			if (this.stopped) {
				return;
			}
			long delayMillis = this.failures.failed(error, System.nanoTime());
			if (delayMillis != PollFailures.STOP) {
				this.currentDelayMillis = 0;
				schedule(delayMillis);
				return;
			}
			this.stopped = true;
		}
		this.engine.unregister(this);
		this.receiver.stopped(error);
	}

	@Override
	public String toString() {
		return "TaskPoller[" + this.taskId + "]";
	}

}
