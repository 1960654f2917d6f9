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

package sh.smooth.spring.health;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import sh.smooth.spring.api.ResourceApi;
import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.error.SmoothApiException;
import sh.smooth.spring.error.SmoothAuthenticationException;
import sh.smooth.spring.error.SmoothMissingApiKeyException;
import sh.smooth.spring.error.SmoothRateLimitException;
import sh.smooth.spring.error.SmoothTimeoutException;
import sh.smooth.spring.support.Futures;

/**
 * Reports whether the Smooth API is reachable and accepts the API key, with
 * {@code GET /task?l=1}: a call that costs no credits and needs no premium plan. The call
 * is sent once, never retried (not even when the connection is refused), so a probe
 * answers at once. The result is reused for {@code smooth.health.cache-ttl}, so frequent
 * probes do not hammer the API. Details never contain the key or the base URL.
 */
public final class SmoothHealthIndicator implements HealthIndicator {

	private final ResourceApi api;

	private final Duration cacheTtl;

	private final Duration timeout;

	private final LongSupplier nanoClock;

	private @Nullable Health cached;

	private long cachedAt;

	/**
	 * Creates the indicator.
	 * @param api the API client
	 * @param cacheTtl how long a result is reused; zero to ask every time
	 * @param timeout bound of one check
	 */
	public SmoothHealthIndicator(SmoothApiClient api, Duration cacheTtl, Duration timeout) {
		this(api, cacheTtl, timeout, System::nanoTime);
	}

	SmoothHealthIndicator(SmoothApiClient api, Duration cacheTtl, Duration timeout, LongSupplier nanoClock) {
		this.api = api.withoutRetries().resources();
		this.cacheTtl = cacheTtl;
		this.timeout = timeout;
		this.nanoClock = nanoClock;
	}

	/**
	 * The health, from the cache while it is fresh. Concurrent probes wait for one check
	 * instead of each calling the API.
	 * @return the health
	 */
	@Override
	public synchronized Health health() {
		long now = this.nanoClock.getAsLong();
		if (this.cached != null && now - this.cachedAt < this.cacheTtl.toNanos()) {
			return this.cached;
		}
		Health health = check();
		this.cached = health;
		this.cachedAt = this.nanoClock.getAsLong();
		return health;
	}

	private Health check() {
		try {
			// no retries: a probe answers now rather than after a series of retries
			Futures.await(this.api.listTasks(null, 1), this.timeout, null, "the Smooth health check");
			return Health.up().build();
		}
		catch (RuntimeException ex) {
			return down(ex);
		}
	}

	private static Health down(RuntimeException ex) {
		Health.Builder builder = Health.down().withDetail("error", ex.getClass().getSimpleName());
		if (ex instanceof SmoothApiException api) {
			builder.withDetail("status", api.status());
		}
		return builder.withDetail("reason", reason(ex)).build();
	}

	private static String reason(RuntimeException ex) {
		if (ex instanceof SmoothMissingApiKeyException) {
			return "no API key is configured (smooth.api-key or SMOOTH_API_KEY)";
		}
		if (ex instanceof SmoothAuthenticationException
				|| (ex instanceof SmoothApiException api && (api.status() == 401 || api.status() == 403))) {
			return "the API key was rejected";
		}
		if (ex instanceof SmoothRateLimitException) {
			return "rate limited, or out of credits";
		}
		if (ex instanceof SmoothTimeoutException) {
			return "no answer in time";
		}
		if (ex instanceof SmoothApiException) {
			return "the API answered with an error";
		}
		return "the API is not reachable";
	}

}
