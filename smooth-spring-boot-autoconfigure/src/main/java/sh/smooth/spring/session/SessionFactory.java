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

import java.util.concurrent.CompletableFuture;

import reactor.core.publisher.Mono;

import sh.smooth.spring.api.TaskKind;
import sh.smooth.spring.browser.BrowserOptions;
import sh.smooth.spring.runtime.Creation;
import sh.smooth.spring.runtime.TaskKeys;
import sh.smooth.spring.runtime.TaskLauncher;
import sh.smooth.spring.runtime.TaskRun;
import sh.smooth.spring.support.Validate;

/**
 * Opens sessions: creates the session's task ({@code task: null}) through the
 * {@link TaskLauncher} (so custom tools and the {@code smooth.task} observation take
 * part, and the poller pauses while the session is idle), attaches its actions, and
 * registers it for closing at shutdown. Closing the factory closes the sessions still
 * open.
 */
public final class SessionFactory implements AutoCloseable {

	private final TaskLauncher launcher;

	private final SessionBrowserActions actions;

	private final SessionRegistry registry;

	/**
	 * Creates a factory.
	 * @param launcher creates the session's task
	 * @param actions makes the session's actions
	 * @param registry tracks open sessions, to close them at shutdown
	 */
	public SessionFactory(TaskLauncher launcher, SessionBrowserActions actions, SessionRegistry registry) {
		this.launcher = launcher;
		this.actions = actions;
		this.registry = registry;
	}

	/**
	 * Opens a session when subscribed. Cancelling the subscription before the id arrives
	 * does not stop the creation: the session is closed as soon as its id arrives.
	 * @param options the browser options
	 * @return the open session
	 */
	public Mono<ReactiveSmoothSession> open(BrowserOptions options) {
		Validate.notNull("options", options);
		return this.launcher.launch(TaskKind.SESSION, null, options).map(this::opened);
	}

	/**
	 * Opens a session now, for callers that wait or take a future.
	 * @param options the browser options
	 * @return the creation under way: when its caller gives up first, the session the
	 * server creates is closed as soon as its id arrives
	 */
	public Creation<SmoothSession> start(BrowserOptions options) {
		Validate.notNull("options", options);
		CompletableFuture<Void> gaveUp = new CompletableFuture<>();
		CompletableFuture<SmoothSession> creating = this.launcher
			.create(TaskKind.SESSION, null, options, TaskKeys.NONE, gaveUp)
			.thenApply((run) -> opened(run).blocking());
		Creation<SmoothSession> creation = Creation.of(creating, "session", SmoothSession::id,
				(session) -> session.reactive().closer().forceClose());
		// a caller who gives up while the session waits for a slot of the fleet's limit
		// leaves the queue
		creation.future().whenComplete((session, error) -> {
			if (creation.future().isCancelled()) {
				gaveUp.complete(null);
			}
		});
		return creation;
	}

	private ReactiveSmoothSession opened(TaskRun run) {
		ReactiveSmoothSession session = this.actions.session(run);
		this.registry.register(session);
		return session;
	}

	/**
	 * The registry of open sessions.
	 * @return the registry
	 */
	public SessionRegistry registry() {
		return this.registry;
	}

	/**
	 * Force-closes every session still open (see {@link SessionRegistry#close()}).
	 */
	@Override
	public void close() {
		this.registry.close();
	}

}
