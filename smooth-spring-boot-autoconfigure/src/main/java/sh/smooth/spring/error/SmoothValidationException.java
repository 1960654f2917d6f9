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

import org.jspecify.annotations.Nullable;

/**
 * An argument was rejected on the client, before any HTTP call. The message names the
 * field, the value and the limit.
 */
public class SmoothValidationException extends SmoothException {

	private final String field;

	@Nullable private final transient Object value;

	public SmoothValidationException(String field, @Nullable Object value, String limit) {
		super(field + " = " + describe(Redaction.value(value)) + " is invalid: " + limit);
		this.field = field;
		// a URL's user-info (proxy or base URL credentials) never leaves the exception
		this.value = Redaction.value(value);
	}

	private static String describe(@Nullable Object value) {
		if (value == null) {
			return "null";
		}
		String text = (value instanceof CharSequence) ? "'" + value + "'" : String.valueOf(value);
		return (text.length() > 120) ? text.substring(0, 117) + "...' (" + text.length() + " characters)" : text;
	}

	/**
	 * Creates an exception for a secret field: the value never appears in the message.
	 * @param field the field name
	 * @param limit the rule that was broken
	 * @return the exception
	 */
	public static SmoothValidationException secret(String field, String limit) {
		return new SmoothValidationException(field, "******", limit);
	}

	/**
	 * The rejected field, using the Java name and, where different, the wire name.
	 * @return the field
	 */
	public String field() {
		return this.field;
	}

	/**
	 * The rejected value; a URL with credentials in it is returned as text with its
	 * user-info masked.
	 * @return the value
	 */
	@Nullable public Object value() {
		return this.value;
	}

}
