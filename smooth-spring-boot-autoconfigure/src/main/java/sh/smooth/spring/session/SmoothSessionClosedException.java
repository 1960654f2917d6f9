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

/**
 * The session ended (or was closed) before an action got its result, or an action was
 * called on a closed session. {@link #status()} names the final status.
 */
public class SmoothSessionClosedException extends SmoothSessionException {

	private final String status;

	/**
	 * Creates an exception.
	 * @param sessionId the session id
	 * @param action the action name
	 * @param eventId the event id, or {@code null} when the action was not sent
	 * @param status the final status ({@code done}, {@code failed}, {@code cancelled}),
	 * {@code closed} after a local close, or {@code unknown} when polling failed
	 * @param cause the poll failure, or {@code null}
	 */
	public SmoothSessionClosedException(String sessionId, String action, @Nullable String eventId, String status,
			@Nullable Throwable cause) {
		super(describe(sessionId, action, eventId) + " cannot complete: the session has ended with status " + status
				+ ((cause != null) ? " (" + cause.getMessage() + ")" : ""), sessionId, action, eventId, cause);
		this.status = status;
	}

	/**
	 * The final status of the session.
	 * @return {@code done}, {@code failed}, {@code cancelled}, {@code closed} or
	 * {@code unknown}
	 */
	public String status() {
		return this.status;
	}

}
