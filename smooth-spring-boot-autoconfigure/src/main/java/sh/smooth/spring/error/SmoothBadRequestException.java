package sh.smooth.spring.error;

import org.jspecify.annotations.Nullable;

/**
 * 400 Bad Request: the request was invalid, or (on the event endpoint) the session is
 * closed.
 */
public class SmoothBadRequestException extends SmoothApiException {

	public SmoothBadRequestException(int status, String detail, @Nullable String taskId, @Nullable String rawBody) {
		super(status, detail, taskId, rawBody);
	}

}
