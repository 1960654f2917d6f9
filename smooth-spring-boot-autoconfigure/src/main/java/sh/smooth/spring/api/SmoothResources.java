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

package sh.smooth.spring.api;

import java.time.Duration;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.resources.ConnectionProvider;

/**
 * The shared resources of one client: the connection pool and the scheduler that runs
 * poll timers, response handling and retry backoffs. Closing releases both, so no thread
 * outlives the application context.
 */
public final class SmoothResources implements AutoCloseable {

	private final ConnectionProvider connectionProvider;

	private final Scheduler scheduler;

	/**
	 * Creates the resources.
	 * @param schedulerThreads threads of the polling scheduler
	 * @param maxConnections the connection pool size
	 */
	public SmoothResources(int schedulerThreads, int maxConnections) {
		this.connectionProvider = ConnectionProvider.builder("smooth")
			.maxConnections(maxConnections)
			// many tasks may poll at once: queue for a connection instead of failing
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(Duration.ofMinutes(2))
			.maxIdleTime(Duration.ofSeconds(30))
			.build();
		this.scheduler = Schedulers.newParallel("smooth-poll", Math.max(1, schedulerThreads), true);
	}

	/**
	 * The connection pool.
	 * @return the pool
	 */
	public ConnectionProvider connectionProvider() {
		return this.connectionProvider;
	}

	/**
	 * The shared scheduler.
	 * @return the scheduler
	 */
	public Scheduler scheduler() {
		return this.scheduler;
	}

	@Override
	public void close() {
		this.scheduler.dispose();
		this.connectionProvider.disposeLater().block(Duration.ofSeconds(5));
	}

}
