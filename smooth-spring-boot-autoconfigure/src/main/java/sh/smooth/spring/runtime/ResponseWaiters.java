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

package sh.smooth.spring.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.error.SmoothTimeoutException;
import sh.smooth.spring.polling.TaskPoller;

/**
 * Who waits for a response of one task to meet a condition. Registered, checked and
 * drained under one lock, so a waiter is either checked against a response or registered
 * before it is handled, never neither; and a waiter is never failed with a status older
 * than the final one. Each registered waiter keeps the task polled at the active cadence
 * until it is done.
 */
final class ResponseWaiters {

	private final String taskId;

	private final Scheduler scheduler;

	private final List<Waiter> waiters = new ArrayList<>();

	/** The final response, once waiters were told; guarded by this. */
	private @Nullable TaskResponse endResponse;

	/** Why polling stopped, once waiters were told; guarded by this. */
	private @Nullable Throwable endFailure;

	ResponseWaiters(String taskId, Scheduler scheduler) {
		this.taskId = taskId;
		this.scheduler = scheduler;
	}

	/**
	 * Registers a waiter, or settles it at once against the latest response or the end.
	 * @param latest the latest response, read under this lock by the caller's supplier
	 * @param poller the poller to keep active while the waiter waits
	 * @param condition the condition
	 * @param description what is waited for
	 * @param timeout the bound, or {@code null}
	 * @return the future
	 */
	CompletableFuture<TaskResponse> await(java.util.function.Supplier<@Nullable TaskResponse> latest, TaskPoller poller,
			Predicate<TaskResponse> condition, String description, @Nullable Duration timeout) {
		Waiter waiter = new Waiter(condition, description);
		Runnable outcome = null;
		synchronized (this) {
			TaskResponse current = latest.get();
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
				// before the waiter can be completed, so the release never comes first
				poller.retainActivity();
			}
		}
		if (outcome != null) {
			outcome.run();
			return waiter.future;
		}
		waiter.future.whenComplete((r, ex) -> {
			synchronized (this) {
				this.waiters.remove(waiter);
			}
			poller.releaseActivity();
		});
		if (timeout != null) {
			arm(waiter, description, timeout);
		}
		return waiter.future;
	}

	private void arm(Waiter waiter, String description, Duration timeout) {
		SmoothTimeoutException timedOut = new SmoothTimeoutException("Timed out after " + timeout + " waiting for "
				+ description + " of Smooth task " + this.taskId + "; the task keeps running", this.taskId, timeout);
		try {
			Disposable timer = this.scheduler.schedule(() -> waiter.future.completeExceptionally(timedOut),
					timeout.toNanos(), TimeUnit.NANOSECONDS);
			waiter.future.whenComplete((r, ex) -> timer.dispose());
		}
		catch (RuntimeException ex) {
			// the scheduler is gone: the client is shutting down
			waiter.future
				.completeExceptionally(new SmoothException("The Smooth client was shut down while waiting", ex));
		}
	}

	/**
	 * Completes the waiters this response meets; when it is final, fails the others with
	 * its status. One step under the lock, so no waiter registers in between.
	 * @param response the response
	 */
	void offer(TaskResponse response) {
		List<Waiter> met = new ArrayList<>();
		List<Waiter> unmet = List.of();
		synchronized (this) {
			for (Waiter waiter : this.waiters) {
				if (waiter.test(response)) {
					met.add(waiter);
				}
			}
			this.waiters.removeAll(met);
			if (response.isTerminal()) {
				this.endResponse = response;
				unmet = drain();
			}
		}
		met.forEach((waiter) -> waiter.future.complete(response));
		unmet.forEach((waiter) -> failWaiter(waiter, response));
	}

	/**
	 * Fails every waiter, and every later one, with the error that stopped polling.
	 * @param error the error
	 */
	void fail(Throwable error) {
		List<Waiter> left;
		synchronized (this) {
			this.endFailure = error;
			left = drain();
		}
		left.forEach((waiter) -> waiter.future.completeExceptionally(error));
	}

	/**
	 * Whether any waiter waits.
	 * @return whether the list is not empty
	 */
	synchronized boolean isEmpty() {
		return this.waiters.isEmpty();
	}

	private List<Waiter> drain() {
		// caller holds the lock
		List<Waiter> all = new ArrayList<>(this.waiters);
		this.waiters.clear();
		return all;
	}

	private void failWaiter(Waiter waiter, TaskResponse response) {
		waiter.future.completeExceptionally(new SmoothException("Smooth task " + this.taskId + " ended with status "
				+ response.status().value() + " before " + waiter.description));
	}

	private static final class Waiter {

		final Predicate<TaskResponse> condition;

		final String description;

		final CompletableFuture<TaskResponse> future = new CompletableFuture<>();

		Waiter(Predicate<TaskResponse> condition, String description) {
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
