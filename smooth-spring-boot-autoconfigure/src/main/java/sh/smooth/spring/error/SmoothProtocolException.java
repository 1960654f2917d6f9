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
 * The Smooth API answered with a success status, but the body is not what the protocol
 * promises: empty, without the {@code r} envelope, or a created task without an id.
 * Carries the (2xx) status, what was wrong in {@link #detail()}, the task id when known,
 * and a bounded excerpt of the body. Never retried: for a submit, the server may have
 * created a task that cannot be followed without its id.
 */
public class SmoothProtocolException extends SmoothApiException {

	public SmoothProtocolException(int status, String detail, @Nullable String taskId, @Nullable String rawBody) {
		super(status, detail, taskId, rawBody);
	}

}
