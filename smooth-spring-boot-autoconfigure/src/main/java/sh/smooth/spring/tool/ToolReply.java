package sh.smooth.spring.tool;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The answer to a tool call: {@code {"code": code, "output": output}}.
 *
 * @param code 200 (success), 400 (the agent may adapt) or 500 (fatal: the server fails
 * the task)
 * @param output the output, {@code null} for JSON null
 */
public record ToolReply(int code, @Nullable JsonNode output) {

	/**
	 * A success.
	 * @param output the result as JSON
	 * @return the reply
	 */
	public static ToolReply success(@Nullable JsonNode output) {
		return new ToolReply(200, output);
	}

	/**
	 * An error with a message.
	 * @param code 400 or 500
	 * @param message the message the agent sees
	 * @return the reply
	 */
	public static ToolReply error(int code, String message) {
		return new ToolReply(code, JsonNodeFactory.instance.stringNode(message));
	}

}
