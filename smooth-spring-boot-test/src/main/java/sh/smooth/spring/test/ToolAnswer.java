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
