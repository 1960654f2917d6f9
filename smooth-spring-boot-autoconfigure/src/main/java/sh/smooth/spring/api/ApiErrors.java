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

package sh.smooth.spring.api;

import java.util.function.Function;

import sh.smooth.spring.error.SmoothApiException;
import sh.smooth.spring.error.SmoothAuthenticationException;
import sh.smooth.spring.error.SmoothBadRequestException;
import sh.smooth.spring.error.SmoothConflictException;
import sh.smooth.spring.error.SmoothNotFoundException;

/**
 * Rewrites a typed API error with a message that says what it means for the call at hand
 * (such as "profile 'x' already exists"), keeping its type, status, task id and raw body,
 * and the server's own detail in brackets.
 */
public final class ApiErrors {

	private ApiErrors() {
	}

	/**
	 * A mapping for {@code onErrorMap} that explains one status and leaves every other
	 * failure as it is.
	 * @param status the status to explain (400, 401, 403, 404 or 409)
	 * @param explanation what the status means for this call
	 * @return the mapping
	 */
	public static Function<Throwable, Throwable> explain(int status, String explanation) {
		return (ex) -> {
			if (!(ex instanceof SmoothApiException api) || api.status() != status) {
				return ex;
			}
			String detail = explanation + " (server said: " + api.detail() + ")";
			return switch (status) {
				case 400 -> new SmoothBadRequestException(status, detail, api.taskId(), api.rawBody());
				case 401, 403 -> new SmoothAuthenticationException(status, detail, api.taskId(), api.rawBody());
				case 404 -> new SmoothNotFoundException(status, detail, api.taskId(), api.rawBody());
				case 409 -> new SmoothConflictException(status, detail, api.taskId(), api.rawBody());
				default -> ex;
			};
		};
	}

}
