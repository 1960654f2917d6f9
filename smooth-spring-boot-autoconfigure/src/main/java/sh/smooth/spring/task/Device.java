package sh.smooth.spring.task;

import java.util.Arrays;
import java.util.Locale;

import sh.smooth.spring.error.SmoothValidationException;

/**
 * The browser device the agent uses.
 */
public enum Device {

	/** A desktop browser (the default). */
	DESKTOP("desktop"),

	/** A mobile browser. */
	MOBILE("mobile"),

	/** A large desktop viewport. */
	DESKTOP_LG("desktop-lg");

	private final String value;

	Device(String value) {
		this.value = value;
	}

	/**
	 * The wire value.
	 * @return the value, such as {@code desktop-lg}
	 */
	public String value() {
		return this.value;
	}

	/**
	 * Parses a wire value or an enum name.
	 * @param value the value
	 * @return the device
	 */
	public static Device of(String value) {
		String normalized = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
		return Arrays.stream(values())
			.filter((d) -> d.value.equals(normalized))
			.findFirst()
			.orElseThrow(
					() -> new SmoothValidationException("device", value, "must be one of desktop, mobile, desktop-lg"));
	}

}
