package sh.smooth.spring.session;

/**
 * The server answered an action with code 500 (or another unexpected code): an internal
 * failure on the server's side.
 */
public class SmoothActionFailedException extends SmoothSessionException {

	private final int code;

	private final String serverMessage;

	/**
	 * Creates an exception.
	 * @param sessionId the session id
	 * @param action the action name
	 * @param eventId the event id
	 * @param code the code the server sent
	 * @param serverMessage the message from the server
	 */
	public SmoothActionFailedException(String sessionId, String action, String eventId, int code,
			String serverMessage) {
		super(describe(sessionId, action, eventId) + " failed on the server (code " + code + "): " + serverMessage,
				sessionId, action, eventId, null);
		this.code = code;
		this.serverMessage = serverMessage;
	}

	/**
	 * The result code, normally 500.
	 * @return the code
	 */
	public int code() {
		return this.code;
	}

	/**
	 * The server's message.
	 * @return the message
	 */
	public String serverMessage() {
		return this.serverMessage;
	}

}
