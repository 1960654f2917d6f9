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
