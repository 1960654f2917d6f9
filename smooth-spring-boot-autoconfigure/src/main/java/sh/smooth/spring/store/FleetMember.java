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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.ApplicationEventPublisher;

import sh.smooth.spring.api.TaskEvent;
import sh.smooth.spring.api.TaskKind;
import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.error.SmoothRateLimitException;
import sh.smooth.spring.runtime.TaskFleet;
import sh.smooth.spring.runtime.TaskKeys;
import sh.smooth.spring.runtime.TaskRun;
import sh.smooth.spring.runtime.TaskRunListener;
import sh.smooth.spring.task.TaskResult;

/**
 * This instance's part in the fleet: records every task it creates or attaches in the
 * {@link TaskStore} with a lease, renews the lease on the shared polling scheduler (one
 * timer, no thread per task), moves each task's stored event cursor (never past a tool
 * call whose answer the server has not accepted, so an heir sees the call again), records
 * each task's end and publishes its {@link SmoothTaskCompletedEvent}, makes a submit with
 * an idempotency key reuse the task of an earlier one, and makes submits beyond
 * {@code smooth.fleet.max-concurrent-tasks} wait in the store's queue, in order. Store
 * calls run on a bounded scheduler of their own (JDBC blocks), never on a polling or HTTP
 * thread; when the store does not block ({@link TaskStore#blocking()}) they run inline.
 * Closing it (a clean shutdown) ends its leases so that the other instances take its
 * tasks over at once.
 */
public final class FleetMember implements TaskFleet, AutoCloseable {

	private static final Log logger = LogFactory.getLog(FleetMember.class);

	/** After a 429 "concurrent session limit", the wait before the submit asks again. */
	static final Duration LIMIT_BACKOFF = Duration.ofSeconds(1);

	private final TaskStore store;

	private final FleetSettings settings;

	private final Scheduler timers;

	private final @Nullable Scheduler storeScheduler;

	private final Executor storeExecutor;

	private final ApplicationEventPublisher publisher;

	private final Function<TaskResponse, TaskResult> results;

	private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();

	private final AtomicInteger queuedHere = new AtomicInteger();

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
		if (!store.blocking()) {
			this.storeScheduler = null;
			this.storeExecutor = Runnable::run;
		}
		else {
			Scheduler scheduler = Schedulers.newBoundedElastic(4, 100_000, "smooth-store", 60, true);
			this.storeScheduler = scheduler;
			this.storeExecutor = scheduler::schedule;
		}
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
		return Math.max(this.queuedFleetWide, this.queuedHere.get());
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
	 * Runs a store call on the store's scheduler.
	 */
	<T> Mono<T> call(Callable<T> work) {
		Mono<T> mono = Mono.fromCallable(work);
		Scheduler scheduler = this.storeScheduler;
		return (scheduler != null) ? mono.subscribeOn(scheduler) : mono;
	}

	@Override
	public Mono<TaskRun> create(Creating creating) {
		String key = creating.keys().idempotencyKey();
		if (key == null) {
			return admitted(creating, null);
		}
		return claimKey(key, creating);
	}

	private Mono<TaskRun> claimKey(String key, Creating creating) {
		return call(() -> this.store.claimSubmit(key, instanceId(), this.settings.lease())).flatMap((claim) -> {
			if (claim.mine()) {
				return admitted(creating, key).doOnError((error) -> call(() -> {
					this.store.releaseSubmit(key, instanceId());
					return Boolean.TRUE;
				}).subscribe(null, (storeError) -> logger.warn("Could not free idempotency key " + key, storeError)));
			}
			String taskId = claim.taskId();
			if (taskId != null) {
				if (logger.isDebugEnabled()) {
					logger.debug("A Smooth task with idempotency key " + key + " exists (" + taskId
							+ "): attaching to it instead of creating another");
				}
				return attachExisting(taskId, creating);
			}
			// another instance is creating it: ask again soon, unless the caller gave up
			return Mono.delay(this.settings.queuePollInterval(), this.timers)
				.takeUntilOther(gaveUp(creating))
				.switchIfEmpty(Mono.error(() -> new SmoothException("Gave up waiting for the task of idempotency key "
						+ key + ", which another instance is creating")))
				.flatMap((tick) -> claimKey(key, creating));
		});
	}

	/**
	 * The caller's give-up signal; never cancelled from here (a race that ends cancels
	 * its loser, and the caller's future must stay as it is).
	 */
	private static Mono<Object> gaveUp(Creating creating) {
		return Mono.fromFuture(creating.gaveUp().toCompletableFuture().thenApply((ignored) -> new Object()), true);
	}

	private Mono<TaskRun> attachExisting(String taskId, Creating creating) {
		return call(() -> this.store.find(taskId)).flatMap((stored) -> {
			Optional<TaskStore.StoredTask> known = stored;
			TaskStore.StoredTask task = known.orElse(null);
			return creating.attach(taskId,
					(run) -> follow(run, (task != null) ? task.correlationKey() : creating.keys().correlationKey(),
							(task != null) && task.takenOver(), null, null));
		});
	}

	private Mono<TaskRun> admitted(Creating creating, @Nullable String idempotencyKey) {
		TaskKeys keys = creating.keys();
		int limit = this.settings.maxConcurrentTasks();
		if (limit <= 0) {
			return creating
				.post((run) -> follow(run, keys.correlationKey(), false, newRow(run, keys, idempotencyKey), null))
				.flatMap(this::recorded);
		}
		return call(() -> this.store.enqueue(instanceId(), this.settings.lease()))
			.flatMap((ticket) -> attempt(ticket, limit, creating, idempotencyKey));
	}

	private Mono<TaskRun> attempt(long ticket, int limit, Creating creating, @Nullable String idempotencyKey) {
		TaskKeys keys = creating.keys();
		return slot(ticket, limit, creating)
			.then(Mono.defer(() -> creating
				.post((run) -> follow(run, keys.correlationKey(), false, newRow(run, keys, idempotencyKey), ticket))))
			.flatMap(this::recorded)
			.onErrorResume(FleetMember::concurrencyLimit, (error) -> {
				logger.info("Smooth answered 429 (" + error.getMessage() + "): the submit waits in the fleet's "
						+ "queue again, nothing was created");
				return call(() -> {
					this.store.requeue(ticket);
					return Boolean.TRUE;
				}).then(Mono.delay(LIMIT_BACKOFF, this.timers))
					.then(Mono.defer(() -> attempt(ticket, limit, creating, idempotencyKey)));
			})
			.doOnError((error) -> dequeue(ticket));
	}

	/**
	 * Completes when the queue entry got its slot; fails, leaving the queue, when the
	 * caller gave up first.
	 */
	private Mono<Void> slot(long ticket, int limit, Creating creating) {
		Mono<Boolean> granted = Mono.defer(() -> call(() -> this.store.acquire(ticket, limit)))
			.filter(Boolean::booleanValue)
			.repeatWhenEmpty(Integer.MAX_VALUE,
					(ticks) -> ticks.concatMap((tick) -> Mono.delay(this.settings.queuePollInterval(), this.timers)));
		Mono<Boolean> gaveUp = gaveUp(creating).thenReturn(Boolean.FALSE);
		this.queuedHere.incrementAndGet();
		return Mono.firstWithValue(granted, gaveUp).flatMap((got) -> {
			if (got) {
				return Mono.<Void>empty();
			}
			return Mono.<Void>error(new SmoothException("The caller gave up while the submit waited for a slot of "
					+ "smooth.fleet.max-concurrent-tasks (" + limit + "); it left the queue, nothing was created"));
		}).doFinally((signal) -> this.queuedHere.decrementAndGet());
	}

	private void dequeue(long ticket) {
		call(() -> {
			this.store.dequeue(ticket);
			return Boolean.TRUE;
		}).subscribe(null, (error) -> logger.warn("Could not leave the fleet's queue (ticket " + ticket
				+ "); the entry expires with this instance's lease", error));
	}

	/**
	 * Completes with the run once its row is in the store: a submit returns a task that
	 * an heir can take over.
	 */
	private Mono<TaskRun> recorded(TaskRun run) {
		Tracked task = this.tracked.get(run.id());
		return (task != null) ? Mono.fromFuture(task.written(), false).thenReturn(run) : Mono.just(run);
	}

	private static boolean concurrencyLimit(Throwable error) {
		if (!(error instanceof SmoothRateLimitException limited)) {
			return false;
		}
		String detail = limited.detail().toLowerCase(java.util.Locale.ROOT);
		return detail.contains("concurrent");
	}

	private TaskStore.StoredTask newRow(TaskRun run, TaskKeys keys, @Nullable String idempotencyKey) {
		return new TaskStore.StoredTask(run.id(), run.kind().value(), instanceId(), 0L, keys.correlationKey(),
				idempotencyKey, TaskStore.RUNNING, false);
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
		return this.tracked.containsKey(taskId);
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
	private void follow(TaskRun run, @Nullable String correlationKey, boolean takenOver,
			TaskStore.@Nullable StoredTask insert, @Nullable Long ticket) {
		Tracked task = new Tracked(run.id(), correlationKey, takenOver);
		this.tracked.put(run.id(), task);
		if (insert != null) {
			task.serial(() -> {
				this.store.insert(insert, this.settings.lease());
				if (insert.idempotencyKey() != null) {
					this.store.submitCreated(insert.idempotencyKey(), run.id());
				}
				if (ticket != null) {
					// the slot now counts as a running task
					this.store.dequeue(ticket);
				}
			});
		}
		run.addListener(task);
	}

	/**
	 * Notes that the server accepted an answer, so the stored cursor may pass its call.
	 * @param taskId the task
	 * @param eventId the tool call
	 */
	void answerAccepted(String taskId, String eventId) {
		Tracked task = this.tracked.get(taskId);
		if (task != null) {
			task.accepted(eventId);
		}
	}

	/**
	 * A take-over whose attachment failed: the task is released for the next sweep, or
	 * ended when the server does not know it.
	 */
	void lost(TaskStore.StoredTask stored, Throwable error) {
		if (!isActive()) {
			return;
		}
		boolean unknown = error instanceof sh.smooth.spring.error.SmoothNotFoundException;
		logger.warn("Could not take over Smooth task " + stored.taskId() + ": " + error.getMessage()
				+ (unknown ? " (the server does not know it: it is marked ended)" : " (the next sweep tries again)"));
		call(() -> {
			if (unknown) {
				this.store.finish(stored.taskId(), "unknown");
			}
			else {
				this.store.releaseTask(stored.taskId(), instanceId());
			}
			return Boolean.TRUE;
		}).subscribe(null, (storeError) -> logger.debug("Could not release a task", storeError));
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
		Scheduler scheduler = this.storeScheduler;
		if (scheduler != null) {
			scheduler.dispose();
		}
	}

	@Override
	public String toString() {
		return "FleetMember[" + instanceId() + ", " + this.store + "]";
	}

	/**
	 * One task this instance follows: its cursor and its end. Store calls of one task run
	 * one after the other, in order.
	 */
	private final class Tracked implements TaskRunListener {

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

		Tracked(String taskId, @Nullable String correlationKey, boolean takenOver) {
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
				if (isActive()) {
					work.run();
				}
			}, FleetMember.this.storeExecutor).exceptionally((error) -> {
				logger.warn("A task store call for Smooth task " + this.taskId + " failed", error);
				return null;
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
			serial(() -> FleetMember.this.store.moveCursor(this.taskId, instanceId(), cursor));
		}

		@Override
		public void onTerminal(TaskRun run, TaskResponse response) {
			FleetMember.this.tracked.remove(this.taskId);
			serial(() -> {
				if (FleetMember.this.store.finish(this.taskId, response.status().value())) {
					publish(response);
				}
			});
		}

		private void publish(TaskResponse response) {
			try {
				FleetMember.this.publisher.publishEvent(new SmoothTaskCompletedEvent(this.taskId, this.correlationKey,
						FleetMember.this.results.apply(response), this.takenOver, instanceId()));
			}
			catch (RuntimeException ex) {
				// a failing listener must not stop the store's work
				logger.warn("A listener of SmoothTaskCompletedEvent failed for task " + this.taskId, ex);
			}
		}

		@Override
		public void onFailure(TaskRun run, Throwable error) {
			FleetMember.this.tracked.remove(this.taskId);
			if (!isActive()) {
				// shutting down (or dead): the heir takes the task over
				return;
			}
			// polling gave up here: another instance (or this one) tries again
			serial(() -> FleetMember.this.store.releaseTask(this.taskId, instanceId()));
		}

	}

}
