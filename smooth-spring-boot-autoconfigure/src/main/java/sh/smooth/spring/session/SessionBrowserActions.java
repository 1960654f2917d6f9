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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.browser.BrowserActions;
import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.observation.SessionActionObservations;
import sh.smooth.spring.observation.SmoothSessionActionObservationConvention;
import sh.smooth.spring.runtime.BrowserActionsFactory;
import sh.smooth.spring.runtime.TaskRequestMapper;
import sh.smooth.spring.runtime.TaskRun;
import sh.smooth.spring.schema.SmoothSchemaGenerator;
import sh.smooth.spring.support.Validate;
import sh.smooth.spring.task.TaskHandles;

/**
 * Browser actions over a run: what makes sessions and what a custom tool gets to drive
 * the browser of the task that called it. It holds what every session's actions share
 * (schemas, request mapper, handles, the action timeout and the action observations); it
 * needs no launcher, so the tool dispatcher can take it by constructor.
 */
public final class SessionBrowserActions implements BrowserActionsFactory {

	private final SmoothSchemaGenerator schemas;

	private final ActionInputs inputs;

	private final TaskHandles handles;

	private final Duration actionTimeout;

	private final SessionActionObservations observations;

	/** Action handles of plain tasks, for custom tools; dropped when the task ends. */
	private final Map<String, SmoothSession> taskActions = new ConcurrentHashMap<>();

	/**
	 * Creates the actions.
	 * @param schemas the schema generator for {@code extract} and {@code run_task}
	 * @param mapper writes the {@code run_task} fields a task shares with
	 * {@code POST /task}
	 * @param handles makes handles and results
	 * @param actionTimeout how long an action waits for its result by default
	 * ({@code smooth.session.action-timeout})
	 * @param registry where the {@code smooth.session.action} observations go
	 * @param convention a convention replacing the default, or {@code null}
	 */
	public SessionBrowserActions(SmoothSchemaGenerator schemas, TaskRequestMapper mapper, TaskHandles handles,
			Duration actionTimeout, ObservationRegistry registry,
			@Nullable SmoothSessionActionObservationConvention convention) {
		this.schemas = schemas;
		this.inputs = new ActionInputs(mapper);
		this.handles = handles;
		this.actionTimeout = Validate.positive("smooth.session.action-timeout", actionTimeout);
		this.observations = new SessionActionObservations(registry, convention);
	}

	/**
	 * Browser actions on a running task, for a custom tool that drives the browser of the
	 * task that called it. One handle per task, made on first use and dropped when the
	 * task ends; it is not registered as a session.
	 * @param run the task's run
	 * @return the actions
	 * @throws SmoothException when the task has already ended (a tool still running after
	 * its task ended): nothing is made then
	 */
	@Override
	public BrowserActions actionsFor(TaskRun run) {
		Validate.notNull("run", run);
		if (run.isDone()) {
			throw ended(run);
		}
		AtomicBoolean created = new AtomicBoolean();
		SmoothSession actions = this.taskActions.computeIfAbsent(run.id(), (id) -> {
			created.set(true);
			return session(run).blocking();
		});
		if (created.get()) {
			// registered once the entry exists: a completion hook run inside
			// computeIfAbsent (the task ended meanwhile) would find nothing to remove
			run.completion().whenComplete((response, error) -> this.taskActions.remove(run.id(), actions));
		}
		if (run.isDone()) {
			// ended between the check and now: the completion hook drops the entry
			throw ended(run);
		}
		return actions;
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
	 * A new session over a run.
	 * @param run the run
	 * @return the session
	 */
	ReactiveSmoothSession session(TaskRun run) {
		return new ReactiveSmoothSession(run, this);
	}

	private static SmoothException ended(TaskRun run) {
		TaskResponse latest = run.latest();
		String why = (latest != null && latest.isTerminal())
				? "it has already ended with status " + latest.status().value() : "its polling has already stopped";
		return new SmoothException("No browser actions for task " + run.id() + ": " + why);
	}

	SmoothSchemaGenerator schemas() {
		return this.schemas;
	}

	ActionInputs inputs() {
		return this.inputs;
	}

	TaskHandles handles() {
		return this.handles;
	}

	Duration actionTimeout() {
		return this.actionTimeout;
	}

	SessionActionObservations observations() {
		return this.observations;
	}

}
