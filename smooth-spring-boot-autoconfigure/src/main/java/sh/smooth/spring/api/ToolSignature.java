package sh.smooth.spring.api;

import tools.jackson.databind.JsonNode;

/**
 * A custom tool as declared in {@code custom_tools}: only these four fields travel.
 *
 * @param name the tool name
 * @param description what the tool does, for the agent
 * @param inputs JSON Schema of the arguments
 * @param output free-text description of the result
 */
public record ToolSignature(String name, String description, JsonNode inputs, String output) {
}
