package sh.smooth.spring.error;

import org.jspecify.annotations.Nullable;

/**
 * 404: the task, profile, file or extension does not exist (a cancel of a finished task
 * gets it too).
 */
public class SmoothNotFoundException extends SmoothApiException {

	public SmoothNotFoundException(int status, String detail, @Nullable String taskId, @Nullable String rawBody) {
		super(status, detail, taskId, rawBody);
	}

}
