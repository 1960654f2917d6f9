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

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Where the instances of an application record their Smooth tasks, so that a task
 * outlives the instance that started it: each task's owner and lease, event cursor and
 * keys, each tool call's claim and answer, the idempotency keys of submits and the queue
 * of submits waiting for a slot of the fleet-wide concurrency limit. The default,
 * {@link InMemoryTaskStore}, serves one instance; {@link JdbcTaskStore}
 * ({@code smooth.store.type=jdbc}) a fleet. Declare a bean of this type to use another
 * store; every method must be atomic (one transaction), and may block: unless the store
 * says otherwise ({@link #blocking()}), the fleet calls them on a scheduler of its own,
 * never on an HTTP or polling thread.
 * <p>
 * Leases are durations, not instants: a store measures them on one clock (the
 * database's), so instances whose clocks differ still agree on when a lease expired.
 */
public interface TaskStore {

	/**
	 * The status of a task that is still running at Smooth (as far as the store knows).
	 */
	String RUNNING = "running";

	/**
	 * Records a task just created or attached, owned by {@code ownerId}; a task already
	 * recorded is left as it is.
	 * @param task the task
	 * @param lease how long the owner's lease lasts
	 * @return whether the task was recorded now
	 */
	boolean insert(StoredTask task, Duration lease);

	/**
	 * Reads a task.
	 * @param taskId the task id
	 * @return the task, empty when unknown
	 */
	Optional<StoredTask> find(String taskId);

	/**
	 * Extends the leases of every running task, queued submit and creation owned by an
	 * instance.
	 * @param ownerId the instance
	 * @param lease the new lease, from now
	 * @return how many tasks the instance still owns
	 */
	int renew(String ownerId, Duration lease);

	/**
	 * Whether an instance still owns a running task (its lease may have expired without a
	 * take-over yet).
	 * @param taskId the task
	 * @param ownerId the instance
	 * @return whether it is the owner
	 */
	boolean owns(String taskId, String ownerId);

	/**
	 * Takes over running tasks whose lease has expired: each row is taken by exactly one
	 * caller, and callers never wait for each other (a row another caller is taking is
	 * skipped, as with {@code SELECT ... FOR UPDATE SKIP LOCKED}).
	 * @param ownerId the new owner
	 * @param lease the new owner's lease
	 * @param limit most tasks taken at once
	 * @return the tasks taken, now owned by {@code ownerId}
	 */
	List<StoredTask> takeOverExpired(String ownerId, Duration lease, int limit);

	/**
	 * Ends the lease of every task, submit and creation of an instance at once, so that
	 * the others take them over without waiting: a clean shutdown.
	 * @param ownerId the instance
	 */
	void release(String ownerId);

	/**
	 * Ends the lease of one task of an instance (its polling failed, or its take-over
	 * could not attach), so that the next sweep of any instance tries again.
	 * @param taskId the task
	 * @param ownerId the instance
	 */
	void releaseTask(String taskId, String ownerId);

	/**
	 * Moves a task's stored event cursor; only its owner may.
	 * @param taskId the task
	 * @param ownerId the owner
	 * @param eventCursor the new {@code event_t}: every event after it may be read again
	 */
	void moveCursor(String taskId, String ownerId, long eventCursor);

	/**
	 * Records the end of a task.
	 * @param taskId the task
	 * @param status its final status
	 * @return {@code true} for the one call that ended it, {@code false} when it had
	 * ended before (or is unknown)
	 */
	boolean finish(String taskId, String status);

	/**
	 * Claims a tool call before its method runs: only the task's owner may, and only once
	 * per (task id, event id).
	 * @param taskId the task
	 * @param eventId the tool-call event id
	 * @param ownerId the instance that would run the method
	 * @return what to do with the call
	 */
	ToolClaim claimToolCall(String taskId, String eventId, String ownerId);

	/**
	 * Records the answer decided for a claimed tool call, before it is sent: only the
	 * current claimer may, and only once.
	 * @param taskId the task
	 * @param eventId the tool-call event id
	 * @param ownerId the claimer
	 * @param answer the answer event's payload, as JSON
	 * @return whether it was recorded (else another instance decided the answer, and this
	 * one must not be sent)
	 */
	boolean recordAnswer(String taskId, String eventId, String ownerId, String answer);

	/**
	 * Notes that the server accepted a tool call's answer: an heir need not send it
	 * again.
	 * @param taskId the task
	 * @param eventId the tool-call event id
	 */
	void answerAccepted(String taskId, String eventId);

	/**
	 * Claims an idempotency key before a task is created.
	 * @param key the key
	 * @param ownerId the instance that would create the task
	 * @param lease how long the claim lasts while the task is being created
	 * @return who creates the task
	 */
	SubmitClaim claimSubmit(String key, String ownerId, Duration lease);

	/**
	 * Gives a claimed idempotency key its task, once created.
	 * @param key the key
	 * @param taskId the task
	 */
	void submitCreated(String key, String taskId);

	/**
	 * Frees an idempotency key whose creation failed (nothing was created).
	 * @param key the key
	 * @param ownerId the claimer
	 */
	void releaseSubmit(String key, String ownerId);

	/**
	 * Puts a submit at the end of the queue of the concurrency limit.
	 * @param ownerId the instance that submits
	 * @param lease how long the entry lasts unless renewed
	 * @return the entry's ticket, increasing in queue order
	 */
	long enqueue(String ownerId, Duration lease);

	/**
	 * Gives the queue's head a slot when fewer than {@code limit} tasks run or are being
	 * created: then the entry counts as a creation until {@link #dequeue(long)}.
	 * @param ticket the entry
	 * @param limit the fleet-wide limit
	 * @return whether the entry got its slot
	 */
	boolean acquire(long ticket, int limit);

	/**
	 * Puts an entry that held a slot back in the queue, keeping its place (the server
	 * answered 429 "concurrent session limit": nothing was created).
	 * @param ticket the entry
	 */
	void requeue(long ticket);

	/**
	 * Removes an entry: its submit was created, failed or gave up.
	 * @param ticket the entry
	 */
	void dequeue(long ticket);

	/**
	 * How many submits wait in the queue, fleet-wide.
	 * @return the number
	 */
	int queued();

	/**
	 * Deletes queue entries and idempotency claims whose owner's lease expired before
	 * they were created (their instance died while they waited or created), and what a
	 * store keeps of ended tasks past its retention.
	 * @return how many were deleted
	 */
	int purgeExpired();

	/**
	 * One task as the store records it.
	 *
	 * @param taskId the task id
	 * @param kind {@code task} or {@code session}
	 * @param ownerId the instance that polls it and answers its tool calls
	 * @param eventCursor the {@code event_t} an heir polls from
	 * @param correlationKey the application's key, or {@code null}
	 * @param idempotencyKey the submit's idempotency key, or {@code null}
	 * @param status {@link #RUNNING} or the final status
	 * @param takenOver whether an instance other than its creator owns it now
	 */
	record StoredTask(String taskId, String kind, String ownerId, long eventCursor, @Nullable String correlationKey,
			@Nullable String idempotencyKey, String status, boolean takenOver) {

		/**
		 * Whether the task still runs, as far as the store knows.
		 * @return whether its status is {@link #RUNNING}
		 */
		public boolean isRunning() {
			return RUNNING.equals(this.status);
		}

	}

	/**
	 * What the claim of a tool call tells its caller.
	 *
	 * @param outcome what to do
	 * @param answer the recorded answer's payload as JSON, for {@link Outcome#RECORDED}
	 */
	record ToolClaim(Outcome outcome, @Nullable String answer) {

		/** Run the method: this instance claimed the call. */
		public static final ToolClaim CLAIMED = new ToolClaim(Outcome.CLAIMED, null);

		/**
		 * What to do with a tool call.
		 */
		public enum Outcome {

			/** This instance claimed the call now: run the method. */
			CLAIMED,

			/**
			 * An answer was decided but may not have reached the server: send exactly it.
			 */
			RECORDED,

			/** The server accepted the answer: nothing to do. */
			ACCEPTED,

			/**
			 * The previous owner died while the method ran: the claim is now this
			 * instance's, and the call is answered "tool interrupted, try again" without
			 * running the method again.
			 */
			INTERRUPTED,

			/** This instance claimed it before and is running it: nothing more to do. */
			RUNNING_HERE,

			/** Another instance owns the task: it answers. */
			NOT_OWNER

		}

	}

	/**
	 * Whether other instances use this store too. A store only this instance sees has
	 * nobody to share a tool call with, so each call is answered as without a store (no
	 * claim, no recorded answer).
	 * @return {@code true} unless the store lives in this JVM
	 */
	default boolean shared() {
		return true;
	}

	/**
	 * Whether its calls may block (on a network or a disk). Blocking calls run on a
	 * bounded scheduler of the fleet's own; the others run inline, where a thread hop
	 * would only add latency.
	 * @return {@code true} unless every call returns at once
	 */
	default boolean blocking() {
		return true;
	}

	/**
	 * Who creates the task of an idempotency key.
	 *
	 * @param mine whether the caller claimed the key and must create the task
	 * @param taskId the task already created for the key, or {@code null} (mine, or
	 * another instance is still creating it)
	 */
	record SubmitClaim(boolean mine, @Nullable String taskId) {
	}

}
