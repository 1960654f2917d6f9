/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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
