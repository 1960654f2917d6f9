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

package sh.smooth.spring.polling;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * Caps the poll requests of all tasks together
 * ({@code smooth.polling.max-requests-per-second}). A token bucket refills at the cap
 * with a burst of one second; polls that find it empty wait in two FIFO queues, so every
 * task gets its turn, and tasks with a pending action or tool call go first.
 */
final class PollGate {

	private final double permitsPerSecond;

	private final double capacity;

	private final Scheduler scheduler;

	private final Deque<Runnable> urgent = new ArrayDeque<>();

	private final Deque<Runnable> normal = new ArrayDeque<>();

	private double tokens;

	private long refilledAt = System.nanoTime();

	private Disposable drain;

	PollGate(double permitsPerSecond, Scheduler scheduler) {
		this.permitsPerSecond = permitsPerSecond;
		this.capacity = Math.max(1.0, permitsPerSecond);
		this.tokens = this.capacity;
		this.scheduler = scheduler;
	}

	/**
	 * Runs the poll now if a permit is free, otherwise queues it.
	 * @param poll the poll
	 * @param priority whether the task has a pending action or tool call
	 */
	void submit(Runnable poll, boolean priority) {
		boolean runNow;
		synchronized (this) {
			refill();
			runNow = this.urgent.isEmpty() && this.normal.isEmpty() && this.tokens >= 1.0;
			if (runNow) {
				this.tokens -= 1.0;
			}
			else {
				(priority ? this.urgent : this.normal).addLast(poll);
				scheduleDrain();
			}
		}
		if (runNow) {
			poll.run();
		}
	}

	/**
	 * How many polls are waiting for a permit.
	 * @return the queue length
	 */
	synchronized int waiting() {
		return this.urgent.size() + this.normal.size();
	}

	private void drain() {
		Deque<Runnable> ready = new ArrayDeque<>();
		synchronized (this) {
			this.drain = null;
			refill();
			while (this.tokens >= 1.0 && (!this.urgent.isEmpty() || !this.normal.isEmpty())) {
				this.tokens -= 1.0;
				ready.add(!this.urgent.isEmpty() ? this.urgent.pollFirst() : this.normal.pollFirst());
			}
			if (!this.urgent.isEmpty() || !this.normal.isEmpty()) {
				scheduleDrain();
			}
		}
		ready.forEach(Runnable::run);
	}

	private void refill() {
		long now = System.nanoTime();
		double elapsedSeconds = (now - this.refilledAt) / 1e9;
		this.refilledAt = now;
		this.tokens = Math.min(this.capacity, this.tokens + elapsedSeconds * this.permitsPerSecond);
	}

	private void scheduleDrain() {
		if (this.drain != null) {
			return;
		}
		long waitNanos = (long) (Math.max(0.0, 1.0 - this.tokens) / this.permitsPerSecond * 1e9);
		this.drain = this.scheduler.schedule(this::drain, Math.max(waitNanos, 100_000), TimeUnit.NANOSECONDS);
	}

}
