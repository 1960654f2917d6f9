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

package sh.smooth.spring.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A wait ran out of time: {@code await}, a session action, or an HTTP read. The task
 * itself is left running.
 */
public class SmoothTimeoutException extends SmoothException {

	@Nullable private final String taskId;

	@Nullable private final Duration timeout;

	public SmoothTimeoutException(String message, @Nullable String taskId, @Nullable Duration timeout) {
		super(message);
		this.taskId = taskId;
		this.timeout = timeout;
	}

	public SmoothTimeoutException(String message, @Nullable String taskId, @Nullable Duration timeout,
			Throwable cause) {
		super(message, cause);
		this.taskId = taskId;
		this.timeout = timeout;
	}

	/**
	 * The task that was waited on.
	 * @return the task id, or {@code null}
	 */
	@Nullable public String taskId() {
		return this.taskId;
	}

	/**
	 * The time that ran out.
	 * @return the timeout, or {@code null} if unknown
	 */
	@Nullable public Duration timeout() {
		return this.timeout;
	}

}
