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

import org.jspecify.annotations.Nullable;

import sh.smooth.spring.api.TaskKind;
import sh.smooth.spring.api.TaskRequest;

/**
 * A task or session about to start (or being attached to), as seen by
 * {@link TaskSupport}s.
 *
 * @param kind task or session
 * @param request the request body, {@code null} when attaching to an existing task
 * @param tools the custom tools selection
 */
public record TaskStart(TaskKind kind, @Nullable TaskRequest request, ToolSelection tools) {

	/**
	 * A copy with another request body.
	 * @param next the body
	 * @return the copy
	 */
	public TaskStart withRequest(TaskRequest next) {
		return new TaskStart(this.kind, next, this.tools);
	}

}
