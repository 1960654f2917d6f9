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

import org.jspecify.annotations.Nullable;

import sh.smooth.spring.error.SmoothValidationException;

/**
 * One page request of the task list ({@code GET /task?t=&l=}): newest first, at most
 * {@code limit} tasks created before the {@code before} cursor. Only what is set is sent:
 * without a page size, no {@code l} goes on the wire and the server's default applies.
 *
 * @param before only tasks created before this time ({@code t}); {@code null} for the
 * newest. The unit is that of the tasks' {@code created_at}, passed through unchanged
 * @param limit the page size ({@code l}), 1 to 128; {@code null} to leave it to the
 * server
 */
public record TaskQuery(@Nullable Long before, @Nullable Integer limit) {

	/**
	 * The page size the server uses when none is given. Never sent; used only to tell a
	 * short (last) page of a query without a page size.
	 */
	public static final int DEFAULT_LIMIT = 32;

	/** The largest page size the server accepts. */
	public static final int MAX_LIMIT = 128;

	/**
	 * Creates a query.
	 * @param before the cursor, or {@code null}
	 * @param limit the page size, or {@code null} for the server's default
	 */
	public TaskQuery {
		if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
			throw new SmoothValidationException("limit", limit, "must be between 1 and " + MAX_LIMIT + " (inclusive)");
		}
		if (before != null && before < 0) {
			throw new SmoothValidationException("before", before, "must not be negative");
		}
	}

	/**
	 * The newest tasks, in pages of the server's default size (32).
	 * @return the query
	 */
	public static TaskQuery latest() {
		return new TaskQuery(null, null);
	}

	/**
	 * The newest tasks, with the given page size.
	 * @param limit the page size, 1 to 128
	 * @return the query
	 */
	public static TaskQuery latest(int limit) {
		return new TaskQuery(null, limit);
	}

	/**
	 * The same page size, for tasks created before the given time.
	 * @param cursor the cursor ({@code t}), in the unit of {@code created_at}
	 * @return the query
	 */
	public TaskQuery withBefore(long cursor) {
		return new TaskQuery(cursor, this.limit);
	}

	/**
	 * The same cursor with another page size.
	 * @param pageSize the page size, 1 to 128
	 * @return the query
	 */
	public TaskQuery withLimit(int pageSize) {
		return new TaskQuery(this.before, pageSize);
	}

	/**
	 * The number of tasks a full page holds: the page size set, or the server's default.
	 * @return the page size in effect
	 */
	public int pageSize() {
		return (this.limit != null) ? this.limit : DEFAULT_LIMIT;
	}

}
