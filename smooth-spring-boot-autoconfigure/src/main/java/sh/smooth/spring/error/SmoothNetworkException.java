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

import org.jspecify.annotations.Nullable;

/**
 * The request never got an HTTP answer: connection refused or reset, DNS failure, or a
 * response that was cut off or unreadable.
 */
public class SmoothNetworkException extends SmoothException {

	@Nullable private final String taskId;

	public SmoothNetworkException(String message, @Nullable String taskId, Throwable cause) {
		super(message + ((taskId != null) ? " (task " + taskId + ")" : ""), cause);
		this.taskId = taskId;
	}

	/**
	 * The task the call was about.
	 * @return the task id, or {@code null}
	 */
	@Nullable public String taskId() {
		return this.taskId;
	}

}
