package sh.smooth.spring.api;

/**
 * Whether a call may be repeated after it may have reached the server.
 */
public enum CallSafety {

	/**
	 * Repeating is harmless (GET, DELETE, a tool answer with the same event id): retried
	 * on 5xx, 429, timeouts and connection errors.
	 */
	IDEMPOTENT,

	/**
	 * Repeating could burn credits (POST /task, a session action): retried only when the
	 * connection was refused, so nothing was sent.
	 */
	NOT_IDEMPOTENT

}
