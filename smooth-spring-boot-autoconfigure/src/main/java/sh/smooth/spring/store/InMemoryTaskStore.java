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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import sh.smooth.spring.support.Validate;

/**
 * The default {@link TaskStore}: the records of one instance, in memory, lost with it. It
 * follows the same rules as {@link JdbcTaskStore}, under one lock: a take-over takes each
 * expired task once, a tool call is claimed once, an idempotency key once, and the queue
 * is served in order. With it, a single instance behaves as without a store: no other
 * instance can take anything over. An ended task is forgotten at once, unless it has an
 * idempotency key (then it is kept, so that the key keeps returning it). Thread-safe.
 */
public final class InMemoryTaskStore implements TaskStore {

	private final Clock clock;

	private final Map<String, Row> tasks = new LinkedHashMap<>();

	private final Map<String, Claim> toolCalls = new HashMap<>();

	private final Map<String, Submit> submits = new HashMap<>();

	private final TreeMap<Long, Entry> queue = new TreeMap<>();

	private long nextTicket = 1;

	/**
	 * Creates an empty store on the system clock.
	 */
	public InMemoryTaskStore() {
		this(Clock.systemUTC());
	}

	/**
	 * Creates an empty store.
	 * @param clock measures the leases
	 */
	public InMemoryTaskStore(Clock clock) {
		this.clock = Validate.notNull("clock", clock);
	}

	private Instant until(Duration lease) {
		return this.clock.instant().plus(lease);
	}

	private boolean expired(Instant leaseUntil) {
		return !leaseUntil.isAfter(this.clock.instant());
	}

	@Override
	public synchronized boolean insert(StoredTask task, Duration lease) {
		if (this.tasks.containsKey(task.taskId())) {
			return false;
		}
		this.tasks.put(task.taskId(), new Row(task, until(lease)));
		return true;
	}

	@Override
	public synchronized Optional<StoredTask> find(String taskId) {
		Row row = this.tasks.get(taskId);
		return (row != null) ? Optional.of(row.task) : Optional.empty();
	}

	@Override
	public synchronized int renew(String ownerId, Duration lease) {
		Instant until = until(lease);
		int owned = 0;
		for (Row row : this.tasks.values()) {
			if (row.task.isRunning() && row.task.ownerId().equals(ownerId)) {
				row.leaseUntil = until;
				owned++;
			}
		}
		for (Entry entry : this.queue.values()) {
			if (entry.ownerId.equals(ownerId)) {
				entry.leaseUntil = until;
			}
		}
		for (Submit submit : this.submits.values()) {
			if (submit.taskId == null && submit.ownerId.equals(ownerId)) {
				submit.leaseUntil = until;
			}
		}
		return owned;
	}

	@Override
	public synchronized boolean owns(String taskId, String ownerId) {
		Row row = this.tasks.get(taskId);
		return row != null && row.task.isRunning() && row.task.ownerId().equals(ownerId);
	}

	@Override
	public synchronized List<StoredTask> takeOverExpired(String ownerId, Duration lease, int limit) {
		List<StoredTask> taken = new ArrayList<>();
		for (Row row : this.tasks.values()) {
			if (taken.size() >= limit) {
				break;
			}
			if (row.task.isRunning() && expired(row.leaseUntil)) {
				StoredTask old = row.task;
				row.task = new StoredTask(old.taskId(), old.kind(), ownerId, old.eventCursor(), old.correlationKey(),
						old.idempotencyKey(), old.status(), true);
				row.leaseUntil = until(lease);
				taken.add(row.task);
			}
		}
		return taken;
	}

	@Override
	public synchronized void release(String ownerId) {
		Instant now = this.clock.instant();
		this.tasks.values()
			.stream()
			.filter((row) -> row.task.ownerId().equals(ownerId))
			.forEach((row) -> row.leaseUntil = now);
		this.queue.values().removeIf((entry) -> entry.ownerId.equals(ownerId));
		this.submits.values().removeIf((submit) -> submit.taskId == null && submit.ownerId.equals(ownerId));
	}

	@Override
	public synchronized void releaseTask(String taskId, String ownerId) {
		Row row = this.tasks.get(taskId);
		if (row != null && row.task.ownerId().equals(ownerId)) {
			row.leaseUntil = this.clock.instant();
		}
	}

	@Override
	public synchronized void moveCursor(String taskId, String ownerId, long eventCursor) {
		Row row = this.tasks.get(taskId);
		if (row != null && row.task.ownerId().equals(ownerId)) {
			StoredTask old = row.task;
			row.task = new StoredTask(old.taskId(), old.kind(), old.ownerId(), eventCursor, old.correlationKey(),
					old.idempotencyKey(), old.status(), old.takenOver());
		}
	}

	@Override
	public synchronized boolean finish(String taskId, String status) {
		Row row = this.tasks.get(taskId);
		if (row == null || !row.task.isRunning()) {
			return false;
		}
		StoredTask old = row.task;
		if (old.idempotencyKey() == null) {
			// nothing can ask for an ended task again: one instance must not grow forever
			this.tasks.remove(taskId);
			return true;
		}
		row.task = new StoredTask(old.taskId(), old.kind(), old.ownerId(), old.eventCursor(), old.correlationKey(),
				old.idempotencyKey(), status, old.takenOver());
		return true;
	}

	@Override
	public synchronized ToolClaim claimToolCall(String taskId, String eventId, String ownerId) {
		Row row = this.tasks.get(taskId);
		if (row != null && !row.task.ownerId().equals(ownerId)) {
			return new ToolClaim(ToolClaim.Outcome.NOT_OWNER, null);
		}
		String key = taskId + '\n' + eventId;
		Claim claim = this.toolCalls.get(key);
		if (claim == null) {
			this.toolCalls.put(key, new Claim(ownerId));
			return ToolClaim.CLAIMED;
		}
		if (claim.answer != null) {
			return claim.accepted ? new ToolClaim(ToolClaim.Outcome.ACCEPTED, null)
					: new ToolClaim(ToolClaim.Outcome.RECORDED, claim.answer);
		}
		if (claim.ownerId.equals(ownerId)) {
			return new ToolClaim(ToolClaim.Outcome.RUNNING_HERE, null);
		}
		claim.ownerId = ownerId;
		return new ToolClaim(ToolClaim.Outcome.INTERRUPTED, null);
	}

	@Override
	public synchronized boolean recordAnswer(String taskId, String eventId, String ownerId, String answer) {
		Claim claim = this.toolCalls.get(taskId + '\n' + eventId);
		if (claim == null || claim.answer != null || !claim.ownerId.equals(ownerId)) {
			return false;
		}
		claim.answer = answer;
		return true;
	}

	@Override
	public synchronized void answerAccepted(String taskId, String eventId) {
		Claim claim = this.toolCalls.get(taskId + '\n' + eventId);
		if (claim != null && claim.answer != null) {
			claim.accepted = true;
		}
	}

	@Override
	public synchronized SubmitClaim claimSubmit(String key, String ownerId, Duration lease) {
		for (Row row : this.tasks.values()) {
			// recorded, but its creator died before it could note it on the key
			if (key.equals(row.task.idempotencyKey())) {
				return new SubmitClaim(false, row.task.taskId());
			}
		}
		Submit submit = this.submits.get(key);
		if (submit == null || (submit.taskId == null && expired(submit.leaseUntil))) {
			this.submits.put(key, new Submit(ownerId, until(lease)));
			return new SubmitClaim(true, null);
		}
		return new SubmitClaim(false, submit.taskId);
	}

	@Override
	public synchronized void submitCreated(String key, String taskId) {
		Submit submit = this.submits.get(key);
		if (submit != null) {
			submit.taskId = taskId;
		}
	}

	@Override
	public synchronized void releaseSubmit(String key, String ownerId) {
		Submit submit = this.submits.get(key);
		if (submit != null && submit.taskId == null && submit.ownerId.equals(ownerId)) {
			this.submits.remove(key);
		}
	}

	@Override
	public synchronized long enqueue(String ownerId, Duration lease) {
		long ticket = this.nextTicket++;
		this.queue.put(ticket, new Entry(ownerId, until(lease)));
		return ticket;
	}

	@Override
	public synchronized boolean acquire(long ticket, int limit) {
		Entry entry = this.queue.get(ticket);
		if (entry == null) {
			return false;
		}
		if (entry.creating) {
			return true;
		}
		long busy = this.tasks.values().stream().filter((row) -> row.task.isRunning()).count()
				+ this.queue.values().stream().filter((other) -> other.creating && !expired(other.leaseUntil)).count();
		if (busy >= limit) {
			return false;
		}
		for (Map.Entry<Long, Entry> head : this.queue.entrySet()) {
			Entry candidate = head.getValue();
			if (!candidate.creating && !expired(candidate.leaseUntil)) {
				if (head.getKey() != ticket) {
					// an earlier live submit goes first
					return false;
				}
				break;
			}
		}
		entry.creating = true;
		return true;
	}

	@Override
	public synchronized void requeue(long ticket) {
		Entry entry = this.queue.get(ticket);
		if (entry != null) {
			entry.creating = false;
		}
	}

	@Override
	public synchronized void dequeue(long ticket) {
		this.queue.remove(ticket);
	}

	@Override
	public synchronized int queued() {
		return (int) this.queue.values().stream().filter((entry) -> !entry.creating).count();
	}

	@Override
	public synchronized int purgeExpired() {
		int before = this.queue.size() + this.submits.size();
		this.queue.values().removeIf((entry) -> expired(entry.leaseUntil));
		this.submits.values().removeIf((submit) -> submit.taskId == null && expired(submit.leaseUntil));
		return before - this.queue.size() - this.submits.size();
	}

	/**
	 * Lives in this JVM: no other instance sees it.
	 * @return {@code false}
	 */
	@Override
	public boolean shared() {
		return false;
	}

	/**
	 * Its calls take a lock and touch maps, nothing more.
	 * @return {@code false}
	 */
	@Override
	public boolean blocking() {
		return false;
	}

	@Override
	public String toString() {
		return "InMemoryTaskStore";
	}

	private static final class Row {

		StoredTask task;

		Instant leaseUntil;

		Row(StoredTask task, Instant leaseUntil) {
			this.task = task;
			this.leaseUntil = leaseUntil;
		}

	}

	private static final class Claim {

		String ownerId;

		@Nullable String answer;

		boolean accepted;

		Claim(String ownerId) {
			this.ownerId = ownerId;
		}

	}

	private static final class Submit {

		final String ownerId;

		Instant leaseUntil;

		@Nullable String taskId;

		Submit(String ownerId, Instant leaseUntil) {
			this.ownerId = ownerId;
			this.leaseUntil = leaseUntil;
		}

	}

	private static final class Entry {

		final String ownerId;

		Instant leaseUntil;

		boolean creating;

		Entry(String ownerId, Instant leaseUntil) {
			this.ownerId = ownerId;
			this.leaseUntil = leaseUntil;
		}

	}

}
