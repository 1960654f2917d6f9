package sh.smooth.spring.error;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * 429: credits exhausted, too many concurrent sessions, or rate limited. Carries the
 * server's {@code Retry-After} when it sent one.
 */
public class SmoothRateLimitException extends SmoothApiException {

	@Nullable private final Duration retryAfter;

	public SmoothRateLimitException(int status, String detail, @Nullable String taskId, @Nullable String rawBody,
			@Nullable Duration retryAfter) {
		super(status, detail, taskId, rawBody);
		this.retryAfter = retryAfter;
	}

	/**
	 * How long the server asked to wait.
	 * @return the wait, if the server sent {@code Retry-After}
	 */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

}
