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

import org.jspecify.annotations.Nullable;

import sh.smooth.spring.error.SmoothException;

/**
 * Root of the errors of a session action: names the session, the action and the event id,
 * so a failure can be matched with the server's records.
 */
public class SmoothSessionException extends SmoothException {

	private final String sessionId;

	private final @Nullable String action;

	private final @Nullable String eventId;

	/**
	 * Creates an exception.
	 * @param message the message
	 * @param sessionId the session (task) id
	 * @param action the action name, such as {@code goto}, or {@code null}
	 * @param eventId the action's event id, or {@code null}
	 * @param cause the cause, or {@code null}
	 */
	public SmoothSessionException(String message, String sessionId, @Nullable String action, @Nullable String eventId,
			@Nullable Throwable cause) {
		super(message, cause);
		this.sessionId = sessionId;
		this.action = action;
		this.eventId = eventId;
	}

	/**
	 * The session id (the task id).
	 * @return the id
	 */
	public String sessionId() {
		return this.sessionId;
	}

	/**
	 * The action: {@code goto}, {@code extract}, {@code evaluate_js}, {@code run_task} or
	 * {@code close}.
	 * @return the action, or {@code null} when the error is not about one action
	 */
	public @Nullable String action() {
		return this.action;
	}

	/**
	 * The client-generated event id of the action.
	 * @return the id, or {@code null} when the action was never sent
	 */
	public @Nullable String eventId() {
		return this.eventId;
	}

	static String describe(String sessionId, @Nullable String action, @Nullable String eventId) {
		return "Action " + action + ((eventId != null) ? " (event " + eventId + ")" : "") + " of Smooth session "
				+ sessionId;
	}

}
