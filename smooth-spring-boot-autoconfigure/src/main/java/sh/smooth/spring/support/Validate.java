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

package sh.smooth.spring.support;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import sh.smooth.spring.error.SmoothValidationException;

/**
 * Argument checks shared by every public entry point. Each failure names the field, the
 * value and the limit, and happens before any HTTP call.
 */
public final class Validate {

	/** Smallest {@code max_steps} the server accepts. */
	public static final int MIN_STEPS = 2;

	/** Largest {@code max_steps} the server accepts. */
	public static final int MAX_STEPS = 128;

	/** Most metadata keys the server accepts. */
	public static final int MAX_METADATA_KEYS = 16;

	/** Longest metadata value the server accepts. */
	public static final int MAX_METADATA_VALUE = 2048;

	private Validate() {
	}

	/**
	 * Requires non-blank text.
	 * @param field the field
	 * @param value the value
	 * @return the value
	 */
	public static String notBlank(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new SmoothValidationException(field, value, "must not be blank");
		}
		return value;
	}

	/**
	 * Requires a step budget in range.
	 * @param field the field
	 * @param value the value
	 * @return the value
	 */
	public static int maxSteps(String field, int value) {
		if (value < MIN_STEPS || value > MAX_STEPS) {
			throw new SmoothValidationException(field, value,
					"must be between " + MIN_STEPS + " and " + MAX_STEPS + " (inclusive)");
		}
		return value;
	}

	/**
	 * Requires an absolute http(s) URL.
	 * @param field the field
	 * @param value the value
	 * @return the value
	 */
	public static String httpUrl(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new SmoothValidationException(field, value, "must be an absolute http(s) URL");
		}
		try {
			URI uri = new URI(value.trim());
			String scheme = uri.getScheme();
			if (!uri.isAbsolute() || uri.getHost() == null
					|| !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
				throw new SmoothValidationException(field, value, "must be an absolute http(s) URL");
			}
		}
		catch (URISyntaxException ex) {
			throw new SmoothValidationException(field, value,
					"must be an absolute http(s) URL (" + ex.getReason() + ")");
		}
		return value.trim();
	}

	/**
	 * Requires task metadata the server accepts: at most 16 keys with scalar values of at
	 * most 2048 characters.
	 * @param field the field
	 * @param metadata the metadata
	 */
	public static void metadata(String field, Map<String, Object> metadata) {
		if (metadata.size() > MAX_METADATA_KEYS) {
			throw new SmoothValidationException(field, metadata.size() + " keys",
					"must have at most " + MAX_METADATA_KEYS + " keys");
		}
		metadata.forEach((key, value) -> {
			notBlank(field + " key", key);
			if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
				throw new SmoothValidationException(field + "[" + key + "]",
						(value != null) ? value.getClass().getSimpleName() : null,
						"must be a string, number or boolean");
			}
			if (String.valueOf(value).length() > MAX_METADATA_VALUE) {
				throw new SmoothValidationException(field + "[" + key + "]", value,
						"must be at most " + MAX_METADATA_VALUE + " characters");
			}
		});
	}

	/**
	 * Requires a JSON Schema object (for {@code response_model} and {@code extract}).
	 * @param field the field
	 * @param schema the schema
	 * @return the schema
	 */
	public static tools.jackson.databind.JsonNode schema(String field,
			tools.jackson.databind.@Nullable JsonNode schema) {
		notNull(field, schema);
		if (!schema.isObject()) {
			throw new SmoothValidationException(field, schema.getNodeType(), "must be a JSON object");
		}
		return schema;
	}

	/**
	 * Adds one metadata entry to a copy of the current metadata, and checks the result.
	 * @param field the field
	 * @param current the metadata so far, or {@code null}
	 * @param key the key
	 * @param value a string, number or boolean
	 * @return the new metadata
	 */
	public static Map<String, Object> withMetadata(String field, @Nullable Map<String, Object> current, String key,
			Object value) {
		Map<String, Object> next = (current != null) ? new java.util.LinkedHashMap<>(current)
				: new java.util.LinkedHashMap<>();
		next.put(notBlank(field + " key", key), value);
		metadata(field, next);
		return next;
	}

	/**
	 * Requires a positive duration.
	 * @param field the field
	 * @param value the value
	 * @return the value
	 */
	public static Duration positive(String field, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new SmoothValidationException(field, value, "must be a positive duration");
		}
		return value;
	}

	/**
	 * Requires a non-null value.
	 * @param <T> the type
	 * @param field the field
	 * @param value the value
	 * @return the value
	 */
	public static <T> T notNull(String field, @Nullable T value) {
		if (value == null) {
			throw new SmoothValidationException(field, null, "must not be null");
		}
		return value;
	}

	/**
	 * Requires a proxy URL ({@code http}, {@code https} or {@code socks5}).
	 * @param field the field
	 * @param value the value
	 * @return the value
	 */
	public static String proxyServer(String field, String value) {
		notBlank(field, value);
		String lower = value.trim().toLowerCase(java.util.Locale.ROOT);
		if (!(lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("socks5://"))) {
			throw new SmoothValidationException(field, value,
					"must be http://host:port, https://host:port or socks5://host:port "
							+ "(the self proxy is not supported by this client)");
		}
		return value.trim();
	}

}
