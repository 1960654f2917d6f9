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

package sh.smooth.spring.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;

import sh.smooth.spring.api.ActionInput;
import sh.smooth.spring.api.TaskEvent;
import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.error.SmoothTimeoutException;
import sh.smooth.spring.browser.ActionResult;
import sh.smooth.spring.observation.SessionActionObservations;
import sh.smooth.spring.observation.SessionActionOutcome;
import sh.smooth.spring.runtime.TaskRun;
import sh.smooth.spring.runtime.TaskRunListener;
import sh.smooth.spring.support.Futures;
import sh.smooth.spring.support.OutputConverter;

/**
 * Sends the actions of one session and routes their results back. Each action gets a
 * fresh event id and a waiter, registered before the action is sent; the result event
 * with the same id completes it. The POSTs of one session go out one after the other, in
 * call order.
 * <p>
 * An action the caller stopped waiting for (its timeout passed, or its future was
 * cancelled) after it was sent still runs on the server, and its agent may still call the
 * session's tools. It keeps the session polled at the active cadence until the server
 * reports its result (which is then dropped), the session ends, or polling stops.
 * <p>
 * As a {@link TaskRunListener} it runs on the polling scheduler and only completes
 * futures, so it returns at once.
 */
final class SessionActions implements TaskRunListener {

	private static final Log logger = LogFactory.getLog(SessionActions.class);

	private final TaskRun run;

	private final OutputConverter converter;

	private final SessionActionObservations observations;

	/** Actions the server has not finished, by event id, whether or not anyone waits. */
	private final Map<String, PendingAction> pending = new ConcurrentHashMap<>();

	private final Object sendLock = new Object();

	/**
	 * The POST of the latest action; the next one is sent after it. Guarded by sendLock.
	 */
	private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

	SessionActions(TaskRun run, OutputConverter converter, SessionActionObservations observations) {
		this.run = run;
		this.converter = converter;
		this.observations = observations;
	}

	/**
	 * The run whose actions these are.
	 * @return the run
	 */
	TaskRun run() {
		return this.run;
	}

	/**
	 * Sends an action and returns the future of its result.
	 * @param eventName {@code browser_action} or {@code session_action}
	 * @param action the action name
	 * @param input the input, or {@code null} for an action without an {@code input} key
	 * @param timeout how long to wait for the result
	 * @return the result; fails with the typed errors of the session package
	 */
	CompletableFuture<ActionResult> send(ActionInput input, Duration timeout) {
		String action = input.action();
		String sessionId = this.run.id();
		String eventId = EventIds.next();
		PendingAction waiter = new PendingAction(action, eventId, startObservation(sessionId, action));
		// the waiter exists before the POST, so a result in the very next poll is never
		// missed; the poll comes once the POST is accepted
		this.run.retainActivityQuietly();
		this.pending.put(eventId, waiter);
		// normally settled by succeed/fail; this catches a caller cancelling the future
		waiter.future.whenComplete((result, error) -> {
			if (waiter.settle()) {
				finished(waiter, result, error);
			}
		});
		if (this.run.isDone()) {
			// the session ended before the waiter was visible to the final sweep
			fail(waiter, closed(waiter, endStatus(), null));
			serverDone(waiter);
			return waiter.future;
		}
		Disposable timer;
		try {
			timer = this.run.scheduler()
				.schedule(() -> fail(waiter, timedOut(waiter, timeout)), timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RuntimeException ex) {
			// the scheduler is gone: the client is shutting down
			fail(waiter, closed(waiter, "closed", ex));
			serverDone(waiter);
			return waiter.future;
		}
		waiter.timer = timer;
		if (waiter.future.isDone()) {
			// failed by the final sweep while the timer was being set
			timer.dispose();
			serverDone(waiter);
			return waiter.future;
		}
		CompletableFuture<Void> sent;
		synchronized (this.sendLock) {
			sent = this.lastSend.handle((ignored, error) -> null).thenCompose((ignored) -> {
				if (waiter.future.isDone()) {
					// given up (or failed) before it was sent: the server never sees it
					serverDone(waiter);
					return CompletableFuture.<Void>completedFuture(null);
				}
				return this.run.sendAction(eventId, input).toFuture();
			});
			this.lastSend = sent;
		}
		sent.whenComplete((ignored, error) -> {
			if (error != null) {
				fail(waiter, Futures.rethrow(error));
				serverDone(waiter);
			}
			else {
				// look when results of this action came before, else now, then at the
				// active cadence
				waiter.acceptedNanos = System.nanoTime();
				this.run.expectResult(waiter.action);
			}
		});
		return waiter.future;
	}

	@Override
	public void onEvents(TaskRun run, List<TaskEvent> events) {
		for (TaskEvent event : events) {
			String id = event.id();
			if (id == null || !(TaskEvent.BROWSER_ACTION.equals(event.name())
					|| TaskEvent.SESSION_ACTION.equals(event.name()))) {
				continue;
			}
			Integer code = event.payloadCode();
			if (code == null) {
				// not a result (or a malformed one): the action keeps waiting for one
				continue;
			}
			PendingAction waiter = this.pending.get(id);
			if (waiter == null) {
				// unknown id, or a duplicate
				continue;
			}
			if (waiter.future.isDone() && logger.isDebugEnabled()) {
				logger.debug("The result of " + SmoothSessionException.describe(run.id(), waiter.action, id)
						+ " came after its caller gave up; dropped");
			}
			if (waiter.acceptedNanos != 0) {
				run.resultSeen(waiter.action, waiter.acceptedNanos);
			}
			// the server is done with it before its caller wakes: an action the caller
			// sends next then finds no other pending (see TaskPoller.expectResult)
			serverDone(waiter);
			complete(waiter, code, (event.payload() != null) ? event.payload().get("output") : null);
		}
	}

	private void complete(PendingAction waiter, int code, @Nullable JsonNode output) {
		String sessionId = this.run.id();
		if (code >= 200 && code < 300) {
			succeed(waiter, ActionResult.of(waiter.action, waiter.eventId, output, this.converter));
		}
		else if (code >= 400 && code < 500) {
			fail(waiter, new SmoothActionException(sessionId, waiter.action, waiter.eventId, message(output)));
		}
		else {
			fail(waiter,
					new SmoothActionFailedException(sessionId, waiter.action, waiter.eventId, code, message(output)));
		}
	}

	private static String message(@Nullable JsonNode output) {
		if (output == null || output.isNull()) {
			return "(no message)";
		}
		if (output.isString()) {
			return output.asString();
		}
		JsonNode inner = output.get("output");
		return (inner != null && inner.isString()) ? inner.asString() : output.toString();
	}

	@Override
	public void onTerminal(TaskRun run, TaskResponse response) {
		// the events of this response were dispatched first (onEvents runs before)
		failAll(response.status().value(), null);
	}

	@Override
	public void onFailure(TaskRun run, Throwable error) {
		failAll("unknown", error);
	}

	/**
	 * Fails every action still waiting.
	 * @param status the status to name
	 * @param cause the cause, or {@code null}
	 */
	void failAll(String status, @Nullable Throwable cause) {
		for (PendingAction waiter : new ArrayList<>(this.pending.values())) {
			fail(waiter, closed(waiter, status, cause));
			serverDone(waiter);
		}
	}

	private String endStatus() {
		TaskResponse latest = this.run.latest();
		return (latest != null && latest.isTerminal()) ? latest.status().value() : "unknown";
	}

	private SmoothSessionClosedException closed(PendingAction waiter, String status, @Nullable Throwable cause) {
		return new SmoothSessionClosedException(this.run.id(), waiter.action, waiter.eventId, status, cause);
	}

	private SmoothTimeoutException timedOut(PendingAction waiter, Duration timeout) {
		return new SmoothTimeoutException("Timed out after " + timeout + " waiting for the result of "
				+ SmoothSessionException.describe(this.run.id(), waiter.action, waiter.eventId)
				+ "; the session stays open and a late result is ignored", this.run.id(), timeout);
	}

	private void succeed(PendingAction waiter, ActionResult result) {
		if (waiter.settle()) {
			// bookkeeping first, so a caller woken by the result sees it done
			finished(waiter, result, null);
			waiter.future.complete(result);
		}
	}

	private void fail(PendingAction waiter, Throwable error) {
		if (waiter.settle()) {
			finished(waiter, null, error);
			waiter.future.completeExceptionally(error);
		}
	}

	/**
	 * The server is done with the action (its result came, it was never sent, or nothing
	 * can answer it any more): it no longer keeps the session polled. Once per action.
	 */
	private void serverDone(PendingAction waiter) {
		if (waiter.serverDone.compareAndSet(false, true)) {
			this.pending.remove(waiter.eventId, waiter);
			this.run.releaseActivity();
		}
	}

	private void finished(PendingAction waiter, @Nullable ActionResult result, @Nullable Throwable error) {
		Disposable timer = waiter.timer;
		if (timer != null) {
			timer.dispose();
		}
		Throwable cause = (error instanceof CompletionException && error.getCause() != null) ? error.getCause() : error;
		SessionActionOutcome outcome = (cause == null) ? SessionActionOutcome.SUCCESS
				: (cause instanceof SmoothActionException) ? SessionActionOutcome.ERROR
						: (cause instanceof SmoothTimeoutException) ? SessionActionOutcome.TIMEOUT
								: (cause instanceof SmoothSessionClosedException) ? SessionActionOutcome.CLOSED
										: SessionActionOutcome.FAILED;
		try {
			waiter.observation.stop(outcome, (result != null) ? result.creditsUsed() : 0, cause);
		}
		catch (RuntimeException ex) {
			logger.debug("The observation of a Smooth session action failed", ex);
		}
	}

	private SessionActionObservations.Stoppable startObservation(String sessionId, String action) {
		try {
			return this.observations.start(sessionId, action, this.run.observation());
		}
		catch (RuntimeException ex) {
			// metrics must never break an action
			logger.debug("The observation of a Smooth session action failed", ex);
			return (outcome, credits, error) -> {
			};
		}
	}

	private static final class PendingAction {

		final String action;

		final String eventId;

		final SessionActionObservations.Stoppable observation;

		final CompletableFuture<ActionResult> future = new CompletableFuture<>();

		volatile @Nullable Disposable timer;

		/** {@link System#nanoTime()} when the server accepted the POST, 0 before. */
		volatile long acceptedNanos;

		private final AtomicBoolean settled = new AtomicBoolean();

		final AtomicBoolean serverDone = new AtomicBoolean();

		PendingAction(String action, String eventId, SessionActionObservations.Stoppable observation) {
			this.action = action;
			this.eventId = eventId;
			this.observation = observation;
		}

		/**
		 * Claims the right to settle this action, once.
		 * @return whether the caller won
		 */
		boolean settle() {
			return this.settled.compareAndSet(false, true);
		}

	}

}
