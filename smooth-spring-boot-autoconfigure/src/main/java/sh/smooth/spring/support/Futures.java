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

import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.error.SmoothTimeoutException;

/**
 * Blocks the calling thread on a future with a bound, translating the outcome into the
 * client's exceptions. Only the caller blocks; the future itself is completed by the
 * shared poller.
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
		// cancelling the future cancels the subscription
		return awaitOrCancel(call.toFuture(), timeout, taskId, what);
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
