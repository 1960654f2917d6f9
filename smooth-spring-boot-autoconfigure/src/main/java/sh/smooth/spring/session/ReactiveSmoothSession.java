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
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ParameterizedTypeReference;

import sh.smooth.spring.api.ActionInput;
import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.browser.ActionOptions;
import sh.smooth.spring.browser.ActionResult;
import sh.smooth.spring.browser.SessionTask;
import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.runtime.TaskRun;
import sh.smooth.spring.support.Validate;
import sh.smooth.spring.task.LiveUrlOptions;
import sh.smooth.spring.task.ReactiveTaskHandle;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.task.TaskStatus;

/**
 * An open browser session, with Reactor types: one remote browser driven step by step.
 * Deterministic steps ({@link #goTo}, {@link #extract}, {@link #evaluateJs}) and small
 * agent tasks ({@link #runTask}) run in the same browser, in the order they are sent.
 * Arguments are checked when a method is called; an action is sent when its {@code Mono}
 * is subscribed, and waits for its result up to {@code smooth.session.action-timeout} (or
 * its {@code timeout} option), failing with a
 * {@link sh.smooth.spring.error.SmoothTimeoutException} while the session stays usable.
 * Cancelling the subscription stops the wait, not the action. {@link #blocking()} is the
 * blocking view of the same session. Thread-safe.
 */
public final class ReactiveSmoothSession {

	private final SessionActions actions;

	private final SessionCloser closer;

	private final ReactiveTaskHandle handle;

	private final SessionBrowserActions support;

	private final SmoothSession blocking;

	ReactiveSmoothSession(TaskRun run, SessionBrowserActions support) {
		this.support = support;
		this.actions = new SessionActions(run, support.handles().converter(), support.observations());
		this.closer = new SessionCloser(this.actions, support.actionTimeout(), support.handles().timeouts().call());
		this.handle = support.handles().reactive(run);
		this.blocking = new SmoothSession(this);
		run.addListener(this.actions);
	}

	/**
	 * The session id (the id of its task).
	 * @return the id
	 */
	public String id() {
		return run().id();
	}

	/**
	 * The last status seen; does not call the server.
	 * @return the status
	 */
	public TaskStatus status() {
		return this.handle.status();
	}

	/**
	 * Whether actions can still be sent: not closed and not ended.
	 * @return whether the session is open
	 */
	public boolean isOpen() {
		return !this.closer.isClosing() && !run().isDone();
	}

	/**
	 * The live view URL (interactive, not embedded), once the browser is up.
	 * @return the URL
	 */
	public Mono<String> liveUrl() {
		return this.handle.liveUrl();
	}

	/**
	 * The live view URL with options.
	 * @param options interactive, embed, timeout
	 * @return the URL
	 */
	public Mono<String> liveUrl(@Nullable Consumer<LiveUrlOptions> options) {
		return this.handle.liveUrl(options);
	}

	/**
	 * Navigates to a page.
	 * @param url an absolute http(s) URL
	 * @return the result (navigation is free: no output, no credits)
	 */
	public Mono<ActionResult> goTo(String url) {
		return goTo(url, null);
	}

	/**
	 * Navigates to a page.
	 * @param url an absolute http(s) URL
	 * @param options the options ({@code timeout})
	 * @return the result
	 */
	public Mono<ActionResult> goTo(String url, @Nullable Consumer<ActionOptions> options) {
		return goToCall(url, options).result();
	}

	/**
	 * Extracts data of a type from the current page; its JSON Schema is sent.
	 * @param <T> the type
	 * @param type the type
	 * @return the data, empty when the server returned none
	 */
	public <T> Mono<T> extract(Class<T> type) {
		return extract(type, null);
	}

	/**
	 * Extracts data of a generic type, such as {@code List<Flight>}.
	 * @param <T> the type
	 * @param type the type reference
	 * @return the data, empty when the server returned none
	 */
	public <T> Mono<T> extract(ParameterizedTypeReference<T> type) {
		return extract(type, null);
	}

	/**
	 * Extracts data of a type from the current page; its JSON Schema is sent.
	 * @param <T> the type
	 * @param type the type
	 * @param options the options ({@code prompt}, {@code timeout}), or {@code null}
	 * @return the data, empty when the server returned none
	 */
	public <T> Mono<T> extract(Class<T> type, @Nullable Consumer<ActionOptions> options) {
		return extractCall(type, options).result();
	}

	/**
	 * Extracts data of a generic type, such as {@code List<Flight>}.
	 * @param <T> the type
	 * @param type the type reference
	 * @param options the options ({@code prompt}, {@code timeout}), or {@code null}
	 * @return the data, empty when the server returned none
	 */
	public <T> Mono<T> extract(ParameterizedTypeReference<T> type, @Nullable Consumer<ActionOptions> options) {
		return extractCall(type, options).result();
	}

	/**
	 * Extracts data matching a raw JSON Schema.
	 * @param schema the JSON Schema (an object)
	 * @param options the options ({@code prompt}, {@code timeout}), or {@code null}
	 * @return the result; its output is the data
	 */
	public Mono<ActionResult> extract(JsonNode schema, @Nullable Consumer<ActionOptions> options) {
		return extractCall(schema, options).result();
	}

	/**
	 * Evaluates JavaScript in the page.
	 * @param js an expression, a statement with {@code return}, or a function source
	 * @return its JSON return value
	 */
	public Mono<JsonNode> evaluateJs(String js) {
		return evaluateJs(js, null);
	}

	/**
	 * Evaluates JavaScript in the page.
	 * @param js an expression, a statement with {@code return}, or a function source
	 * @param options the options ({@code args}, {@code timeout}), or {@code null}
	 * @return its JSON return value
	 */
	public Mono<JsonNode> evaluateJs(String js, @Nullable Consumer<ActionOptions> options) {
		return evaluateJsCall(js, options).result();
	}

	/**
	 * Lets the agent do a small task in this browser, from the current page.
	 * @param task what the agent should do
	 * @return the result; its output is the agent's answer
	 */
	public Mono<ActionResult> runTask(String task) {
		return runTask(SessionTask.builder(task).build(), null);
	}

	/**
	 * Lets the agent do a small task in this browser.
	 * @param task the task
	 * @return the result; its output is the agent's answer
	 */
	public Mono<ActionResult> runTask(SessionTask task) {
		return runTask(task, null);
	}

	/**
	 * Lets the agent do a small task in this browser.
	 * @param task the task
	 * @param options the options ({@code timeout}), or {@code null}
	 * @return the result; its output is the agent's answer
	 */
	public Mono<ActionResult> runTask(SessionTask task, @Nullable Consumer<ActionOptions> options) {
		return runTaskCall(task, options).result();
	}

	/**
	 * Force-closes the session ({@code DELETE /task/{id}}) and waits for its final
	 * status. Idempotent; actions still waiting fail with
	 * {@link SmoothSessionClosedException}. A session that has already ended counts as
	 * closed. Cancelling the subscription does not stop the close.
	 * @return completes once closed
	 */
	public Mono<Void> close() {
		return Mono.defer(() -> Mono.fromFuture(this.closer.close(), true));
	}

	/**
	 * Closes the session.
	 * @param force {@code true} to force-close ({@code DELETE}); {@code false} to send
	 * the graceful {@code close} action, which lets the server save the profile first
	 * @return {@code true} when closed (also when it had already ended); {@code false}
	 * when the server refused a graceful close because the agent is busy
	 */
	public Mono<Boolean> close(boolean force) {
		return Mono.defer(() -> Mono.fromFuture(this.closer.close(force), true));
	}

	/**
	 * The final result (status, output, total credits), once the session was closed or
	 * has ended; waits for the final status up to the call timeout.
	 * @return the result; fails with a {@link SmoothException} while the session is open
	 */
	public Mono<TaskResult> result() {
		Duration timeout = this.support.handles().timeouts().call();
		return Mono.defer(() -> {
			if (run().isDone()) {
				return this.handle.result();
			}
			if (!this.closer.isClosing()) {
				return Mono.error(new SmoothException(
						"Smooth session " + id() + " is still open: close() it before asking for its result"));
			}
			return Mono.fromFuture(() -> run().awaitResponse(TaskResponse::isTerminal, "the final status", timeout))
				.map(this.support.handles()::result);
		});
	}

	/**
	 * The recording, once the session has ended (up to 30 s).
	 * @return the URL, empty when there is none
	 */
	public Mono<String> recordingUrl() {
		return this.handle.recordingUrl();
	}

	/**
	 * The downloads archive (files, screenshots, PDFs), once the session has ended (up to
	 * 30 s).
	 * @return the URL, empty when there is nothing
	 */
	public Mono<String> downloadsUrl() {
		return this.handle.downloadsUrl();
	}

	/**
	 * The blocking view of this session.
	 * @return the session
	 */
	public SmoothSession blocking() {
		return this.blocking;
	}

	// ---- the actions, with the bound a blocking caller waits for

	Call<ActionResult> goToCall(String url, @Nullable Consumer<ActionOptions> options) {
		String target = Validate.httpUrl("url", url);
		ActionOptions o = ActionOptions.of(options, "goto");
		return send(this.support.inputs().goTo(target), o);
	}

	<T> Call<T> extractCall(Class<T> type, @Nullable Consumer<ActionOptions> options) {
		Validate.notNull("type", type);
		Call<ActionResult> call = extractCall(this.support.schemas().schemaFor(type), options);
		return new Call<>(call.result().mapNotNull((result) -> result.output(type)), call.timeout());
	}

	<T> Call<T> extractCall(ParameterizedTypeReference<T> type, @Nullable Consumer<ActionOptions> options) {
		Validate.notNull("type", type);
		Call<ActionResult> call = extractCall(this.support.schemas().schemaFor(type.getType()), options);
		return new Call<>(call.result().mapNotNull((result) -> result.output(type)), call.timeout());
	}

	Call<ActionResult> extractCall(JsonNode schema, @Nullable Consumer<ActionOptions> options) {
		Validate.schema("schema", schema);
		ActionOptions o = ActionOptions.of(options, "extract", "prompt");
		return send(this.support.inputs().extract(schema, o.prompt()), o);
	}

	Call<JsonNode> evaluateJsCall(String js, @Nullable Consumer<ActionOptions> options) {
		Validate.notBlank("js", js);
		ActionOptions o = ActionOptions.of(options, "evaluate_js", "args");
		Call<ActionResult> call = send(this.support.inputs().evaluateJs(js, o.args()), o);
		return new Call<>(call.result().map(ActionResult::output), call.timeout());
	}

	Call<ActionResult> runTaskCall(SessionTask task, @Nullable Consumer<ActionOptions> options) {
		Validate.notNull("task", task);
		ActionOptions o = ActionOptions.of(options, "run_task");
		return send(this.support.inputs().runTask(task), o);
	}

	private Call<ActionResult> send(ActionInput input, ActionOptions options) {
		Duration timeout = options.timeoutOr(this.support.actionTimeout());
		return new Call<>(Mono.defer(() -> Mono.fromFuture(sendNow(input, timeout))), timeout);
	}

	private CompletableFuture<ActionResult> sendNow(ActionInput input, Duration timeout) {
		String action = input.action();
		if (!isOpen()) {
			TaskResponse latest = run().latest();
			String status = (latest != null && latest.isTerminal()) ? latest.status().value() : "closed";
			return CompletableFuture.failedFuture(new SmoothSessionClosedException(id(), action, null, status, null));
		}
		return this.actions.send(input, timeout);
	}

	SessionCloser closer() {
		return this.closer;
	}

	ReactiveTaskHandle handle() {
		return this.handle;
	}

	SessionBrowserActions support() {
		return this.support;
	}

	TaskRun run() {
		return this.actions.run();
	}

	@Override
	public String toString() {
		return "ReactiveSmoothSession[id=" + id() + ", status=" + status().value() + ", open=" + isOpen() + "]";
	}

	/**
	 * An action about to be sent, and how long it waits for its result.
	 *
	 * @param result the result, sent when subscribed
	 * @param timeout the action's timeout
	 * @param <T> the result type
	 */
	record Call<T>(Mono<T> result, Duration timeout) {
	}

}
