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

package sh.smooth.spring.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import sh.smooth.spring.api.TaskEvent;
import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.runtime.TaskRun;
import sh.smooth.spring.runtime.TaskRunListener;

/**
 * One task the {@link FleetMember} follows: moves its stored event cursor, never past a
 * tool call whose answer the server has not accepted (so an heir sees the call again),
 * and records its end. Its store calls run one after the other, in order.
 */
final class FollowedTask implements TaskRunListener {

	private static final Log logger = LogFactory.getLog(FollowedTask.class);

	private final FleetMember member;

	private final String taskId;

	private final @Nullable String correlationKey;

	private final boolean takenOver;

	/**
	 * Tool calls whose answer the server has not accepted, by id: their timestamps.
	 */
	private final Map<String, Long> pending = new HashMap<>();

	private long newest;

	private long storedCursor;

	private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

	FollowedTask(FleetMember member, String taskId, @Nullable String correlationKey, boolean takenOver) {
		this.member = member;
		this.taskId = taskId;
		this.correlationKey = correlationKey;
		this.takenOver = takenOver;
	}

	/**
	 * Completes once the store calls asked for so far have run.
	 */
	synchronized CompletableFuture<Void> written() {
		return this.tail;
	}

	synchronized void serial(Runnable work) {
		this.tail = this.tail.thenRunAsync(() -> {
			if (this.member.isActive()) {
				work.run();
			}
		}, this.member.calls().executor()).exceptionally((error) -> {
			logger.warn("A task store call for Smooth task " + this.taskId + " failed", error);
			return null;
		});
	}

	/**
	 * Records the task's row, with its idempotency key, and frees the queue entry
	 * (ticket) whose slot it now holds.
	 */
	void insert(TaskStore.StoredTask row, @Nullable Long ticket) {
		serial(() -> {
			TaskStore store = this.member.store();
			store.insert(row, this.member.settings().lease());
			if (row.idempotencyKey() != null) {
				store.submitCreated(row.idempotencyKey(), this.taskId);
			}
			if (ticket != null) {
				// the slot now counts as a running task
				store.dequeue(ticket);
			}
		});
	}

	@Override
	public void onEvents(TaskRun run, List<TaskEvent> events) {
		synchronized (this) {
			for (TaskEvent event : events) {
				Long timestamp = event.timestamp();
				if (timestamp != null && timestamp > this.newest) {
					this.newest = timestamp;
				}
				if (!TaskEvent.TOOL_CALL.equals(event.name()) || event.id() == null) {
					continue;
				}
				if (event.payloadCode() == null) {
					this.pending.putIfAbsent(event.id(), (timestamp != null) ? timestamp : this.newest);
				}
				else {
					this.pending.remove(event.id());
				}
			}
		}
		moveCursor();
	}

	void accepted(String eventId) {
		synchronized (this) {
			this.pending.remove(eventId);
		}
		moveCursor();
	}

	private void moveCursor() {
		long cursor;
		synchronized (this) {
			long base = this.pending.values().stream().mapToLong(Long::longValue).min().orElse(this.newest);
			// one millisecond behind: events sharing the millisecond are read again
			cursor = Math.max(0, base - 1);
			if (cursor <= this.storedCursor) {
				return;
			}
			this.storedCursor = cursor;
		}
		serial(() -> this.member.store().moveCursor(this.taskId, this.member.instanceId(), cursor));
	}

	@Override
	public void onTerminal(TaskRun run, TaskResponse response) {
		this.member.unfollow(this.taskId);
		serial(() -> {
			if (this.member.store().finish(this.taskId, response.status().value())) {
				this.member.completed(this.taskId, this.correlationKey, this.takenOver, response);
			}
		});
	}

	@Override
	public void onFailure(TaskRun run, Throwable error) {
		this.member.unfollow(this.taskId);
		if (!this.member.isActive()) {
			// shutting down (or dead): the heir takes the task over
			return;
		}
		// polling gave up here: another instance (or this one) tries again
		serial(() -> this.member.store().releaseTask(this.taskId, this.member.instanceId()));
	}

}
