package sh.smooth.spring.task;

import java.util.Arrays;
import java.util.Locale;

import sh.smooth.spring.error.SmoothValidationException;

/**
 * The agent that runs a task.
 */
public enum Agent {

	/** The full agent (the default). */
	SMOOTH("smooth"),

	/** A faster, cheaper agent for simple tasks. */
	SMOOTH_LITE("smooth-lite");

	private final String value;

	Agent(String value) {
		this.value = value;
	}

	/**
	 * The wire value.
	 * @return the value, such as {@code smooth-lite}
	 */
	public String value() {
		return this.value;
	}

	/**
	 * Parses a wire value or an enum name.
	 * @param value the value
	 * @return the agent
	 */
	public static Agent of(String value) {
		String normalized = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
		return Arrays.stream(values())
			.filter((a) -> a.value.equals(normalized))
			.findFirst()
			.orElseThrow(() -> new SmoothValidationException("agent", value, "must be one of smooth, smooth-lite"));
	}

}
