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

package sh.smooth.spring.resource;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import sh.smooth.spring.task.TaskResult;

/**
 * One page of the task list.
 *
 * @param tasks the tasks, newest first, as the server sent them
 * @param query the query that produced the page
 * @param nextBefore the cursor of the next page, or {@code null} when this is the last
 */
public record TaskPage(List<TaskResult> tasks, TaskQuery query, @Nullable Long nextBefore) {

	/**
	 * Creates a page.
	 * @param tasks the tasks
	 * @param query the query
	 * @param nextBefore the next cursor, or {@code null}
	 */
	public TaskPage {
		tasks = List.copyOf(tasks);
	}

	/**
	 * Whether another page may follow.
	 * @return whether to ask for the next page
	 */
	public boolean hasNext() {
		return this.nextBefore != null;
	}

	/**
	 * The query of the next page.
	 * @return the query, or empty after the last page
	 */
	public Optional<TaskQuery> nextQuery() {
		return (this.nextBefore != null) ? Optional.of(this.query.withBefore(this.nextBefore)) : Optional.empty();
	}

}
