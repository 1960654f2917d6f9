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

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import sh.smooth.spring.error.SmoothProtocolException;
import sh.smooth.spring.task.TaskStatus;

/**
 * Reads the task a {@code POST /task} created. Only {@code r.id} is required (reference
 * 3.2): without it the task, if the server made one, cannot be followed, which is a
 * {@link SmoothProtocolException} carrying the status and a bounded body.
 */
final class CreatedTask {

	/** The longest body excerpt kept on the exception. */
	private static final int MAX_RAW_BODY = 4096;

	private CreatedTask() {
	}

	static TaskResponse read(ApiTransport.Reply reply, ApiTransport transport) {
		JsonNode r = reply.r();
		if (!r.isObject()) {
			String problem = (reply.body().length == 0) ? "an empty body"
					: (r.isNull() || r.isMissingNode()) ? "no task in its \"r\" member"
							: "\"r\" is " + r.getNodeType().name().toLowerCase(Locale.ROOT) + ", not a task";
			throw unusable(reply, problem);
		}
		JsonNode id = r.get("id");
		if (id == null || !id.isString() || id.asString().isBlank()) {
			throw unusable(reply, "the created task has no id");
		}
		JsonNode status = r.get("status");
		if (status == null || !status.isString()) {
			// only r.id is required of a submit's answer; its status is read by the polls
			r = ((ObjectNode) r.deepCopy()).put("status", TaskStatus.WAITING.value());
		}
		return transport.convert(r, TaskResponse.class, null);
	}

	private static SmoothProtocolException unusable(ApiTransport.Reply reply, String problem) {
		String text = new String(reply.body(), StandardCharsets.UTF_8);
		return new SmoothProtocolException(reply.status(),
				"Smooth answered POST /task with " + reply.status() + " but " + problem
						+ "; a task may have been created that cannot be followed without its id",
				null, (text.length() > MAX_RAW_BODY) ? text.substring(0, MAX_RAW_BODY) : text);
	}

}
