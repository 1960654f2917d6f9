package sh.smooth.spring.test;

/**
 * The statuses a Smooth task or session goes through, with their wire names.
 */
public enum TaskStatus {

	/** Accepted, the browser is not up yet. */
	WAITING("waiting"),

	/** The agent (or the session's browser) is working. */
	RUNNING("running"),

	/** Finished successfully; for a session: closed. */
	DONE("done"),

	/** Finished with an error. */
	FAILED("failed"),

	/** Cancelled by {@code DELETE /task/{id}} or by a script. */
	CANCELLED("cancelled");

	private final String wireName;

	TaskStatus(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The lower-case name used on the wire.
	 * @return the wire name
	 */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * Whether the status is final ({@code done}, {@code failed} or {@code cancelled}).
	 * @return {@code true} when the task will not change any more
	 */
	public boolean isTerminal() {
		return this == DONE || this == FAILED || this == CANCELLED;
	}

}
