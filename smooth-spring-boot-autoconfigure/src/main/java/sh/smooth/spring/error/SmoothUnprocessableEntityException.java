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

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * 422: the server rejected the body. The array form of {@code detail} is parsed into
 * {@link FieldError field errors}.
 */
public class SmoothUnprocessableEntityException extends SmoothApiException {

	private final List<FieldError> fieldErrors;

	public SmoothUnprocessableEntityException(int status, String detail, @Nullable String taskId,
			@Nullable String rawBody, List<FieldError> fieldErrors) {
		super(status, detail, taskId, rawBody);
		this.fieldErrors = List.copyOf(fieldErrors);
	}

	/**
	 * The field errors the server listed, empty when {@code detail} was a plain string.
	 * @return the field errors
	 */
	public List<FieldError> fieldErrors() {
		return this.fieldErrors;
	}

	/**
	 * One entry of a FastAPI-style validation error.
	 *
	 * @param location the path of the offending field, such as {@code body.max_steps}
	 * @param message the server's message
	 * @param type the error type, such as {@code less_than_equal}
	 */
	public record FieldError(String location, String message, @Nullable String type) {
	}

}
