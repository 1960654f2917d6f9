package sh.smooth.spring.error;

import org.jspecify.annotations.Nullable;

/**
 * A typed {@code run} expected a {@code done} task but it ended {@code failed} or
 * {@code cancelled}. The agent's own explanation, if any, is in {@link #output()}.
 */
public class SmoothTaskFailedException extends SmoothException {

	private final String taskId;

	private final String status;

	@Nullable private final String output;

	public SmoothTaskFailedException(String taskId, String status, @Nullable String output) {
		super("Smooth task " + taskId + " ended with status " + status
				+ ((output != null && !output.isBlank()) ? ": " + abbreviate(output) : ""));
		this.taskId = taskId;
		this.status = status;
		this.output = output;
	}

	private static String abbreviate(String text) {
		return (text.length() > 500) ? text.substring(0, 497) + "..." : text;
	}

	/**
	 * The task id.
	 * @return the id
	 */
	public String taskId() {
		return this.taskId;
	}

	/**
	 * The final status, such as {@code failed}.
	 * @return the status
	 */
	public String status() {
		return this.status;
	}

	/**
	 * The task output as text (usually the failure description).
	 * @return the output, or {@code null}
	 */
	@Nullable public String output() {
		return this.output;
	}

}
