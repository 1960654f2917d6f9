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
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ParameterizedTypeReference;

import sh.smooth.spring.browser.ActionOptions;
import sh.smooth.spring.browser.ActionResult;
import sh.smooth.spring.browser.BrowserActions;
import sh.smooth.spring.browser.SessionTask;
import sh.smooth.spring.support.Futures;
import sh.smooth.spring.task.LiveUrlOptions;
import sh.smooth.spring.task.TaskDownloads;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.task.TaskStatus;

/**
 * An open browser session: one remote browser driven step by step. Deterministic steps
 * ({@link #goTo}, {@link #extract}, {@link #evaluateJs}) and small agent tasks
 * ({@link #runTask}) run in the same browser, one after the other, in the order they are
 * called.
 * <p>
 * Each action waits for its result up to {@code smooth.session.action-timeout}, or the
 * {@code timeout} of its options ({@code s.goTo(url, (o) -> o.timeout(...))}); on timeout
 * a {@link sh.smooth.spring.error.SmoothTimeoutException} is thrown and the session stays
 * usable. A blocking call on a non-blocking thread fails at once: use {@link #reactive()}
 * there (its {@code toFuture()} gives a {@code CompletableFuture}).
 * <p>
 * {@link #close()} force-closes the session, as the official SDKs do; use it with
 * try-with-resources. Sessions still open when the application context closes are closed
 * then. Thread-safe.
 */
public final class SmoothSession implements BrowserActions, AutoCloseable {

	/** Extra time a blocking call waits beyond the action timeout, which fires first. */
	private static final Duration GRACE = Duration.ofSeconds(5);

	private final ReactiveSmoothSession reactive;

	SmoothSession(ReactiveSmoothSession reactive) {
		this.reactive = reactive;
	}

	/**
	 * The session id (the id of its task).
	 * @return the id
	 */
	public String id() {
		return this.reactive.id();
	}

	/**
	 * The last status seen; does not call the server.
	 * @return the status
	 */
	public TaskStatus status() {
		return this.reactive.status();
	}

	/**
	 * Whether actions can still be sent: not closed and not ended.
	 * @return whether the session is open
	 */
	public boolean isOpen() {
		return this.reactive.isOpen();
	}

	/**
	 * The live view URL (interactive, not embedded), waiting for the browser to come up.
	 * @return the URL
	 */
	public String liveUrl() {
		return this.reactive.handle().blocking().liveUrl();
	}

	/**
	 * The live view URL with options, such as {@code liveUrl((o) -> o.embed(true))}.
	 * @param options interactive, embed, timeout
	 * @return the URL
	 */
	public String liveUrl(@Nullable Consumer<LiveUrlOptions> options) {
		return this.reactive.handle().blocking().liveUrl(options);
	}

	@Override
	public ActionResult goTo(String url, @Nullable Consumer<ActionOptions> options) {
		return await(this.reactive.goToCall(url, options));
	}

	@Override
	public <T> @Nullable T extract(Class<T> type, @Nullable Consumer<ActionOptions> options) {
		return await(this.reactive.extractCall(type, options));
	}

	@Override
	public <T> @Nullable T extract(ParameterizedTypeReference<T> type, @Nullable Consumer<ActionOptions> options) {
		return await(this.reactive.extractCall(type, options));
	}

	/**
	 * Extracts data matching a raw JSON Schema from the current page.
	 * @param schema the JSON Schema (an object)
	 * @param options the options ({@code prompt}, {@code timeout}), or {@code null}
	 * @return the result; its output is the data
	 */
	public ActionResult extract(JsonNode schema, @Nullable Consumer<ActionOptions> options) {
		return await(this.reactive.extractCall(schema, options));
	}

	@Override
	public JsonNode evaluateJs(String js, @Nullable Consumer<ActionOptions> options) {
		return await(this.reactive.evaluateJsCall(js, options));
	}

	/**
	 * Lets the agent do a small task in this browser, from the current page.
	 * @param task what the agent should do
	 * @return the result; its output is the agent's answer
	 */
	public ActionResult runTask(String task) {
		return runTask(SessionTask.builder(task).build(), null);
	}

	@Override
	public ActionResult runTask(SessionTask task, @Nullable Consumer<ActionOptions> options) {
		return await(this.reactive.runTaskCall(task, options));
	}

	/**
	 * Force-closes the session ({@code DELETE /task/{id}}) and waits for its final
	 * status, so {@link #result()} answers at once. Idempotent. Actions still waiting
	 * fail with {@link SmoothSessionClosedException}. A session that has already ended
	 * (the server answers 404) counts as closed, as in
	 * {@link sh.smooth.spring.task.TaskHandle#cancel()}.
	 */
	@Override
	public void close() {
		Futures.await(this.reactive.closer().close(), callTimeout().multipliedBy(2).plus(GRACE), id(), "the close");
	}

	/**
	 * Closes the session.
	 * @param force {@code true} to force-close ({@code DELETE}); {@code false} to send
	 * the graceful {@code close} action, which lets the server save the profile first
	 * @return {@code true} when the session is closed (also when it had already ended: a
	 * 404 on the force-close means "already closed"); {@code false} when the server
	 * refused a graceful close because the agent is busy (force-close then)
	 */
	public boolean close(boolean force) {
		Duration bound = (force ? callTimeout().multipliedBy(2) : this.reactive.support().actionTimeout()).plus(GRACE);
		return Boolean.TRUE.equals(Futures.await(this.reactive.closer().close(force), bound, id(), "the close"));
	}

	/**
	 * The final result (status, output, total credits), once the session was closed or
	 * has ended; waits for the final status up to the call timeout.
	 * @return the result
	 * @throws sh.smooth.spring.error.SmoothException if the session is still open
	 */
	public TaskResult result() {
		return Futures.await(this.reactive.result(), callTimeout().plus(GRACE), id(), "the result");
	}

	/**
	 * The recording, once the session has ended (waits up to 30 s).
	 * @return the URL, or empty when there is none
	 */
	public Optional<String> recordingUrl() {
		return this.reactive.handle().blocking().recordingUrl();
	}

	/**
	 * The downloads archive (files, screenshots, PDFs), once the session has ended.
	 * @return the downloads
	 */
	public TaskDownloads downloads() {
		return this.reactive.handle().blocking().downloads();
	}

	/**
	 * The reactive view of this session: the same browser, the same poller.
	 * @return the session
	 */
	public ReactiveSmoothSession reactive() {
		return this.reactive;
	}

	private <T> T await(ReactiveSmoothSession.Call<T> call) {
		// the action's own timer fails it first, with the precise message
		return Futures.await(call.result(), call.timeout().plus(GRACE), id(), "the action");
	}

	private Duration callTimeout() {
		return this.reactive.support().handles().timeouts().call();
	}

	@Override
	public String toString() {
		return "SmoothSession[id=" + id() + ", status=" + status().value() + ", open=" + isOpen() + "]";
	}

}
