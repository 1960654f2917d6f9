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

package sh.smooth.spring.api;

import java.net.URI;
import java.time.Duration;

import org.springframework.util.unit.DataSize;

import sh.smooth.spring.error.SmoothValidationException;

/**
 * Where and how to connect.
 *
 * @param baseUrl the API base, such as {@code https://api.smooth.sh/api/v1}
 * @param apiKey the key
 * @param connectTimeout the TCP connect timeout
 * @param readTimeout how long a response may take; the server may hold a poll open
 * @param maxResponseSize the largest response body buffered
 */
public record ConnectionSettings(URI baseUrl, SmoothApiKey apiKey, Duration connectTimeout, Duration readTimeout,
		DataSize maxResponseSize) {

	/** The connect timeout when none is configured: 10 s. */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * The read timeout when none is configured: 90 s, longer than the server holds a poll
	 * open.
	 */
	public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(90);

	public ConnectionSettings {
		String scheme = baseUrl.getScheme();
		if (!baseUrl.isAbsolute() || !("http".equals(scheme) || "https".equals(scheme))) {
			throw new SmoothValidationException("smooth.base-url", baseUrl, "must be an absolute http(s) URL");
		}
		if (connectTimeout.isNegative() || connectTimeout.isZero()) {
			throw new SmoothValidationException("smooth.connect-timeout", connectTimeout, "must be positive");
		}
		if (readTimeout.isNegative() || readTimeout.isZero()) {
			throw new SmoothValidationException("smooth.read-timeout", readTimeout, "must be positive");
		}
	}

}
