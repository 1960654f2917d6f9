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
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.error.SmoothRateLimitException;
import sh.smooth.spring.runtime.TaskFleet.Creating;
import sh.smooth.spring.runtime.TaskKeys;
import sh.smooth.spring.runtime.TaskRun;

/**
 * The fleet's way in for a new task: a submit with an idempotency key reuses the task of
 * an earlier one (or waits while another instance creates it), and submits beyond
 * {@code smooth.fleet.max-concurrent-tasks} wait in the store's queue, in order, and wait
 * there again after a 429 "concurrent session limit". A submit completes once the task's
 * row is in the store, so that an heir can take it over.
 */
final class FleetAdmission {

	private static final Log logger = LogFactory.getLog(FleetAdmission.class);

	/** After a 429 "concurrent session limit", the wait before the submit asks again. */
	static final Duration LIMIT_BACKOFF = Duration.ofSeconds(1);

	private final FleetMember member;

	private final Scheduler timers;

	private final AtomicInteger queuedHere = new AtomicInteger();

	// the store, the settings and where store calls run are read from the member, as its
	// other helpers (FollowedTask, FleetTakeOver, FleetToolLedger) read them
	FleetAdmission(FleetMember member, Scheduler timers) {
		this.member = member;
		this.timers = timers;
	}

	/**
	 * Submits of this instance waiting for a slot of the limit now.
	 */
	int queuedHere() {
		return this.queuedHere.get();
	}

	Mono<TaskRun> create(Creating creating) {
		String key = creating.keys().idempotencyKey();
		if (key == null) {
			return admitted(creating, null);
		}
		return claimKey(key, creating);
	}

	/** Runs one store call where the member runs them (see {@link StoreCalls}). */
	private <T> Mono<T> onStore(Callable<T> work) {
		return this.member.calls().call(work);
	}

	private Mono<TaskRun> claimKey(String key, Creating creating) {
		return onStore(
				() -> this.member.store().claimSubmit(key, this.member.instanceId(), this.member.settings().lease()))
			.flatMap((claim) -> {
				if (claim.mine()) {
					return admitted(creating, key).doOnError((error) -> onStore(() -> {
						this.member.store().releaseSubmit(key, this.member.instanceId());
						return Boolean.TRUE;
					}).subscribe(null,
							(storeError) -> logger.warn("Could not free idempotency key " + key, storeError)));
				}
				String taskId = claim.taskId();
				if (taskId != null) {
					if (logger.isDebugEnabled()) {
						logger.debug("A Smooth task with idempotency key " + key + " exists (" + taskId
								+ "): attaching to it instead of creating another");
					}
					return attachExisting(taskId, creating);
				}
				// another instance is creating it: ask again soon, unless the caller gave
				// up
				return Mono.delay(this.member.settings().queuePollInterval(), this.timers)
					.takeUntilOther(gaveUp(creating))
					.switchIfEmpty(
							Mono.error(() -> new SmoothException("Gave up waiting for the task of idempotency key "
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
		return onStore(() -> this.member.store().find(taskId)).flatMap((stored) -> {
			Optional<TaskStore.StoredTask> known = stored;
			TaskStore.StoredTask task = known.orElse(null);
			return creating.attach(taskId,
					(run) -> this.member.follow(run,
							(task != null) ? task.correlationKey() : creating.keys().correlationKey(),
							(task != null) && task.takenOver(), null, null));
		});
	}

	private Mono<TaskRun> admitted(Creating creating, @Nullable String idempotencyKey) {
		TaskKeys keys = creating.keys();
		int limit = this.member.settings().maxConcurrentTasks();
		if (limit <= 0) {
			return creating
				.post((run) -> this.member.follow(run, keys.correlationKey(), false, newRow(run, keys, idempotencyKey),
						null))
				.flatMap(this::recorded);
		}
		return onStore(() -> this.member.store().enqueue(this.member.instanceId(), this.member.settings().lease()))
			.flatMap((ticket) -> attempt(ticket, limit, creating, idempotencyKey));
	}

	private Mono<TaskRun> attempt(long ticket, int limit, Creating creating, @Nullable String idempotencyKey) {
		TaskKeys keys = creating.keys();
		return slot(ticket, limit, creating)
			.then(Mono.defer(() -> creating.post((run) -> this.member.follow(run, keys.correlationKey(), false,
					newRow(run, keys, idempotencyKey), ticket))))
			.flatMap(this::recorded)
			.onErrorResume(FleetAdmission::concurrencyLimit, (error) -> {
				logger.info("Smooth answered 429 (" + error.getMessage() + "): the submit waits in the fleet's "
						+ "queue again, nothing was created");
				return onStore(() -> {
					this.member.store().requeue(ticket);
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
		Mono<Boolean> granted = Mono.defer(() -> onStore(() -> this.member.store().acquire(ticket, limit)))
			.filter(Boolean::booleanValue)
			.repeatWhenEmpty(Integer.MAX_VALUE, (ticks) -> ticks
				.concatMap((tick) -> Mono.delay(this.member.settings().queuePollInterval(), this.timers)));
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
		onStore(() -> {
			this.member.store().dequeue(ticket);
			return Boolean.TRUE;
		}).subscribe(null, (error) -> logger.warn("Could not leave the fleet's queue (ticket " + ticket
				+ "); the entry expires with this instance's lease", error));
	}

	/**
	 * Completes with the run once its row is in the store: a submit returns a task that
	 * an heir can take over.
	 */
	private Mono<TaskRun> recorded(TaskRun run) {
		FollowedTask task = this.member.followed(run.id());
		return (task != null) ? Mono.fromFuture(task.written(), false).thenReturn(run) : Mono.just(run);
	}

	private static boolean concurrencyLimit(Throwable error) {
		if (!(error instanceof SmoothRateLimitException limited)) {
			return false;
		}
		return limited.detail().toLowerCase(Locale.ROOT).contains("concurrent");
	}

	private TaskStore.StoredTask newRow(TaskRun run, TaskKeys keys, @Nullable String idempotencyKey) {
		return new TaskStore.StoredTask(run.id(), run.kind().value(), this.member.instanceId(), 0L,
				keys.correlationKey(), idempotencyKey, TaskStore.RUNNING, false);
	}

}
