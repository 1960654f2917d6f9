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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.polling.TaskPoller;
import sh.smooth.spring.schema.SmoothSchemaGenerator;
import sh.smooth.spring.support.OutputConverter;
import sh.smooth.spring.support.Validate;

/**
 * Opens {@link SmoothSession}s: creates the session's task ({@code task: null}), makes
 * its poller pause while the session is idle, attaches the action dispatcher and
 * registers the session for closing at shutdown.
 */
public final class SessionFactory {

	private final Duration actionTimeout;

	private final SmoothSchemaGenerator schemas;

	private final SessionActionObserver observer;

	private final SessionRegistry registry;

	/** Action handles of plain tasks, for custom tools; dropped when the task ends. */
	private final Map<String, SmoothSession> taskActions = new ConcurrentHashMap<>();

	/**
	 * Creates a factory.
	 * @param actionTimeout how long an action waits for its result by default
	 * @param schemas the schema generator for {@code extract} and {@code run_task}
	 * @param observer observes every action
	 * @param registry tracks open sessions
	 */
	public SessionFactory(Duration actionTimeout, SmoothSchemaGenerator schemas, SessionActionObserver observer,
			SessionRegistry registry) {
		this.actionTimeout = Validate.positive("smooth.session.action-timeout", actionTimeout);
		this.schemas = schemas;
		this.observer = observer;
		this.registry = registry;
	}

	/**
	 * Opens a session.
	 * @param spec the session options
	 * @param launch how to create it
	 * @return completes with the open session once the server created it
	 */
	public CompletableFuture<SmoothSession> open(SessionSpec spec, SessionLaunch launch) {
		Validate.notNull("spec", spec);
		Validate.notNull("launch", launch);
		AtomicReference<SmoothSession> created = new AtomicReference<>();
		return launch.starter().start(spec.options(), (poller) -> {
			// before the first poll: an idle session must not be polled at all, and no
			// event may be missed
			poller.pauseWhenIdle();
			SmoothSession session = new SmoothSession(poller, this.observer, launch.converter(), this.schemas,
					this.actionTimeout, launch.callTimeout(), launch.liveUrlTimeout());
			created.set(session);
			this.registry.register(session);
		}).map((poller) -> {
			SmoothSession session = created.get();
			if (session == null) {
				throw new SmoothException("The session " + poller.taskId() + " was started without its hook");
			}
			return session;
		}).toFuture();
	}

	/**
	 * Browser actions on an existing task, for a custom tool that wants to drive the
	 * browser of the task that called it (reference 8.4). One handle per task, created on
	 * first use and dropped when the task ends; it is not registered as a session and
	 * cannot close the task.
	 * @param poller the task's poller
	 * @param converter converts action output
	 * @param callTimeout bound of API calls made on the caller's thread
	 * @param liveUrlTimeout bound of live URL waits
	 * @return the actions
	 * @throws SmoothException when the task has already ended (a tool still running after
	 * its task ended): nothing is created then
	 */
	public BrowserActions actionsFor(TaskPoller poller, OutputConverter converter, Duration callTimeout,
			Duration liveUrlTimeout) {
		Validate.notNull("poller", poller);
		String taskId = poller.taskId();
		if (poller.isDone()) {
			throw ended(poller);
		}
		AtomicBoolean created = new AtomicBoolean();
		SmoothSession actions = this.taskActions.computeIfAbsent(taskId, (id) -> {
			created.set(true);
			return new SmoothSession(poller, this.observer, converter, this.schemas, this.actionTimeout, callTimeout,
					liveUrlTimeout);
		});
		if (created.get()) {
			// registered once the entry exists: a completion hook run inside
			// computeIfAbsent (the task ended meanwhile) would find nothing to remove
			poller.completion().whenComplete((response, error) -> this.taskActions.remove(taskId, actions));
		}
		if (poller.isDone()) {
			// ended between the check and now: the completion hook drops the entry
			throw ended(poller);
		}
		return actions;
	}

	private static SmoothException ended(TaskPoller poller) {
		TaskResponse latest = poller.latest();
		String why = (latest != null && latest.isTerminal()) ? "it has already ended with status " + latest.status()
				: "its polling has already stopped";
		return new SmoothException("No browser actions for task " + poller.taskId() + ": " + why);
	}

	/**
	 * The tasks whose browser actions a custom tool holds (see {@link #actionsFor}); a
	 * task leaves this set when it ends. For diagnostics and tests.
	 * @return a snapshot of the task ids
	 */
	public Set<String> taskActionIds() {
		return Set.copyOf(this.taskActions.keySet());
	}

	/**
	 * The registry of open sessions.
	 * @return the registry
	 */
	public SessionRegistry registry() {
		return this.registry;
	}

}
