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

import java.net.URI;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Masks the credentials that a URL can carry in its user-info part
 * ({@code http://user:password@proxy:8080} becomes {@code http://******@proxy:8080}), so
 * that no {@code toString}, exception message or log line of the starter prints them.
 * Used for every URL the starter prints: task, session and request {@code toString},
 * validation messages, {@code SmoothProperties} and call failures.
 */
public final class Redaction {

	/** What replaces the user-info part. */
	public static final String MASK = "******";

	/**
	 * A scheme, {@code ://}, then everything up to the last {@code @} before the path,
	 * query or fragment (and before whitespace or a quote, for URLs inside a sentence):
	 * the user-info, which may itself contain an unescaped {@code @}.
	 */
	private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.\\-]*://)[^/?#\\s'\"<>]*@");

	private Redaction() {
	}

	/**
	 * A URL with its user-info masked.
	 * @param url the URL (any text is accepted)
	 * @return the masked URL, {@code null} for {@code null}
	 */
	public static @Nullable String url(@Nullable String url) {
		return (url != null) ? text(url) : null;
	}

	/**
	 * A URL with its user-info masked.
	 * @param url the URL
	 * @return the masked URL, {@code null} for {@code null}
	 */
	public static @Nullable String url(@Nullable URI url) {
		return (url != null) ? text(url.toString()) : null;
	}

	/**
	 * A text with the user-info of every URL in it masked.
	 * @param text the text
	 * @return the masked text
	 */
	public static String text(String text) {
		if (text.indexOf('@') < 0) {
			return text;
		}
		return USER_INFO.matcher(text).replaceAll("$1" + MASK + "@");
	}

	/**
	 * A value as it may be printed: a text or URI with its URLs' user-info masked,
	 * anything else unchanged.
	 * @param value the value
	 * @return the printable value
	 */
	public static @Nullable Object value(@Nullable Object value) {
		if (value instanceof CharSequence || value instanceof URI) {
			String text = value.toString();
			String masked = text(text);
			return masked.equals(text) ? value : masked;
		}
		return value;
	}

}
