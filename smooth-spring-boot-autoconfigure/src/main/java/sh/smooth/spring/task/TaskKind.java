package sh.smooth.spring.task;

/**
 * Whether a Smooth task is a one-shot task or a browser session.
 */
public enum TaskKind {

	/** A one-shot task with a task text. */
	TASK,

	/** A browser session ({@code task: null}) driven by actions. */
	SESSION;

	/**
	 * The tag value.
	 * @return {@code task} or {@code session}
	 */
	public String value() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
