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

import org.jspecify.annotations.Nullable;

import sh.smooth.spring.error.SmoothValidationException;

/**
 * The application's keys of one submit, kept by the task store and never sent to Smooth:
 * an idempotency key (a second submit with the same key, from any instance, gets the task
 * of the first) and a correlation key (given back with the task's
 * {@code SmoothTaskCompletedEvent}).
 *
 * @param idempotencyKey the idempotency key, or {@code null}
 * @param correlationKey the correlation key, or {@code null}
 */
public record TaskKeys(@Nullable String idempotencyKey, @Nullable String correlationKey) {

	/** The longest key the store keeps. */
	public static final int MAX_LENGTH = 255;

	/** No keys. */
	public static final TaskKeys NONE = new TaskKeys(null, null);

	public TaskKeys {
		check("idempotencyKey", idempotencyKey);
		check("correlationKey", correlationKey);
	}

	/**
	 * Checks a key: {@code null}, or not blank and at most {@value #MAX_LENGTH}
	 * characters.
	 * @param field the field, for the message
	 * @param key the key
	 * @return the key
	 */
	public static @Nullable String check(String field, @Nullable String key) {
		if (key == null) {
			return null;
		}
		if (key.isBlank()) {
			throw new SmoothValidationException(field, key, "must not be blank");
		}
		if (key.length() > MAX_LENGTH) {
			throw new SmoothValidationException(field, key.length() + " characters",
					"must be at most " + MAX_LENGTH + " characters");
		}
		return key;
	}

}
