package sh.smooth.spring.error;

import org.jspecify.annotations.Nullable;

/**
 * The request never got an HTTP answer: connection refused or reset, DNS failure, or a
 * response that was cut off or unreadable.
 */
public class SmoothNetworkException extends SmoothException {

	@Nullable private final String taskId;

	public SmoothNetworkException(String message, @Nullable String taskId, Throwable cause) {
		super(message + ((taskId != null) ? " (task " + taskId + ")" : ""), cause);
		this.taskId = taskId;
	}

	/**
	 * The task the call was about.
	 * @return the task id, or {@code null}
	 */
	@Nullable public String taskId() {
		return this.taskId;
	}

}
