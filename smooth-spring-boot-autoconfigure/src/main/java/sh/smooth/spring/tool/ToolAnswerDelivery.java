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

package sh.smooth.spring.tool;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import sh.smooth.spring.api.CallSafety;
import sh.smooth.spring.api.RetrySettings;
import sh.smooth.spring.api.TaskEvent;
import sh.smooth.spring.error.SmoothNetworkException;
import sh.smooth.spring.error.SmoothRateLimitException;
import sh.smooth.spring.error.SmoothServerException;
import sh.smooth.spring.error.SmoothTimeoutException;
import sh.smooth.spring.runtime.TaskRun;

/**
 * Sends one tool answer until the server accepts it or its task ends. The agent waits for
 * this answer, so its bound is the task's life, not {@code smooth.retry.max-attempts}:
 * each send gets the client's usual retries ({@code smooth.retry.*}); when those give up
 * on a transient failure (5xx, 429, timeout, I/O), the answer is sent again, with the
 * same event id, after 1-2 s, 2-4 s, 4-8 s, then 8-16 s (random within each range), never
 * sooner than a 429's {@code Retry-After} (honoured up to
 * {@code smooth.retry.max-retry-after}, the same bound as every other 429 pause). It
 * stops on any other error (a 400 or 404 means the task is over) and, before the next
 * send, once the task's run has ended; a wait in progress ends early then.
 */
final class ToolAnswerDelivery {

	private static final Log logger = LogFactory.getLog(ToolAnswerDelivery.class);

	/** The shortest wait before a new send. */
	static final Duration MIN_WAIT = Duration.ofSeconds(1);

	/** The longest wait before a new send. */
	static final Duration MAX_WAIT = Duration.ofSeconds(16);

	private final TaskRun run;

	private final RetrySettings retry;

	private final TaskEvent answer;

	private final String toolName;

	/** Completes with {@code false} when the task's run ends: ends a wait early. */
	private final CompletableFuture<Boolean> taskEnded;

	private volatile boolean resent;

	ToolAnswerDelivery(TaskRun run, RetrySettings retry, TaskEvent answer, String toolName) {
		this.run = run;
		this.retry = retry;
		this.answer = answer;
		this.toolName = toolName;
		// a dependent of the completion, never the completion itself: cancelling a wait
		// must not cancel the task's future
		this.taskEnded = run.completion().handle((response, error) -> Boolean.FALSE);
	}

	/**
	 * The delivery; subscribe once.
	 * @return completes when the server accepted the answer, fails with the last error
	 * when delivery stops without that
	 */
	Mono<Void> send() {
		return Mono.defer(() -> this.run.send(this.answer, CallSafety.IDEMPOTENT))
			.retryWhen(Retry.from((signals) -> signals.concatMap((signal) -> {
				Throwable failure = signal.failure();
				if (!isTransient(failure) || this.run.isDone()) {
					return Mono.error(failure);
				}
				long retry = signal.totalRetries() + 1;
				Duration wait = waitBefore(retry, failure, this.retry);
				log(retry, wait, failure);
				this.resent = true;
				return Mono.delay(wait, this.run.scheduler())
					.map((tick) -> Boolean.TRUE)
					.or(Mono.fromFuture(this.taskEnded, true))
					.flatMap((goOn) -> (goOn && !this.run.isDone()) ? Mono.just(retry) : Mono.error(failure));
			})));
	}

	/**
	 * Whether the answer was sent again after the client's own retries gave up.
	 * @return whether at least one transient failure outlived the client's retries
	 */
	boolean resent() {
		return this.resent;
	}

	/**
	 * Whether a failure may pass: the server did not say no.
	 * @param failure the failure of one send
	 * @return whether to send again
	 */
	static boolean isTransient(Throwable failure) {
		return failure instanceof SmoothServerException || failure instanceof SmoothRateLimitException
				|| failure instanceof SmoothNetworkException || failure instanceof SmoothTimeoutException;
	}

	/**
	 * The wait before new send number {@code retry}.
	 * @param retry 1 for the first new send
	 * @param failure the failure of the previous one
	 * @return the wait: "equal jitter" in [c/2, c] with c = 2 s, 4 s, 8 s, then 16 s; at
	 * least the {@code Retry-After} of a 429, cut to the client's bound of 429 pauses (so
	 * one odd header cannot silence a waiting agent for hours)
	 */
	static Duration waitBefore(long retry, Throwable failure, RetrySettings settings) {
		long ceiling = Math.min(MAX_WAIT.toMillis(), MIN_WAIT.toMillis() << Math.min(retry, 4));
		long backoff = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
		if (failure instanceof SmoothRateLimitException limited && limited.retryAfter().isPresent()) {
			long asked = settings.pauseFor(limited.retryAfter().get()).toMillis();
			return Duration.ofMillis(Math.max(asked, backoff));
		}
		return Duration.ofMillis(backoff);
	}

	private void log(long retry, Duration wait, Throwable failure) {
		if (retry == 1 && logger.isInfoEnabled()) {
			logger.info("Smooth did not accept the answer to tool call '" + this.toolName + "' (event "
					+ this.answer.id() + ") of task " + this.run.id() + " (" + failure.getMessage()
					+ "): sending it again until the server accepts it or the task ends");
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Sending the answer to Smooth tool call event " + this.answer.id() + " again in "
					+ wait.toMillis() + " ms (new send " + retry + ")");
		}
	}

}
