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
 * The Smooth API answered with an error status. Carries the status, the server's
 * {@code detail}, the task id the call was about (if any) and a bounded excerpt of the
 * raw body.
 */
public class SmoothApiException extends SmoothException {

	private final int status;

	private final String detail;

	@Nullable private final String taskId;

	@Nullable private final String rawBody;

	public SmoothApiException(int status, String detail, @Nullable String taskId, @Nullable String rawBody) {
		super(message(status, detail, taskId));
		this.status = status;
		this.detail = detail;
		this.taskId = taskId;
		this.rawBody = rawBody;
	}

	/**
	 * Creates an exception whose message ends with a hint of the client's, which is kept
	 * out of {@link #detail()} (that stays what the server said).
	 * @param status the HTTP status
	 * @param detail the server's detail
	 * @param taskId the task the call was about, or {@code null}
	 * @param rawBody a bounded excerpt of the body, or {@code null}
	 * @param hint what the user can do about it, or {@code null}
	 */
	protected SmoothApiException(int status, String detail, @Nullable String taskId, @Nullable String rawBody,
			@Nullable String hint) {
		super(message(status, detail, taskId) + ((hint != null) ? ". " + hint : ""));
		this.status = status;
		this.detail = detail;
		this.taskId = taskId;
		this.rawBody = rawBody;
	}

	private static String message(int status, String detail, @Nullable String taskId) {
		return "Smooth API error " + status + ((taskId != null) ? " for task " + taskId : "") + ": " + detail;
	}

	/**
	 * The HTTP status code.
	 * @return the status
	 */
	public int status() {
		return this.status;
	}

	/**
	 * The server's {@code detail} member, or a short excerpt of a non-JSON body.
	 * @return the detail
	 */
	public String detail() {
		return this.detail;
	}

	/**
	 * The task (or session) the failed call was about.
	 * @return the task id, or {@code null} for calls not about a task
	 */
	@Nullable public String taskId() {
		return this.taskId;
	}

	/**
	 * The raw response body, cut to a few kilobytes.
	 * @return the body, or {@code null} if there was none
	 */
	@Nullable public String rawBody() {
		return this.rawBody;
	}

}
