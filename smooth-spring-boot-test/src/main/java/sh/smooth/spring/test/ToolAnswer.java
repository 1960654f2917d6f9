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

package sh.smooth.spring.test;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * An answer a client posted to a tool call.
 *
 * @param taskId the task
 * @param toolCallId the id of the tool call (and of the answer event)
 * @param code the answer's {@code code}: 200, 400 or 500
 * @param output the answer's {@code output}
 * @param receivedAt when it arrived
 */
public record ToolAnswer(String taskId, String toolCallId, int code, JsonNode output, Instant receivedAt) {

}
