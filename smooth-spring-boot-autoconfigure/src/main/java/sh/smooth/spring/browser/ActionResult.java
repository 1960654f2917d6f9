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

package sh.smooth.spring.browser;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.core.ParameterizedTypeReference;

import sh.smooth.spring.support.OutputConverter;

/**
 * The successful result of a session action: its output, the credits it cost and how long
 * the server worked on it.
 */
public final class ActionResult {

	private final String action;

	private final String eventId;

	private final JsonNode output;

	private final long creditsUsed;

	private final Duration duration;

	private final OutputConverter converter;

	private ActionResult(String action, String eventId, JsonNode output, long creditsUsed, Duration duration,
			OutputConverter converter) {
		this.action = action;
		this.eventId = eventId;
		this.output = output;
		this.creditsUsed = creditsUsed;
		this.duration = duration;
		this.converter = converter;
	}

	/**
	 * Reads a result payload's {@code output} in either shape the server uses: the SDK
	 * shape {@code {output, credits_used, duration}} or the plain value. Made by the
	 * session feature from a result event; public so that tests of code that uses browser
	 * actions can make one.
	 * @param action the action name
	 * @param eventId the event id
	 * @param payloadOutput the payload's {@code output} member, or {@code null}
	 * @param converter converts the output to Java types
	 * @return the result
	 */
	public static ActionResult of(String action, String eventId, @Nullable JsonNode payloadOutput,
			OutputConverter converter) {
		JsonNode value = (payloadOutput != null) ? payloadOutput : JsonNodeFactory.instance.nullNode();
		if (value.isObject() && (value.has("output") || value.has("credits_used") || value.has("duration"))) {
			JsonNode inner = value.get("output");
			return new ActionResult(action, eventId, (inner != null) ? inner : JsonNodeFactory.instance.nullNode(),
					credits(value.get("credits_used")), seconds(value.get("duration")), converter);
		}
		return new ActionResult(action, eventId, value, 0, Duration.ZERO, converter);
	}

	private static long credits(@Nullable JsonNode node) {
		return (node != null && node.isNumber()) ? Math.round(node.asDouble()) : 0;
	}

	private static Duration seconds(@Nullable JsonNode node) {
		if (node == null || !node.isNumber() || node.asDouble() <= 0) {
			return Duration.ZERO;
		}
		return Duration.ofNanos(Math.round(node.asDouble() * 1_000_000_000d));
	}

	/**
	 * The action: {@code goto}, {@code extract}, {@code evaluate_js}, {@code run_task} or
	 * {@code close}.
	 * @return the action name
	 */
	public String action() {
		return this.action;
	}

	/**
	 * The client-generated event id of the action.
	 * @return the id
	 */
	public String eventId() {
		return this.eventId;
	}

	/**
	 * The output as JSON: extracted data, the JavaScript return value, the agent's
	 * answer, or a JSON null (for {@code goto}).
	 * @return the output, never {@code null}
	 */
	public JsonNode output() {
		return this.output;
	}

	/**
	 * The output as text: a JSON string as is, anything else as JSON.
	 * @return the text, or {@code null} when the output is null
	 */
	public @Nullable String outputText() {
		if (this.output.isNull() || this.output.isMissingNode()) {
			return null;
		}
		return this.output.isString() ? this.output.asString() : this.output.toString();
	}

	/**
	 * The output converted to a type.
	 * @param <T> the type
	 * @param type the type
	 * @return the value, {@code null} when the output is null
	 */
	public <T> @Nullable T output(Class<T> type) {
		return this.converter.convert(this.output, type);
	}

	/**
	 * The output converted to a generic type, such as {@code List<Flight>}.
	 * @param <T> the type
	 * @param type the type reference
	 * @return the value, {@code null} when the output is null
	 */
	public <T> @Nullable T output(ParameterizedTypeReference<T> type) {
		return this.converter.convert(this.output, type.getType());
	}

	/**
	 * Credits the action cost (1 credit = USD 0.01).
	 * @return the credits, 0 when the server did not say
	 */
	public long creditsUsed() {
		return this.creditsUsed;
	}

	/**
	 * How long the server worked on the action.
	 * @return the duration, zero when the server did not say
	 */
	public Duration duration() {
		return this.duration;
	}

	@Override
	public String toString() {
		// the output may hold page data: it is left out
		return "ActionResult[action=" + this.action + ", eventId=" + this.eventId + ", creditsUsed=" + this.creditsUsed
				+ ", duration=" + this.duration + "]";
	}

}
