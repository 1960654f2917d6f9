package sh.smooth.spring.error;

import org.jspecify.annotations.Nullable;

/**
 * 401 or 403: the API key is missing, wrong, or the plan lacks the feature.
 */
public class SmoothAuthenticationException extends SmoothApiException {

	public SmoothAuthenticationException(int status, String detail, @Nullable String taskId, @Nullable String rawBody) {
		super(status, detail, taskId, rawBody);
	}

}
