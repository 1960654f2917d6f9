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

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.netty.handler.timeout.ReadTimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import sh.smooth.spring.error.Redaction;
import sh.smooth.spring.error.SmoothApiException;
import sh.smooth.spring.error.SmoothAuthenticationException;
import sh.smooth.spring.error.SmoothBadRequestException;
import sh.smooth.spring.error.SmoothConflictException;
import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.error.SmoothNetworkException;
import sh.smooth.spring.error.SmoothNotFoundException;
import sh.smooth.spring.error.SmoothRateLimitException;
import sh.smooth.spring.error.SmoothServerException;
import sh.smooth.spring.error.SmoothTimeoutException;
import sh.smooth.spring.error.SmoothUnprocessableEntityException;
import sh.smooth.spring.error.SmoothUnprocessableEntityException.FieldError;

/**
 * Turns an error response into the typed exception for its status, and a transport
 * failure (refused or broken connection, read timeout) into a
 * {@link SmoothNetworkException} or {@link SmoothTimeoutException}. Accepts a JSON
 * {@code detail} string, the FastAPI array form, JSON without {@code detail}, and
 * non-JSON bodies such as a proxy's HTML 502 page.
 */
final class ErrorMapper {

	private static final int MAX_RAW_BODY = 4096;

	private static final int MAX_EXCERPT = 200;

	private final JsonMapper mapper;

	ErrorMapper(JsonMapper mapper) {
		this.mapper = mapper;
	}

	SmoothApiException toException(int status, @Nullable String body, @Nullable String retryAfterHeader,
			@Nullable String taskId) {
		return toException(status, body, retryAfterHeader, taskId, null);
	}

	SmoothApiException toException(int status, @Nullable String body, @Nullable String retryAfterHeader,
			@Nullable String taskId, @Nullable URI url) {
		JsonNode json = parse(body);
		String raw = redactedRawBody(body, json);
		JsonNode detailNode = (json != null && json.isObject()) ? json.get("detail") : null;
		List<FieldError> fieldErrors = new ArrayList<>();
		String detail = detail(status, body, json, detailNode, fieldErrors);
		return switch (status) {
			case 400 -> new SmoothBadRequestException(status, detail, taskId, raw);
			case 401, 403 -> new SmoothAuthenticationException(status, detail, taskId, raw);
			case 404 -> new SmoothNotFoundException(status, detail, taskId, raw, url);
			case 409 -> new SmoothConflictException(status, detail, taskId, raw);
			case 422 -> new SmoothUnprocessableEntityException(status, detail, taskId, raw, fieldErrors);
			case 429 -> new SmoothRateLimitException(status, detail, taskId, raw, parseRetryAfter(retryAfterHeader));
			default -> (status >= 500) ? new SmoothServerException(status, detail, taskId, raw)
					: new SmoothApiException(status, detail, taskId, raw);
		};
	}

	/**
	 * The raw body, bounded. FastAPI's validation errors echo the offending value in
	 * {@code input}, which can be a proxy password, a certificate or the whole request:
	 * those members are removed, so the exception never carries a secret.
	 */
	private static @Nullable String redactedRawBody(@Nullable String body, @Nullable JsonNode json) {
		String raw = body;
		if (json != null && json.isObject() && json.get("detail") != null && json.get("detail").isArray()) {
			for (JsonNode item : json.get("detail")) {
				if (item.isObject()) {
					((tools.jackson.databind.node.ObjectNode) item).remove("input");
				}
			}
			raw = json.toString();
		}
		return (raw != null && raw.length() > MAX_RAW_BODY) ? raw.substring(0, MAX_RAW_BODY) : raw;
	}

	private String detail(int status, @Nullable String body, @Nullable JsonNode json, @Nullable JsonNode detailNode,
			List<FieldError> fieldErrors) {
		if (detailNode != null && detailNode.isString()) {
			return detailNode.asString();
		}
		if (detailNode != null && detailNode.isArray()) {
			List<String> parts = new ArrayList<>();
			for (JsonNode item : detailNode) {
				String location = location(item.get("loc"));
				String message = text(item.get("msg"), item.toString());
				fieldErrors.add(new FieldError(location, message, text(item.get("type"), null)));
				parts.add(location + ": " + message);
			}
			return String.join("; ", parts);
		}
		if (detailNode != null && !detailNode.isNull()) {
			return detailNode.toString();
		}
		if (json != null) {
			return excerpt(json.toString());
		}
		if (body == null || body.isBlank()) {
			return "HTTP " + status + " error";
		}
		return "HTTP " + status + " error, non-JSON body: " + excerpt(body);
	}

	private static String location(@Nullable JsonNode loc) {
		if (loc == null || !loc.isArray()) {
			return (loc != null) ? loc.asString() : "?";
		}
		List<String> parts = new ArrayList<>();
		loc.forEach((part) -> parts.add(part.isString() ? part.asString() : part.toString()));
		return String.join(".", parts);
	}

	@Nullable private static String text(@Nullable JsonNode node, @Nullable String fallback) {
		return (node != null && node.isString()) ? node.asString() : fallback;
	}

	private static String excerpt(String text) {
		String flat = text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
		return (flat.length() > MAX_EXCERPT) ? flat.substring(0, MAX_EXCERPT) + "..." : flat;
	}

	@Nullable private JsonNode parse(@Nullable String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		String trimmed = body.trim();
		if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
			return null;
		}
		try {
			return this.mapper.readTree(trimmed);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * Reads {@code Retry-After}: whole seconds or an HTTP date, bounded to
	 * {@link SmoothRateLimitException#LONGEST_RETRY_AFTER} (a huge number of seconds or a
	 * date centuries away reads as that bound), a negative or past value as zero.
	 * @param header the header value
	 * @return the wait, or {@code null} when absent or unreadable
	 */
	@Nullable static Duration parseRetryAfter(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.trim();
		if (value.matches("-?\\d+")) {
			// any number of digits: more than a long holds is still "a very long time"
			BigInteger seconds = new BigInteger(value);
			if (seconds.signum() < 0) {
				return Duration.ZERO;
			}
			return (seconds
				.compareTo(BigInteger.valueOf(SmoothRateLimitException.LONGEST_RETRY_AFTER.getSeconds())) > 0)
						? SmoothRateLimitException.LONGEST_RETRY_AFTER : Duration.ofSeconds(seconds.longValue());
		}
		try {
			ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
			Duration until = Duration.between(ZonedDateTime.now(when.getZone()), when);
			if (until.isNegative()) {
				return Duration.ZERO;
			}
			return (until.compareTo(SmoothRateLimitException.LONGEST_RETRY_AFTER) > 0)
					? SmoothRateLimitException.LONGEST_RETRY_AFTER : until;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The typed exception for a failure below HTTP: no response within the read timeout,
	 * or a connection that could not be made or broke.
	 * @param ex the failure
	 * @param taskId the task the call is about, or {@code null}
	 * @return the exception
	 */
	static SmoothException translate(Throwable ex, @Nullable String taskId) {
		if (hasCause(ex, ReadTimeoutException.class) || hasCause(ex, TimeoutException.class)) {
			return new SmoothTimeoutException("No response from Smooth within the read timeout"
					+ ((taskId != null) ? " (task " + taskId + ")" : ""), taskId, null, ex);
		}
		if (ex instanceof WebClientRequestException || hasCause(ex, IOException.class)) {
			return new SmoothNetworkException("Request to Smooth failed: " + rootMessage(ex), taskId, ex);
		}
		return new SmoothNetworkException("Smooth call failed: " + rootMessage(ex), taskId, ex);
	}

	static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return root.getClass().getSimpleName() + ((message != null) ? ": " + Redaction.text(message) : "");
	}

	/**
	 * The text of an error body. Read as bytes, not with the String decoder, which logs
	 * the whole text at DEBUG: a 422 body echoes the rejected input, secrets included.
	 * @param response the response
	 * @return the text, empty when there is no body
	 */
	static Mono<String> errorText(ClientResponse response) {
		Charset charset = response.headers().contentType().map(MediaType::getCharset).orElse(StandardCharsets.UTF_8);
		return response.bodyToMono(byte[].class).map((bytes) -> new String(bytes, charset)).defaultIfEmpty("");
	}

}
