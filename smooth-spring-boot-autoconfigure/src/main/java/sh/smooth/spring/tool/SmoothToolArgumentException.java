package sh.smooth.spring.tool;

/**
 * The arguments of a tool call are missing, unknown or of the wrong type. Answered with
 * code 400; the message says which argument and what is expected, so the agent can call
 * again correctly. Programmatic tools may throw it too.
 */
public class SmoothToolArgumentException extends SmoothToolException {

	/**
	 * Creates the exception.
	 * @param message what is wrong and what is expected
	 */
	public SmoothToolArgumentException(String message) {
		super(message);
	}

}
