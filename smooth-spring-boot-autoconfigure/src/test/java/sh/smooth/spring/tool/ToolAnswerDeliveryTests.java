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

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import sh.smooth.spring.api.RetrySettings;
import sh.smooth.spring.error.SmoothBadRequestException;
import sh.smooth.spring.error.SmoothNetworkException;
import sh.smooth.spring.error.SmoothRateLimitException;
import sh.smooth.spring.error.SmoothServerException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waits between new sends of a tool answer: growing, jittered, between 1 s and 16 s,
 * never shorter than a {@code Retry-After}, which is honoured up to 60 s.
 */
class ToolAnswerDeliveryTests {

	private static final Throwable UNAVAILABLE = new SmoothServerException(503, "unavailable", "t1", null);

	@RepeatedTest(20)
	void waitsGrowFromOneToSixteenSecondsWithJitter() {
		assertThat(ToolAnswerDelivery.waitBefore(1, UNAVAILABLE, RetrySettings.DEFAULTS))
			.isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
		assertThat(ToolAnswerDelivery.waitBefore(2, UNAVAILABLE, RetrySettings.DEFAULTS))
			.isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
		assertThat(ToolAnswerDelivery.waitBefore(3, UNAVAILABLE, RetrySettings.DEFAULTS))
			.isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
		assertThat(ToolAnswerDelivery.waitBefore(4, UNAVAILABLE, RetrySettings.DEFAULTS))
			.isBetween(Duration.ofSeconds(8), Duration.ofSeconds(16));
		assertThat(ToolAnswerDelivery.waitBefore(1_000, UNAVAILABLE, RetrySettings.DEFAULTS))
			.isBetween(Duration.ofSeconds(8), Duration.ofSeconds(16));
	}

	@Test
	void aRetryAfterIsWaitedForUpToSixtySeconds() {
		assertThat(ToolAnswerDelivery.waitBefore(1, limited(Duration.ofSeconds(5)), RetrySettings.DEFAULTS))
			.isEqualTo(Duration.ofSeconds(5));
		assertThat(ToolAnswerDelivery.waitBefore(1, limited(Duration.ofHours(2)), RetrySettings.DEFAULTS))
			.isEqualTo(RetrySettings.DEFAULT_MAX_RETRY_AFTER)
			.isEqualTo(Duration.ofSeconds(60));
		// a shorter Retry-After never makes the wait shorter than the backoff
		assertThat(ToolAnswerDelivery.waitBefore(4, limited(Duration.ZERO), RetrySettings.DEFAULTS))
			.isGreaterThanOrEqualTo(Duration.ofSeconds(8));
	}

	@Test
	void aRetryAfterIsCutToTheConfiguredBoundOfEvery429Pause() {
		RetrySettings fiveSeconds = new RetrySettings(4, Duration.ofMillis(500), Duration.ofSeconds(10),
				Duration.ofSeconds(5));
		assertThat(ToolAnswerDelivery.waitBefore(1, limited(Duration.ofHours(2)), fiveSeconds))
			.isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void onlyTransientFailuresAreSentAgain() {
		assertThat(ToolAnswerDelivery.isTransient(UNAVAILABLE)).isTrue();
		assertThat(ToolAnswerDelivery.isTransient(limited(Duration.ofSeconds(1)))).isTrue();
		assertThat(ToolAnswerDelivery.isTransient(new SmoothNetworkException("reset", "t1", new RuntimeException())))
			.isTrue();
		assertThat(ToolAnswerDelivery.isTransient(new SmoothBadRequestException(400, "Task is closed", "t1", null)))
			.isFalse();
	}

	private static SmoothRateLimitException limited(Duration retryAfter) {
		return new SmoothRateLimitException(429, "slow down", "t1", null, retryAfter);
	}

}
