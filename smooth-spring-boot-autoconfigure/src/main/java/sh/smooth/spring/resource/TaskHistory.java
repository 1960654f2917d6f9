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

import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;

import sh.smooth.spring.api.ApiErrors;
import sh.smooth.spring.api.ResourceApi;
import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.support.Futures;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.support.Validate;

/**
 * The history of past tasks: the task list ({@code GET /task}, paged with the
 * {@code t}/{@code l} cursor, each sent only when set) and the zero-data-retention delete
 * ({@code DELETE /task/{id}/data}). Each call blocks its caller, bounded by the client's
 * call timeout. Thread-safe.
 */
public final class TaskHistory {

	private final ResourceApi api;

	private final Function<TaskResponse, TaskResult> results;

	private final Duration timeout;

	/**
	 * Creates the task history.
	 * @param api the API client
	 * @param results makes the result of a listed task (the runtime's, so results are
	 * made in one place)
	 * @param timeout the bound of one call
	 */
	public TaskHistory(SmoothApiClient api, Function<TaskResponse, TaskResult> results, Duration timeout) {
		this.api = api.resources();
		this.results = Validate.notNull("results", results);
		this.timeout = Validate.positive("timeout", timeout);
	}

	/**
	 * Reads one page of tasks. The next page, if any, is
	 * {@code list(page.nextQuery().get())}: its cursor is the smallest {@code created_at}
	 * of this page, and a page shorter than the limit is the last.
	 * @param query the cursor and page size
	 * @return the page
	 */
	public TaskPage list(TaskQuery query) {
		Validate.notNull("query", query);
		List<TaskResponse> tasks = Futures.await(this.api.listTasks(query.before(), query.limit()), this.timeout, null,
				"the task list");
		return new TaskPage(tasks.stream().map((task) -> this.results.apply(task)).toList(), query,
				nextBefore(tasks, query));
	}

	/**
	 * Every task matching the query, newest first, reading pages lazily: a page is
	 * fetched only when the stream reaches it, so {@code stream(q).limit(10)} reads as
	 * few pages as it needs. API errors surface from the terminal operation.
	 * @param query the first cursor and the page size
	 * @return the tasks
	 */
	public Stream<TaskResult> stream(TaskQuery query) {
		Validate.notNull("query", query);
		return StreamSupport.stream(
				Spliterators.spliteratorUnknownSize(new Pages(query), Spliterator.ORDERED | Spliterator.NONNULL),
				false);
	}

	/**
	 * Permanently deletes the stored data of a finished task (zero data retention). An
	 * enterprise feature, enabled by Smooth on request.
	 * @param taskId the task
	 * @throws sh.smooth.spring.error.SmoothAuthenticationException (403) if the account
	 * does not have zero data retention
	 * @throws sh.smooth.spring.error.SmoothNotFoundException (404) if the task does not
	 * exist
	 */
	public void deleteData(String taskId) {
		Validate.notBlank("taskId", taskId);
		Futures.await(
				this.api.deleteTaskData(taskId)
					.onErrorMap(ApiErrors.explain(403,
							"deleting task data (zero data retention) is an enterprise feature that Smooth enables on "
									+ "request; this API key's account does not have it"))
					.onErrorMap(ApiErrors.explain(404, "task '" + taskId + "' does not exist")),
				this.timeout, taskId, "the data deletion");
	}

	private static @Nullable Long nextBefore(List<TaskResponse> tasks, TaskQuery query) {
		if (tasks.size() < query.pageSize()) {
			return null;
		}
		Long oldest = null;
		for (TaskResponse task : tasks) {
			Long created = task.createdAt();
			if (created != null && (oldest == null || created < oldest)) {
				oldest = created;
			}
		}
		// a server that ignores the cursor would otherwise be paged forever
		if (oldest == null || (query.before() != null && oldest >= query.before())) {
			return null;
		}
		return oldest;
	}

	@Override
	public String toString() {
		return "TaskHistory";
	}

	/**
	 * Walks the pages on demand.
	 */
	private final class Pages implements Iterator<TaskResult> {

		private Iterator<TaskResult> current = Collections.emptyIterator();

		private Optional<TaskQuery> next;

		Pages(TaskQuery first) {
			this.next = Optional.of(first);
		}

		@Override
		public boolean hasNext() {
			while (!this.current.hasNext()) {
				if (this.next.isEmpty()) {
					return false;
				}
				TaskPage page = list(this.next.get());
				this.current = page.tasks().iterator();
				this.next = page.nextQuery();
			}
			return true;
		}

		@Override
		public TaskResult next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			return this.current.next();
		}

	}

}
