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

package sh.smooth.spring.support;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.error.SmoothTimeoutException;

/**
 * Blocks the calling thread on a future with a bound, translating the outcome into the
 * client's exceptions. Only the caller blocks; the future itself is completed by the
 * shared poller. A blocking wait on a non-blocking thread (a Netty event loop, a Reactor
 * parallel scheduler, the client's own {@code smooth-poll} threads) fails at once, as
 * {@code Mono.block()} does: it would stall every task that thread serves.
 */
public final class Futures {

	private Futures() {
	}

	/**
	 * Waits for a future.
	 * @param <T> the value type
	 * @param future the future
	 * @param timeout the bound
	 * @param taskId the task, for messages
	 * @param what what is awaited, for messages (such as "the result")
	 * @return the value
	 */
	public static <T> T await(CompletableFuture<T> future, Duration timeout, @Nullable String taskId, String what) {
		Validate.positive("timeout", timeout);
		checkBlockingAllowed(what);
		try {
			return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw new SmoothTimeoutException(
					"Timed out after " + timeout + " waiting for " + what
							+ ((taskId != null) ? " of Smooth task " + taskId + "; the task keeps running" : ""),
					taskId, timeout);
		}
		catch (ExecutionException ex) {
			throw rethrow(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SmoothException(
					"Interrupted while waiting for " + what + ((taskId != null) ? " of Smooth task " + taskId : ""),
					ex);
		}
	}

	/**
	 * Waits for a future and cancels it when the caller gives up (timeout, interrupt), so
	 * whoever would complete it, such as a poller's waiter list, forgets it at once.
	 * @param <T> the value type
	 * @param future the future
	 * @param timeout the bound
	 * @param taskId the task, for messages
	 * @param what what is awaited, for messages
	 * @return the value
	 */
	public static <T> T awaitOrCancel(CompletableFuture<T> future, Duration timeout, @Nullable String taskId,
			String what) {
		try {
			return await(future, timeout, taskId, what);
		}
		finally {
			// no effect once done
			future.cancel(false);
		}
	}

	/**
	 * Subscribes to a call and waits for it; when the caller gives up (timeout,
	 * interrupt) the call is cancelled, so nothing keeps running unseen.
	 * @param <T> the value type
	 * @param call the call
	 * @param timeout the bound
	 * @param taskId the task, for messages
	 * @param what what is awaited, for messages
	 * @return the value ({@code null} for an empty call)
	 */
	public static <T> T await(Mono<T> call, Duration timeout, @Nullable String taskId, String what) {
		// checked before subscribing: nothing is sent for a wait that cannot happen
		checkBlockingAllowed(what);
		// cancelling the future cancels the subscription
		return awaitOrCancel(call.toFuture(), timeout, taskId, what);
	}

	/**
	 * Fails when the calling thread must not block.
	 * @param what what would be awaited, for the message
	 * @throws IllegalStateException on a non-blocking thread, naming it
	 */
	public static void checkBlockingAllowed(String what) {
		if (Schedulers.isInNonBlockingThread()) {
			throw new IllegalStateException("Waiting for " + what + " blocks, which is not supported in thread "
					+ Thread.currentThread().getName() + " (a non-blocking thread): use ReactiveSmoothOperations, "
					+ "the reactive() view or toFuture() there");
		}
	}

	/**
	 * Unwraps a failure into an unchecked exception.
	 * @param cause the cause
	 * @return the exception to throw
	 */
	public static RuntimeException rethrow(@Nullable Throwable cause) {
		if (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause instanceof RuntimeException runtime) {
			return runtime;
		}
		if (cause instanceof Error error) {
			throw error;
		}
		return new SmoothException("Smooth call failed: " + cause, cause);
	}

}
