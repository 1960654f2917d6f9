package sh.smooth.spring.error;

/**
 * Root of every exception the Smooth client throws, so callers can catch one type.
 */
public class SmoothException extends RuntimeException {

	public SmoothException(String message) {
		super(message);
	}

	public SmoothException(String message, Throwable cause) {
		super(message, cause);
	}

}
