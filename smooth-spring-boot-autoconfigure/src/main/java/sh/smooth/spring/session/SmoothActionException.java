package sh.smooth.spring.session;

/**
 * The server answered an action with code 400: a user-level failure, such as a page that
 * could not be loaded or JavaScript that threw. The message is the server's. The session
 * stays usable.
 */
public class SmoothActionException extends SmoothSessionException {

	private final String serverMessage;

	/**
	 * Creates an exception.
	 * @param sessionId the session id
	 * @param action the action name
	 * @param eventId the event id
	 * @param serverMessage the message from the server
	 */
	public SmoothActionException(String sessionId, String action, String eventId, String serverMessage) {
		super(describe(sessionId, action, eventId) + " failed: " + serverMessage, sessionId, action, eventId, null);
		this.serverMessage = serverMessage;
	}

	/**
	 * The server's message.
	 * @return the message
	 */
	public String serverMessage() {
		return this.serverMessage;
	}

}
