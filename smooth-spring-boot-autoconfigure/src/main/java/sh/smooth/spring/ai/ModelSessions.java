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
package sh.smooth.spring.ai;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import sh.smooth.spring.session.SmoothSession;

/**
 * The sessions models opened, by id. A session unused for the idle timeout is closed, and
 * every session still open is closed by {@link #close()} (at context close). Each session
 * holds a slot of the guard rails' concurrency limit until it is closed. One timer thread
 * for all sessions. Thread-safe.
 */
final class ModelSessions implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(ModelSessions.class);

	private final Map<String, Entry> sessions = new ConcurrentHashMap<>();

	private final Duration idleTimeout;

	private final GuardRails guardRails;

	private final ScheduledExecutorService timer;

	ModelSessions(Duration idleTimeout, GuardRails guardRails) {
		if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
			throw new IllegalArgumentException("smooth.ai.session-idle-timeout must be positive, was " + idleTimeout);
		}
		this.idleTimeout = idleTimeout;
		this.guardRails = guardRails;
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "smooth-ai-sessions");
			thread.setDaemon(true);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		this.timer = executor;
	}

	/**
	 * Keeps a session the model opened; its slot is already taken.
	 * @param session the session
	 */
	void add(SmoothSession session) {
		Entry entry = new Entry(session);
		this.sessions.put(session.id(), entry);
		touch(entry);
	}

	/**
	 * Runs an action on a session and restarts its idle timer.
	 * @param <T> the action's result
	 * @param sessionId the id the model gave
	 * @param action the action
	 * @return its result
	 */
	<T> T use(String sessionId, Function<SmoothSession, T> action) {
		Entry entry = this.sessions.get(sessionId);
		if (entry == null) {
			throw new SmoothAiRefusal("No open session '" + sessionId + "': it was closed, or timed out after " + idle()
					+ " unused; open one with " + ToolDefinitions.SESSION_OPEN);
		}
		entry.busy.incrementAndGet();
		try {
			return action.apply(entry.session);
		}
		finally {
			entry.busy.decrementAndGet();
			touch(entry);
		}
	}

	/**
	 * Closes a session and forgets it.
	 * @param sessionId the id the model gave
	 * @param closer what to do with the session
	 * @param <T> the closer's result
	 * @return the closer's result
	 */
	<T> T close(String sessionId, Function<SmoothSession, T> closer) {
		Entry entry = this.sessions.remove(sessionId);
		if (entry == null) {
			throw new SmoothAiRefusal("No open session '" + sessionId + "': it was already closed, or timed out");
		}
		entry.cancelTimer();
		try {
			return closer.apply(entry.session);
		}
		finally {
			this.guardRails.release();
		}
	}

	private String idle() {
		// 5m, 30s, 0.3s
		return this.idleTimeout.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
	}

	int size() {
		return this.sessions.size();
	}

	private void touch(Entry entry) {
		entry.cancelTimer();
		entry.timer = this.timer.schedule(() -> expire(entry), this.idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void expire(Entry entry) {
		if (entry.busy.get() > 0) {
			// a long action (run_task) is still running: idle means unused
			touch(entry);
			return;
		}
		if (this.sessions.remove(entry.session.id(), entry)) {
			logger.info("Closing Smooth session " + entry.session.id() + ": unused by the model for " + idle()
					+ " (smooth.ai.session-idle-timeout)");
			closeQuietly(entry);
		}
	}

	private void closeQuietly(Entry entry) {
		try {
			entry.session.close();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not close Smooth session " + entry.session.id() + ": " + ex.getMessage());
		}
		finally {
			this.guardRails.release();
		}
	}

	/**
	 * Closes every session still open.
	 */
	@Override
	public void close() {
		this.timer.shutdownNow();
		for (String id : this.sessions.keySet()) {
			Entry entry = this.sessions.remove(id);
			if (entry != null) {
				logger.info("Closing Smooth session " + id + " left open by a model");
				closeQuietly(entry);
			}
		}
	}

	private static final class Entry {

		private final SmoothSession session;

		private final AtomicInteger busy = new AtomicInteger();

		private volatile @Nullable ScheduledFuture<?> timer;

		Entry(SmoothSession session) {
			this.session = session;
		}

		void cancelTimer() {
			ScheduledFuture<?> current = this.timer;
			if (current != null) {
				current.cancel(false);
			}
		}

	}

}
