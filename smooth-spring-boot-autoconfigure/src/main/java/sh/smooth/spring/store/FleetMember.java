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

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.context.ApplicationEventPublisher;

import sh.smooth.spring.api.TaskKind;
import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.runtime.TaskFleet;
import sh.smooth.spring.runtime.TaskRun;
import sh.smooth.spring.task.TaskResult;

/**
 * This instance's part in the fleet: records every task it creates or attaches in the
 * {@link TaskStore} with a lease, renews the lease on the shared polling scheduler (one
 * timer, no thread per task), and publishes each task's {@link SmoothTaskCompletedEvent}
 * once the store recorded its end. The jobs under it have classes of their own: a
 * {@code FollowedTask} moves one task's stored event cursor (never past a tool call whose
 * answer the server has not accepted, so an heir sees the call again) and records its
 * end; {@code FleetAdmission} makes a submit with an idempotency key reuse the task of an
 * earlier one, and makes submits beyond {@code smooth.fleet.max-concurrent-tasks} wait in
 * the store's queue, in order; {@code StoreCalls} runs store calls on a bounded scheduler
 * of their own (JDBC blocks), never on a polling or HTTP thread, or inline when the store
 * does not block ({@link TaskStore#blocking()}). Closing the member (a clean shutdown)
 * ends its leases so that the other instances take its tasks over at once.
 */
public final class FleetMember implements TaskFleet, AutoCloseable {

	private static final Log logger = LogFactory.getLog(FleetMember.class);

	private final TaskStore store;

	private final FleetSettings settings;

	private final Scheduler timers;

	private final StoreCalls calls;

	private final FleetAdmission admission;

	private final ApplicationEventPublisher publisher;

	private final Function<TaskResponse, TaskResult> results;

	private final Map<String, FollowedTask> followed = new ConcurrentHashMap<>();

	private volatile int queuedFleetWide;

	private volatile @Nullable Disposable renewal;

	/** Set by {@link #close()}: nothing more is recorded. */
	private volatile boolean closed;

	/** Set by {@link #crash()}: nothing more is written, not even the release. */
	private volatile boolean crashed;

	/**
	 * Creates the member; {@link #start()} starts renewing its leases.
	 * @param store the task store
	 * @param settings the instance id, lease and limit
	 * @param timers the shared polling scheduler, for the timers
	 * @param publisher publishes the {@link SmoothTaskCompletedEvent}s
	 * @param results makes a task's result from its final response
	 */
	public FleetMember(TaskStore store, FleetSettings settings, Scheduler timers, ApplicationEventPublisher publisher,
			Function<TaskResponse, TaskResult> results) {
		this.store = store;
		this.settings = settings;
		this.timers = timers;
		this.publisher = publisher;
		this.results = results;
		this.calls = new StoreCalls(store);
		this.admission = new FleetAdmission(this, timers);
	}

	/**
	 * Starts renewing the leases, every third of the lease, on the shared scheduler.
	 */
	public void start() {
		long every = this.settings.renewInterval().toMillis();
		this.renewal = this.timers.schedulePeriodically(this::renew, every, every, TimeUnit.MILLISECONDS);
	}

	/**
	 * This instance's id in the store.
	 * @return the id
	 */
	public String instanceId() {
		return this.settings.instanceId();
	}

	/**
	 * The settings.
	 * @return the settings
	 */
	public FleetSettings settings() {
		return this.settings;
	}

	/**
	 * The store.
	 * @return the store
	 */
	public TaskStore store() {
		return this.store;
	}

	/**
	 * Submits waiting for a slot of the limit, fleet-wide, as the store said at the last
	 * renewal, or this instance's own when that is more recent news.
	 * @return the number
	 */
	public int queued() {
		return Math.max(this.queuedFleetWide, this.admission.queuedHere());
	}

	/**
	 * Whether the member still records (neither closed nor crashed).
	 * @return whether it is active
	 */
	public boolean isActive() {
		return !this.closed && !this.crashed;
	}

	private void renew() {
		if (!isActive()) {
			return;
		}
		call(() -> {
			this.store.renew(instanceId(), this.settings.lease());
			this.queuedFleetWide = this.store.queued();
			return Boolean.TRUE;
		}).subscribe(null,
				(error) -> logger.warn("Could not renew the leases of Smooth fleet member " + instanceId()
						+ " in the task store; its tasks are taken over once the lease (" + this.settings.lease()
						+ ") expired", error));
	}

	/**
	 * Runs a store call where store calls run (see {@link StoreCalls}).
	 */
	<T> Mono<T> call(Callable<T> work) {
		return this.calls.call(work);
	}

	StoreCalls calls() {
		return this.calls;
	}

	@Override
	public Mono<TaskRun> create(Creating creating) {
		return this.admission.create(creating);
	}

	@Override
	public Mono<TaskRun> attach(String taskId, Attacher attacher) {
		return call(() -> this.store.find(taskId)).flatMap((found) -> {
			TaskStore.StoredTask stored = found.orElse(null);
			if (stored == null) {
				return attacher.attach(taskId, TaskKind.TASK, 0L,
						(run) -> follow(run, null, false, new TaskStore.StoredTask(taskId, TaskKind.TASK.value(),
								instanceId(), 0L, null, null, TaskStore.RUNNING, false), null));
			}
			// every event again: the application attaching wants the whole history
			return attacher.attach(taskId, TaskKind.TASK, 0L,
					(run) -> follow(run, stored.correlationKey(), stored.takenOver(), null, null));
		});
	}

	/**
	 * Whether this instance follows a task now (its own lease may have lapsed while it
	 * polled it: a sweep must not attach a second poller).
	 * @param taskId the task
	 * @return whether it is followed here
	 */
	boolean follows(String taskId) {
		return this.followed.containsKey(taskId);
	}

	/**
	 * What a take-over attaches with: follows a task this instance now owns.
	 * @param stored the task as taken over
	 * @return the hook to run before the first poll
	 */
	Consumer<TaskRun> heir(TaskStore.StoredTask stored) {
		return (run) -> follow(run, stored.correlationKey(), true, null, null);
	}

	/**
	 * Follows a run: records it (when {@code insert} is given), moves its cursor and
	 * records its end.
	 */
	void follow(TaskRun run, @Nullable String correlationKey, boolean takenOver, TaskStore.@Nullable StoredTask insert,
			@Nullable Long ticket) {
		FollowedTask task = new FollowedTask(this, run.id(), correlationKey, takenOver);
		this.followed.put(run.id(), task);
		if (insert != null) {
			task.insert(insert, ticket);
		}
		run.addListener(task);
	}

	/**
	 * Notes that the server accepted an answer, so the stored cursor may pass its call.
	 * @param taskId the task
	 * @param eventId the tool call
	 */
	void answerAccepted(String taskId, String eventId) {
		FollowedTask task = this.followed.get(taskId);
		if (task != null) {
			task.accepted(eventId);
		}
	}

	/**
	 * A test hook: behaves as if the JVM had died now. Leases are no longer renewed and
	 * nothing more is written to the store, not even the release of a clean shutdown;
	 * close the application context afterwards.
	 */
	void crash() {
		this.crashed = true;
		Disposable renewing = this.renewal;
		if (renewing != null) {
			renewing.dispose();
		}
	}

	/**
	 * A clean shutdown: stops renewing and ends this instance's leases, so that the other
	 * instances take its tasks over at their next sweep instead of after the lease.
	 */
	@Override
	public void close() {
		boolean wasActive = isActive();
		this.closed = true;
		Disposable renewing = this.renewal;
		if (renewing != null) {
			renewing.dispose();
		}
		if (wasActive) {
			try {
				this.store.release(instanceId());
			}
			catch (RuntimeException ex) {
				logger.warn("Could not release the leases of Smooth fleet member " + instanceId()
						+ "; its tasks are taken over once the lease expired", ex);
			}
		}
		this.calls.close();
	}

	/**
	 * The task followed here under that id, if any.
	 */
	@Nullable FollowedTask followed(String taskId) {
		return this.followed.get(taskId);
	}

	void unfollow(String taskId) {
		this.followed.remove(taskId);
	}

	/**
	 * Publishes a task's end, once the store recorded it (only the instance whose record
	 * of the end won publishes).
	 */
	void completed(String taskId, @Nullable String correlationKey, boolean takenOver, TaskResponse response) {
		try {
			this.publisher.publishEvent(new SmoothTaskCompletedEvent(taskId, correlationKey,
					this.results.apply(response), takenOver, instanceId()));
		}
		catch (RuntimeException ex) {
			// a failing listener must not stop the store's work
			logger.warn("A listener of SmoothTaskCompletedEvent failed for task " + taskId, ex);
		}
	}

	@Override
	public String toString() {
		return "FleetMember[" + instanceId() + ", " + this.store + "]";
	}

}
