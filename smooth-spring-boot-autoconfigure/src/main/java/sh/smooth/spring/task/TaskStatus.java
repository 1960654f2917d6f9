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

package sh.smooth.spring.task;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The status of a task or session. The wire value is parsed once, into this enum, when a
 * response is read ({@link #of(String)}: trimmed, case-insensitive); everything that
 * tells a running task from an ended one ({@code status()}, {@code await()}, the poller)
 * asks {@link #isTerminal()} of the same value, so they always agree.
 */
public enum TaskStatus {

	/** Queued, no browser yet. */
	WAITING,

	/** The agent is working (or the session is open). */
	RUNNING,

	/** Finished successfully. */
	DONE,

	/** Finished with an error; the output usually explains it. */
	FAILED,

	/** Cancelled, or a session that was force-closed. */
	CANCELLED,

	/**
	 * A status this client does not know (such as {@code paused}). It is not terminal:
	 * the task is polled on, and waits end with the task's next known final status or
	 * their own timeout, because a status the server may add later could well be followed
	 * by more work, and ending a wait early would lose the result.
	 */
	UNKNOWN;

	/**
	 * Parses a wire value.
	 * @param value the value, such as {@code done} (surrounding blanks and case are
	 * ignored)
	 * @return the status, {@link #UNKNOWN} for new values
	 */
	@JsonCreator
	public static TaskStatus of(String value) {
		if (value == null) {
			return UNKNOWN;
		}
		try {
			return valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return UNKNOWN;
		}
	}

	/**
	 * Whether the task has ended.
	 * @return whether this is done, failed or cancelled
	 */
	public boolean isTerminal() {
		return this == DONE || this == FAILED || this == CANCELLED;
	}

	/**
	 * The wire value.
	 * @return the lower-case value
	 */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The wire value, so that a status in a message reads as the API writes it.
	 * @return the lower-case value, such as {@code done}
	 */
	@Override
	public String toString() {
		return value();
	}

}
