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

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;

import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.error.SmoothException;

/**
 * Creates and tracks the {@link TaskPoller}s of one client. All of them share one
 * scheduler, so a thousand tasks in flight cost a thousand timers, not a thousand
 * threads.
 */
public final class PollingEngine implements AutoCloseable {

	private final SmoothApiClient api;

	private final PollingSettings settings;

	private final Scheduler scheduler;

	private final Set<TaskPoller> live = ConcurrentHashMap.newKeySet();

	private final PollRecorder pollRecorder;

	private final boolean ownsScheduler;

	private final @Nullable PollGate gate;

	private volatile boolean closed;

	private volatile boolean holdsPolls;

	/** Where each task's phase and jitter come from; split per task, under this lock. */
	private final SplittableRandom randomness = new SplittableRandom();

	private final ResultTiming resultTiming = new ResultTiming();

	/**
	 * Creates an engine.
	 * @param api the API client
	 * @param settings the cadence
	 * @param scheduler the shared scheduler for timers and response handling
	 * @param pollRecorder counts poll requests
	 */
	public PollingEngine(SmoothApiClient api, PollingSettings settings, Scheduler scheduler,
			PollRecorder pollRecorder) {
		this(api, settings, scheduler, pollRecorder, false);
	}

	/**
	 * Creates an engine.
	 * @param api the API client
	 * @param settings the cadence
	 * @param scheduler the shared scheduler for timers and response handling
	 * @param pollRecorder counts poll requests
	 * @param ownsScheduler whether {@link #close()} disposes the scheduler
	 */
	public PollingEngine(SmoothApiClient api, PollingSettings settings, Scheduler scheduler, PollRecorder pollRecorder,
			boolean ownsScheduler) {
		this.api = api;
		this.pollRecorder = pollRecorder;
		this.settings = settings;
		this.scheduler = scheduler;
		this.ownsScheduler = ownsScheduler;
		this.gate = (settings.maxRequestsPerSecond() > 0) ? new PollGate(settings.maxRequestsPerSecond(), scheduler)
				: null;
	}

	/**
	 * Creates a poller, not yet started: {@link TaskPoller#start()} sends the first poll.
	 * @param taskId the task
	 * @param eventT the event cursor to start from (0 for every event)
	 * @param initial the response already known (from the submit), or {@code null}
	 * @param receiver what the responses are handed to
	 * @return the poller
	 */
	public TaskPoller create(String taskId, long eventT, @Nullable TaskResponse initial, PollReceiver receiver) {
		if (this.closed) {
			throw new SmoothException("The Smooth client is shut down");
		}
		TaskPoller poller = new TaskPoller(taskId, this, eventT, initial, receiver);
		this.live.add(poller);
		return poller;
	}

	/**
	 * The cadence.
	 * @return the settings
	 */
	public PollingSettings settings() {
		return this.settings;
	}

	/**
	 * The pollers still running.
	 * @return a snapshot
	 */
	public List<TaskPoller> livePollers() {
		return new ArrayList<>(this.live);
	}

	/**
	 * The schedule of a new task, with a phase and jitter of its own.
	 * @return the schedule
	 */
	PollSchedule newSchedule() {
		SplittableRandom random;
		synchronized (this.randomness) {
			random = this.randomness.split();
		}
		return new PollSchedule(this.settings, random);
	}

	/**
	 * How long results of each kind took on this client.
	 * @return the timings
	 */
	ResultTiming resultTiming() {
		return this.resultTiming;
	}

	SmoothApiClient api() {
		return this.api;
	}

	/**
	 * The shared scheduler.
	 * @return the scheduler
	 */
	public Scheduler scheduler() {
		return this.scheduler;
	}

	/**
	 * Runs a poll, through the shared rate cap when one is configured.
	 * @param poll the poll
	 * @param priority whether the task has a pending action or tool call
	 */
	void submitPoll(Runnable poll, boolean priority) {
		if (this.gate == null) {
			poll.run();
		}
		else {
			this.gate.submit(poll, priority);
		}
	}

	/**
	 * How many polls wait for the rate cap.
	 * @return the number, 0 without a cap
	 */
	public int pollsWaitingForRateCap() {
		return (this.gate != null) ? this.gate.waiting() : 0;
	}

	/**
	 * Notes whether the server was seen to hold a poll open until news (long polling), or
	 * to answer slowly a poll it could not hold.
	 * @param holds what was seen
	 */
	void serverHoldsPolls(boolean holds) {
		this.holdsPolls = holds;
	}

	/**
	 * Whether the server has been seen to hold polls open.
	 * @return whether it long-polls
	 */
	public boolean holdsPolls() {
		return this.holdsPolls;
	}

	void unregister(TaskPoller poller) {
		this.live.remove(poller);
	}

	void recordPoll(PollOutcome outcome) {
		try {
			this.pollRecorder.record(outcome);
		}
		catch (RuntimeException ex) {
			// metrics must never break polling
		}
	}

	/**
	 * Stops every poller; their waiters fail at once instead of hanging.
	 */
	@Override
	public void close() {
		this.closed = true;
		SmoothException reason = new SmoothException("The Smooth client was shut down while waiting");
		for (TaskPoller poller : livePollers()) {
			poller.stop(reason);
		}
		if (this.ownsScheduler) {
			this.scheduler.dispose();
		}
	}

	/**
	 * Whether {@link #close()} was called.
	 * @return whether the engine is closed
	 */
	public boolean isClosed() {
		return this.closed;
	}

}
