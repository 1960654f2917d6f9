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

package sh.smooth.spring.error;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * 429: credits exhausted, too many concurrent sessions, or rate limited. Carries the
 * server's {@code Retry-After} when it sent one.
 */
public class SmoothRateLimitException extends SmoothApiException {

	/**
	 * The longest {@code Retry-After} read from a response: 24 hours. A larger number of
	 * seconds, or a date further away, reads as this; the client's own pause is bounded
	 * far lower ({@code smooth.retry.max-retry-after}).
	 */
	public static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(24);

	@Nullable private final Duration retryAfter;

	public SmoothRateLimitException(int status, String detail, @Nullable String taskId, @Nullable String rawBody,
			@Nullable Duration retryAfter) {
		super(status, detail, taskId, rawBody);
		this.retryAfter = retryAfter;
	}

	/**
	 * How long the server asked to wait, at most {@link #LONGEST_RETRY_AFTER}.
	 * @return the wait, if the server sent a readable {@code Retry-After}
	 */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

}
