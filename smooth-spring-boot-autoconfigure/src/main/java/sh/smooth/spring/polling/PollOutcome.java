package sh.smooth.spring.polling;

/**
 * What one poll request gave, for the {@code smooth.poll.requests} counter.
 */
public enum PollOutcome {

	/** The response carried new events. */
	EVENTS,

	/** The response carried nothing new. */
	NO_EVENTS,

	/** The task had ended. */
	TERMINAL,

	/** The poll failed after retries. */
	ERROR;

	/**
	 * The tag value.
	 * @return the lower-case name
	 */
	public String tagValue() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
