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

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

import sh.smooth.spring.api.TaskKind;
import sh.smooth.spring.error.SmoothNotFoundException;
import sh.smooth.spring.runtime.TaskLauncher;

/**
 * The periodic sweep that takes over the tasks of instances whose lease expired: every
 * half lease it claims up to {@value #BATCH} of them in the store
 * ({@link TaskStore#takeOverExpired}), becomes their owner and attaches a poller to each
 * from its stored cursor, answering its tool calls from then on. A session taken over is
 * closed ({@code DELETE /task/{id}}): the application object that drove it died with its
 * instance, so nothing could use it, and it would bill until its timeout. Runs on the
 * shared polling scheduler; the store calls run on the fleet's store scheduler.
 */
public final class FleetTakeOver implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(FleetTakeOver.class);

	/** Most tasks taken over by one sweep. */
	static final int BATCH = 100;

	private final FleetMember fleet;

	private final TaskLauncher launcher;

	private final Scheduler timers;

	private final AtomicBoolean sweeping = new AtomicBoolean();

	private volatile @Nullable Disposable timer;

	/**
	 * Creates the sweep; {@link #start()} starts it.
	 * @param fleet this instance in the fleet
	 * @param launcher attaches to the tasks taken over
	 * @param timers the shared polling scheduler
	 */
	public FleetTakeOver(FleetMember fleet, TaskLauncher launcher, Scheduler timers) {
		this.fleet = fleet;
		this.launcher = launcher;
		this.timers = timers;
	}

	/**
	 * Starts sweeping, every half lease.
	 */
	public void start() {
		long every = this.fleet.settings().sweepInterval().toMillis();
		this.timer = this.timers.schedulePeriodically(this::sweep, every, every, TimeUnit.MILLISECONDS);
	}

	/**
	 * Sweeps once now (one sweep at a time).
	 */
	void sweep() {
		if (!this.fleet.isActive() || !this.sweeping.compareAndSet(false, true)) {
			return;
		}
		this.fleet.call(() -> {
			this.fleet.store().purgeExpired();
			return this.fleet.store().takeOverExpired(this.fleet.instanceId(), this.fleet.settings().lease(), BATCH);
		})
			.doFinally((signal) -> this.sweeping.set(false))
			.subscribe(this::takeOver, (error) -> logger.warn(
					"The Smooth take-over sweep of " + this.fleet.instanceId() + " could not read the task store",
					error));
	}

	private void takeOver(List<TaskStore.StoredTask> taken) {
		for (TaskStore.StoredTask stored : taken) {
			if (!this.fleet.isActive()) {
				return;
			}
			if (this.fleet.follows(stored.taskId())) {
				// its own task, whose lease lapsed (a slow renewal): it is polled already
				continue;
			}
			logger.info("Smooth fleet member " + this.fleet.instanceId() + " takes over " + stored.kind() + " "
					+ stored.taskId() + " (its owner's lease expired), polling from event_t=" + stored.eventCursor());
			boolean session = TaskKind.SESSION.value().equals(stored.kind());
			// a session is polled like a task: nobody drives it any more, its end must be
			// seen
			this.launcher.attach(stored.taskId(), TaskKind.TASK, stored.eventCursor(), this.fleet.heir(stored))
				.subscribe((run) -> {
					if (session) {
						run.cancel()
							.subscribe(null, (error) -> logger.warn("Could not close Smooth session " + stored.taskId()
									+ " taken over from a stopped instance", error));
					}
				}, (error) -> lost(stored, error));
		}
	}

	/**
	 * A take-over whose attachment failed: the task is released for the next sweep, or
	 * ended when the server does not know it.
	 */
	private void lost(TaskStore.StoredTask stored, Throwable error) {
		if (!this.fleet.isActive()) {
			return;
		}
		boolean unknown = error instanceof SmoothNotFoundException;
		logger.warn("Could not take over Smooth task " + stored.taskId() + ": " + error.getMessage()
				+ (unknown ? " (the server does not know it: it is marked ended)" : " (the next sweep tries again)"));
		this.fleet.call(() -> {
			if (unknown) {
				this.fleet.store().finish(stored.taskId(), "unknown");
			}
			else {
				this.fleet.store().releaseTask(stored.taskId(), this.fleet.instanceId());
			}
			return Boolean.TRUE;
		}).subscribe(null, (storeError) -> logger.debug("Could not release a task", storeError));
	}

	@Override
	public void close() {
		Disposable sweeping = this.timer;
		if (sweeping != null) {
			sweeping.dispose();
		}
	}

}
