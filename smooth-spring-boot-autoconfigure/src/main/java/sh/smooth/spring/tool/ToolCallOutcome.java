package sh.smooth.spring.tool;

import java.util.Locale;

/**
 * How a tool call ended, for metrics ({@code smooth.tool.outcome}).
 */
public enum ToolCallOutcome {

	/** The tool returned a value (code 200). */
	SUCCESS,

	/** The tool threw a {@code SmoothToolException} (code 400). */
	TOOL_ERROR,

	/** The tool threw another exception (code 500, or 400 when not essential). */
	FAILURE,

	/** The tool ran longer than {@code smooth.tools.timeout}. */
	TIMEOUT,

	/** No tool has that name (code 400). */
	UNKNOWN_TOOL,

	/** The arguments did not bind (code 400). */
	BAD_ARGUMENTS;

	/**
	 * The tag value.
	 * @return the lower-case name
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
