package sh.smooth.spring.error;

/**
 * No API key was configured. The application starts without one; the first call fails
 * with this exception.
 */
public class SmoothMissingApiKeyException extends SmoothException {

	public SmoothMissingApiKeyException() {
		super("No Smooth API key is configured: set the property smooth.api-key, "
				+ "or the environment variable SMOOTH_API_KEY (CIRCLEMIND_API_KEY is read too). "
				+ "Get a key at https://app.smooth.sh");
	}

}
