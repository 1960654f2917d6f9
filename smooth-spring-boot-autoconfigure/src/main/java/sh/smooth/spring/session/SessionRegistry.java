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

package sh.smooth.spring.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import sh.smooth.spring.support.Validate;

/**
 * Keeps track of the sessions that are open, so that {@link #close()} (called when the
 * application context closes) can force-close them instead of leaving remote browsers
 * running, and billing, until the server times them out.
 */
public final class SessionRegistry implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(SessionRegistry.class);

	/** How long shutdown waits for open sessions to close by default. */
	public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

	private final Set<ReactiveSmoothSession> open = ConcurrentHashMap.newKeySet();

	private final Duration shutdownTimeout;

	private volatile boolean closed;

	/**
	 * Creates a registry.
	 * @param shutdownTimeout how long {@link #close()} waits for the sessions to close
	 */
	public SessionRegistry(Duration shutdownTimeout) {
		this.shutdownTimeout = Validate.positive("shutdownTimeout", shutdownTimeout);
	}

	void register(ReactiveSmoothSession session) {
		this.open.add(session);
		// an ended session needs no closing any more
		session.run().completion().whenComplete((response, error) -> this.open.remove(session));
		if (this.closed) {
			// opened while the application shuts down
			session.closer().forceClose();
		}
	}

	/**
	 * The sessions not ended yet.
	 * @return a snapshot
	 */
	public List<SmoothSession> openSessions() {
		return this.open.stream().map(ReactiveSmoothSession::blocking).toList();
	}

	/**
	 * Force-closes every session not ended yet, in parallel, and waits for them up to the
	 * shutdown timeout.
	 */
	@Override
	public void close() {
		this.closed = true;
		List<ReactiveSmoothSession> sessions = new ArrayList<>(this.open);
		if (sessions.isEmpty()) {
			return;
		}
		logger.info("Closing " + sessions.size() + " open Smooth session(s)");
		List<CompletableFuture<Void>> closes = new ArrayList<>();
		for (ReactiveSmoothSession session : sessions) {
			closes.add(session.closer().forceClose().exceptionally((error) -> {
				logger.warn("Could not close Smooth session " + session.id() + ": " + error.getMessage());
				return null;
			}));
		}
		try {
			CompletableFuture.allOf(closes.toArray(new CompletableFuture<?>[0]))
				.get(this.shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			logger.warn("Smooth sessions still closing after " + this.shutdownTimeout + "; giving up waiting");
		}
		catch (ExecutionException ex) {
			// each close handles its own failure above
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
