package sh.smooth.spring.tool;

/**
 * Thrown by a tool to report an error the agent can act on: answered with code 400 and
 * this message, sent as is (never replaced by {@link SmoothTool#errorMessage()}). The
 * agent sees the message and may retry or adapt; the task goes on.
 */
public class SmoothToolException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message the message for the agent
	 */
	public SmoothToolException(String message) {
		super(message);
	}

	/**
	 * Creates the exception with a cause, which is logged but not sent.
	 * @param message the message for the agent
	 * @param cause the cause
	 */
	public SmoothToolException(String message, Throwable cause) {
		super(message, cause);
	}

}
