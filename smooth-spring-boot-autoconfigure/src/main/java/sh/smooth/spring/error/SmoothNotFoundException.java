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

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * 404: the task, profile, file or extension does not exist (a cancel of a finished task
 * gets it too).
 */
public class SmoothNotFoundException extends SmoothApiException {

	public SmoothNotFoundException(int status, String detail, @Nullable String taskId, @Nullable String rawBody) {
		super(status, detail, taskId, rawBody);
	}

	/**
	 * Creates the exception for a call to a known URL, whose message names that URL and,
	 * when its path has no {@code /api/v1}, says that {@code smooth.base-url} needs it.
	 * @param status the HTTP status (404)
	 * @param detail the server's detail
	 * @param taskId the task the call was about, or {@code null}
	 * @param rawBody a bounded excerpt of the body, or {@code null}
	 * @param url the URL that was called, or {@code null}
	 */
	public SmoothNotFoundException(int status, String detail, @Nullable String taskId, @Nullable String rawBody,
			@Nullable URI url) {
		super(status, detail, taskId, rawBody, hint(url));
	}

	private static @Nullable String hint(@Nullable URI url) {
		if (url == null) {
			return null;
		}
		// no query: it may carry an id or a token; no user-info: it may carry a password
		String called = Redaction.url(url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath());
		String path = (url.getRawPath() != null) ? url.getRawPath() : "";
		if (!path.matches(".*/api/v\\d+(/.*)?")) {
			return "The URL called was " + called + ", whose path has no /api/v1: smooth.base-url "
					+ "must include the version segment, such as https://api.smooth.sh/api/v1";
		}
		return "The URL called was " + called;
	}

}
