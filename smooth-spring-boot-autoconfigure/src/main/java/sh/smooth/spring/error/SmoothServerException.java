package sh.smooth.spring.error;

import org.jspecify.annotations.Nullable;

/**
 * 5xx: the server failed; idempotent calls were retried before this was thrown.
 */
public class SmoothServerException extends SmoothApiException {

	public SmoothServerException(int status, String detail, @Nullable String taskId, @Nullable String rawBody) {
		super(status, detail, taskId, rawBody);
	}

}
