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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import sh.smooth.spring.api.CloseInput;
import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.runtime.TaskRun;

/**
 * The close protocol of one session: a graceful close through the {@code close} action,
 * or a force-close ({@code DELETE /task/{id}}) followed by the final status. Closing is
 * idempotent; a force-close that failed may be tried again.
 */
final class SessionCloser {

	private static final Log logger = LogFactory.getLog(SessionCloser.class);

	private final SessionActions actions;

	private final Duration actionTimeout;

	private final Duration callTimeout;

	/** Set once the user closed (or began closing) the session: no new actions. */
	private volatile boolean closing;

	/** The graceful close action reported the session closed. */
	private volatile boolean gracefullyClosed;

	private final AtomicReference<@Nullable CompletableFuture<Void>> forceClose = new AtomicReference<>();

	SessionCloser(SessionActions actions, Duration actionTimeout, Duration callTimeout) {
		this.actions = actions;
		this.actionTimeout = actionTimeout;
		this.callTimeout = callTimeout;
	}

	boolean isClosing() {
		return this.closing;
	}

	/**
	 * Force-closes, unless a graceful close already succeeded (a DELETE now could cut the
	 * server's profile save short).
	 * @return completes once the server accepted the close and reported the final status
	 * (or after the call timeout)
	 */
	CompletableFuture<Void> close() {
		if (this.gracefullyClosed) {
			return CompletableFuture.completedFuture(null);
		}
		return forceClose();
	}

	/**
	 * Closes, gracefully or by force.
	 * @param force whether to force-close
	 * @return {@code true} when closed, {@code false} when a graceful close was refused
	 * because the agent is busy
	 */
	CompletableFuture<Boolean> close(boolean force) {
		if (force) {
			return close().thenApply((ignored) -> true);
		}
		if (this.gracefullyClosed || run().isDone() || this.forceClose.get() != null) {
			return CompletableFuture.completedFuture(true);
		}
		return this.actions.send(new CloseInput(), this.actionTimeout).handle((result, error) -> {
			if (error == null) {
				// false means the agent is busy and the session stays open
				boolean closed = !(result.output().isBoolean() && !result.output().asBoolean());
				if (closed) {
					markGracefullyClosed();
				}
				return closed;
			}
			Throwable cause = unwrap(error);
			if (cause instanceof SmoothActionFailedException || cause instanceof SmoothSessionClosedException) {
				// as in the SDKs: a failed close action, or a session that ended
				// meanwhile, is a closed session
				markGracefullyClosed();
				return true;
			}
			throw new CompletionException(cause);
		});
	}

	private void markGracefullyClosed() {
		this.gracefullyClosed = true;
		this.closing = true;
	}

	/**
	 * Force-closes even a session closed gracefully whose end the server has not reported
	 * yet; used at shutdown.
	 * @return completes once the close is done
	 */
	CompletableFuture<Void> forceClose() {
		this.closing = true;
		CompletableFuture<Void> existing = this.forceClose.get();
		if (existing != null) {
			return existing;
		}
		CompletableFuture<Void> mine = new CompletableFuture<>();
		if (!this.forceClose.compareAndSet(null, mine)) {
			CompletableFuture<Void> winner = this.forceClose.get();
			return (winner != null) ? winner : forceClose();
		}
		if (run().isDone()) {
			mine.complete(null);
			return mine;
		}
		run().cancel().toFuture().whenComplete((accepted, error) -> {
			if (error != null) {
				// let a later close() try again
				this.forceClose.compareAndSet(mine, null);
				mine.completeExceptionally(unwrap(error));
				return;
			}
			// accepted, or already ended (404): either way read the final status
			awaitFinalStatus().whenComplete((response, failure) -> {
				if (failure != null) {
					logger.debug("No final status for Smooth session " + run().id() + " after its close: " + failure);
				}
				// nothing can answer these any more
				this.actions.failAll((response != null) ? response.status().value() : "closed", null);
				mine.complete(null);
			});
		});
		return mine;
	}

	private CompletableFuture<TaskResponse> awaitFinalStatus() {
		// the waiter keeps the poller polling until the end; the completion is what is
		// awaited, because it is set only once the run has fully finished, so a
		// shutdown that follows cannot cut the final poll short
		CompletableFuture<TaskResponse> keepPolling = run().awaitResponse(TaskResponse::isTerminal, "the final status",
				null);
		CompletableFuture<TaskResponse> end = run().completion()
			.copy()
			.orTimeout(this.callTimeout.toMillis(), TimeUnit.MILLISECONDS);
		end.whenComplete((response, error) -> keepPolling.cancel(false));
		return end;
	}

	private TaskRun run() {
		return this.actions.run();
	}

	static Throwable unwrap(Throwable error) {
		Throwable cause = error;
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

}
