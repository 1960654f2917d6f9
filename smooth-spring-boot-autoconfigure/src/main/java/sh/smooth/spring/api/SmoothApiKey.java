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

import org.jspecify.annotations.Nullable;

import sh.smooth.spring.error.SmoothMissingApiKeyException;

/**
 * Holds the API key. The value is only handed to the request filter; {@link #toString()}
 * masks it, so the key cannot leak through logs or actuator output.
 */
public final class SmoothApiKey {

	@Nullable private final String value;

	private SmoothApiKey(@Nullable String value) {
		this.value = (value != null && !value.isBlank()) ? value.trim() : null;
	}

	/**
	 * Wraps a key that may be absent.
	 * @param value the key, or {@code null}
	 * @return the holder
	 */
	public static SmoothApiKey of(@Nullable String value) {
		return new SmoothApiKey(value);
	}

	/**
	 * Whether a key is configured.
	 * @return whether the key is present
	 */
	public boolean isPresent() {
		return this.value != null;
	}

	/**
	 * The key, for the {@code apikey} header only.
	 * @return the key
	 * @throws SmoothMissingApiKeyException if none is configured
	 */
	String require() {
		if (this.value == null) {
			throw new SmoothMissingApiKeyException();
		}
		return this.value;
	}

	@Override
	public String toString() {
		return "SmoothApiKey[" + ((this.value != null) ? "******" : "absent") + "]";
	}

}
