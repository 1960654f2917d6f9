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

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An event, in either direction. Outgoing events carry a client-generated id and no
 * timestamp (the key is left out, as the TypeScript SDK does).
 *
 * @param name {@code browser_action}, {@code session_action} or {@code tool_call}
 * @param payload the payload
 * @param id the correlation id
 * @param timestamp milliseconds since the epoch, set by the server
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskEvent(String name, @Nullable JsonNode payload, @Nullable String id,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long timestamp) {

	/** Event name of agent tool calls and their answers. */
	public static final String TOOL_CALL = "tool_call";

	/** Event name of browser actions (goto, extract, evaluate_js). */
	public static final String BROWSER_ACTION = "browser_action";

	/** Event name of session actions (run_task, close). */
	public static final String SESSION_ACTION = "session_action";

	/**
	 * Creates an outgoing tool answer: {@code {"code": code, "output": output}}.
	 * @param id the id of the tool call being answered
	 * @param code 200, 400 or 500
	 * @param output the output
	 * @return the event
	 */
	public static TaskEvent toolResponse(String id, int code, @Nullable JsonNode output) {
		ObjectNode payload = JsonNodeFactory.instance.objectNode();
		payload.put("code", code);
		payload.set("output", (output != null) ? output : JsonNodeFactory.instance.nullNode());
		return new TaskEvent(TOOL_CALL, payload, id, null);
	}

	/**
	 * The payload's {@code name}, for tool calls and action requests.
	 * @return the name, or {@code null}
	 */
	@Nullable public String payloadName() {
		JsonNode node = (this.payload != null) ? this.payload.get("name") : null;
		return (node != null && node.isString()) ? node.asString() : null;
	}

	/**
	 * The payload's {@code code}, for results.
	 * @return the code, or {@code null} when absent or not a number
	 */
	@Nullable public Integer payloadCode() {
		JsonNode node = (this.payload != null) ? this.payload.get("code") : null;
		return (node != null && node.isNumber()) ? node.asInt() : null;
	}

}
