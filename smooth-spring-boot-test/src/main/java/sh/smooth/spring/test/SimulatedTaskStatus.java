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

package sh.smooth.spring.test;

/**
 * The statuses a Smooth task or session goes through, with their wire names.
 */
public enum SimulatedTaskStatus {

	/** Accepted, the browser is not up yet. */
	WAITING("waiting"),

	/** The agent (or the session's browser) is working. */
	RUNNING("running"),

	/** Finished successfully; for a session: closed. */
	DONE("done"),

	/** Finished with an error. */
	FAILED("failed"),

	/** Cancelled by {@code DELETE /task/{id}} or by a script. */
	CANCELLED("cancelled");

	private final String wireName;

	SimulatedTaskStatus(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The lower-case name used on the wire.
	 * @return the wire name
	 */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * Whether the status is final ({@code done}, {@code failed} or {@code cancelled}).
	 * @return {@code true} when the task will not change any more
	 */
	public boolean isTerminal() {
		return this == DONE || this == FAILED || this == CANCELLED;
	}

}
