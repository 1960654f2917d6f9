package sh.smooth.spring.error;

import org.jspecify.annotations.Nullable;

/**
 * 409: the resource already exists (for example a profile id).
 */
public class SmoothConflictException extends SmoothApiException {

	public SmoothConflictException(int status, String detail, @Nullable String taskId, @Nullable String rawBody) {
		super(status, detail, taskId, rawBody);
	}

}
