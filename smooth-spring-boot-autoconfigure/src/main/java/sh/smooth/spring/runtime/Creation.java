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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.error.SmoothTimeoutException;
import sh.smooth.spring.support.Futures;
import sh.smooth.spring.support.Validate;
import sh.smooth.spring.support.Futures;
import sh.smooth.spring.support.Validate;

/**
 * The creation of a task or session ({@code POST /task}), which leaves no orphan. Once
 * the request is on its way the server may create, and bill, the task whatever the caller
 * does; so when the caller gives up first (its wait times out, its thread is interrupted,
 * or it cancels {@link #future()}), the creation is not abandoned: when the id arrives,
 * the task is cancelled ({@code DELETE /task/{id}}) and its id logged at WARN. The
 * exception the caller gets says so. Used by {@code submit} and {@code openSession}
 * alike.
 *
 * @param <T> what is created (a task handle or a session)
 */
public final class Creation<T> {

	private static final Log logger = LogFactory.getLog(Creation.class);

	private final CompletableFuture<T> future = new CompletableFuture<>();

	private final String kind;

	private final Function<T, String> id;

	private final Function<T, ? extends CompletionStage<?>> discard;

	private Creation(CompletionStage<T> creating, String kind, Function<T, String> id,
			Function<T, ? extends CompletionStage<?>> discard) {
		this.kind = kind;
		this.id = id;
		this.discard = discard;
		creating.whenComplete((created, error) -> {
			if (error != null) {
				// nothing was created, or nothing is known of it: nothing to cancel
				this.future.completeExceptionally(error);
			}
			else if (!this.future.complete(created)) {
				// the caller gave up before the id arrived
				discardLate(created, "was created after its caller had given up waiting");
			}
		});
	}

	/**
	 * Follows a creation under way.
	 * @param <T> what is created
	 * @param creating completes with what the server created; it is never cancelled from
	 * here
	 * @param kind what is created, for messages ({@code "task"}, {@code "session"})
	 * @param id the id of what was created
	 * @param discard cancels (or force-closes) what was created, without blocking
	 * @return the creation
	 */
	public static <T> Creation<T> of(CompletionStage<T> creating, String kind, Function<T, String> id,
			Function<T, ? extends CompletionStage<?>> discard) {
		return new Creation<>(creating, kind, id, discard);
	}

	/**
	 * The creation as a future, for callers that do not block. Cancelling it before the
	 * server answered does not stop the creation: what the server creates is cancelled as
	 * soon as its id arrives.
	 * @return the future
	 */
	public CompletableFuture<T> future() {
		return this.future;
	}

	/**
	 * Waits for the creation. When the wait ends first (timeout or interrupt), what the
	 * server creates later is cancelled when its id arrives, and the exception says so.
	 * @param timeout the bound
	 * @return what was created
	 */
	public T await(Duration timeout) {
		Validate.positive("timeout", timeout);
		Futures.checkBlockingAllowed("the creation of a Smooth " + this.kind);
		try {
			return this.future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw gaveUp("Timed out after " + timeout, timeout, null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw gaveUp("Interrupted", null, ex);
		}
		catch (ExecutionException ex) {
			throw Futures.rethrow(ex.getCause());
		}
	}

	private RuntimeException gaveUp(String why, @Nullable Duration timeout, @Nullable Throwable cause) {
		if (this.future.cancel(false)) {
			return failure(
					why + " waiting for the creation of the Smooth " + this.kind + "; if the server creates it, "
							+ "it is cancelled as soon as its id arrives, and that id is logged at WARN",
					null, timeout, cause);
		}
		// it arrived between the end of the wait and now
		T created;
		try {
			created = this.future.join();
		}
		catch (RuntimeException failed) {
			return Futures.rethrow(failed);
		}
		String taskId = this.id.apply(created);
		discardLate(created, "arrived just after its caller had given up waiting");
		return failure(
				why + " waiting for the creation of the Smooth " + this.kind + "; " + this.kind + " " + taskId
						+ " arrived too late and was cancelled (DELETE /task/" + taskId + " sent)",
				taskId, timeout, cause);
	}

	private static RuntimeException failure(String message, @Nullable String taskId, @Nullable Duration timeout,
			@Nullable Throwable cause) {
		if (cause == null) {
			return new SmoothTimeoutException(message, taskId, timeout);
		}
		return new SmoothException(message, cause);
	}

	private void discardLate(T created, String what) {
		String taskId = this.id.apply(created);
		logger.warn("Smooth " + this.kind + " " + taskId + " " + what + "; cancelling it (DELETE /task/" + taskId
				+ ") so that it does not run, and bill, unseen");
		CompletionStage<?> cancelling;
		try {
			cancelling = this.discard.apply(created);
		}
		catch (RuntimeException ex) {
			cancelling = CompletableFuture.failedFuture(ex);
		}
		cancelling.whenComplete((ignored, error) -> {
			if (error != null) {
				logger.warn("Could not cancel Smooth " + this.kind + " " + taskId + ", created after its caller had "
						+ "given up waiting: " + error + "; cancel it with DELETE /task/" + taskId);
			}
		});
	}

}
