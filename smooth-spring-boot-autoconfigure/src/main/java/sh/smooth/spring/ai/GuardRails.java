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
package sh.smooth.spring.ai;

import java.util.List;
import java.util.concurrent.Semaphore;

import org.jspecify.annotations.Nullable;

/**
 * The team's limits on what a model may start: a step cap, the URL patterns, a limit on
 * concurrent tasks and sessions, and the optional {@link SmoothAiTaskGuard}. Every check
 * happens before any HTTP call; a refusal is a {@link SmoothAiRefusal} whose message the
 * model is told. Thread-safe.
 */
final class GuardRails {

	private static final int MIN_STEPS = 2;

	private static final int MAX_STEPS = 128;

	private final @Nullable Integer maxSteps;

	private final UrlPatterns urls;

	private final int maxConcurrent;

	private final Semaphore running;

	private final SmoothAiTaskGuard guard;

	GuardRails(@Nullable Integer maxSteps, List<String> allowedUrls, int maxConcurrent,
			@Nullable SmoothAiTaskGuard guard) {
		if (maxSteps != null && (maxSteps < MIN_STEPS || maxSteps > MAX_STEPS)) {
			throw new IllegalArgumentException(
					"smooth.ai.max-steps must be between " + MIN_STEPS + " and " + MAX_STEPS + ", was " + maxSteps);
		}
		if (maxConcurrent < 1) {
			throw new IllegalArgumentException(
					"smooth.ai.max-concurrent-tasks must be at least 1, was " + maxConcurrent);
		}
		this.maxSteps = maxSteps;
		this.urls = new UrlPatterns(allowedUrls);
		this.maxConcurrent = maxConcurrent;
		this.running = new Semaphore(maxConcurrent);
		this.guard = (guard != null) ? guard : (request) -> SmoothAiTaskGuard.Verdict.allow();
	}

	/**
	 * The step budget to send.
	 * @param requested the model's, if any
	 * @return the model's value within the cap; the cap when the model gave none
	 */
	@Nullable Integer steps(@Nullable Integer requested) {
		if (requested == null) {
			return this.maxSteps;
		}
		if (requested < MIN_STEPS || requested > MAX_STEPS) {
			throw new SmoothAiRefusal("max_steps must be between " + MIN_STEPS + " and " + MAX_STEPS + ", was "
					+ requested + "; leave it out for the default");
		}
		if (this.maxSteps != null && requested > this.maxSteps) {
			throw new SmoothAiRefusal("max_steps " + requested + " is over this application's limit of " + this.maxSteps
					+ "; ask for at most " + this.maxSteps + " or leave it out");
		}
		return requested;
	}

	/**
	 * Checks a URL the model wants to open.
	 * @param field the input field, for the message
	 * @param url the URL, or {@code null}
	 */
	void checkUrl(String field, @Nullable String url) {
		if (url != null && !this.urls.allows(url)) {
			throw new SmoothAiRefusal(
					field + " '" + url + "' is not allowed by this application; allowed: " + this.urls.patterns());
		}
	}

	/**
	 * The patterns to send.
	 * @param requested the model's, possibly empty
	 * @return the patterns, possibly empty
	 */
	List<String> allowedUrls(List<String> requested) {
		return this.urls.narrow(requested);
	}

	/**
	 * Asks the application's guard.
	 * @param request the request as it will be sent
	 */
	void ask(SmoothAiTaskRequest request) {
		SmoothAiTaskGuard.Verdict verdict = this.guard.check(request);
		if (verdict == null || !verdict.allowed()) {
			String reason = (verdict != null) ? verdict.reason() : "the application's guard gave no verdict";
			throw new SmoothAiRefusal("Refused by the application: " + reason);
		}
	}

	/**
	 * Takes a slot for a task or session; give it back with {@link #release()}.
	 */
	void acquire() {
		if (!this.running.tryAcquire()) {
			throw new SmoothAiRefusal("This application runs at most " + this.maxConcurrent
					+ " Smooth tasks and sessions for models at once, and that many are running; wait for one to "
					+ "finish, or close a session you no longer need");
		}
	}

	void release() {
		this.running.release();
	}

}
