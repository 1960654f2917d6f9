/**
 * Custom tools: {@code @SmoothTool} bean methods and {@code SmoothToolCallback}s, their
 * discovery, input schemas and dispatch of the agent's {@code tool_call} events.
 */
@NullMarked
package sh.smooth.spring.tool;

import org.jspecify.annotations.NullMarked;
