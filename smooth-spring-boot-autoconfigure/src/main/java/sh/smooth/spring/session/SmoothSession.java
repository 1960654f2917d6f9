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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.ParameterizedTypeReference;

import sh.smooth.spring.api.TaskEvent;
import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.polling.TaskPoller;
import sh.smooth.spring.schema.SmoothSchemaGenerator;
import sh.smooth.spring.support.Futures;
import sh.smooth.spring.support.OutputConverter;
import sh.smooth.spring.support.Validate;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.task.TaskStatus;

/**
 * An open browser session: one remote browser driven step by step. Deterministic steps
 * ({@link #goTo}, {@link #extract}, {@link #evaluateJs}) and small agent tasks
 * ({@link #runTask}) run in the same browser, one after the other.
 * <p>
 * Each action waits for its result up to {@code smooth.session.action-timeout} (or the
 * timeout given to the call); on timeout a
 * {@link sh.smooth.spring.error.SmoothTimeoutException} is thrown and the session stays
 * usable. Every action has an {@code *Async} twin; its future completes on the shared
 * polling scheduler, so chain blocking work with the {@code *Async} stages of
 * {@link CompletableFuture}. Actions are sent in the order they are called.
 * <p>
 * {@link #close()} force-closes the session, as the official SDKs do; use it with
 * try-with-resources. Sessions still open when the application context closes are closed
 * then. Thread-safe.
 */
public final class SmoothSession implements AutoCloseable, BrowserActions {

	private static final Log logger = LogFactory.getLog(SmoothSession.class);

	/** Extra time a blocking call waits beyond the action timeout, which fires first. */
	private static final Duration GRACE = Duration.ofSeconds(5);

	private final TaskPoller poller;

	private final SessionActions actions;

	private final TaskHandle handle;

	private final OutputConverter converter;

	private final SmoothSchemaGenerator schemas;

	private final Duration actionTimeout;

	private final Duration callTimeout;

	/** Set once the user closed (or began closing) the session: no new actions. */
	private volatile boolean closing;

	/** The graceful close action reported the session closed. */
	private volatile boolean gracefullyClosed;

	private final AtomicReference<@Nullable CompletableFuture<Void>> forceClose = new AtomicReference<>();

	SmoothSession(TaskPoller poller, SessionActionObserver observer, OutputConverter converter,
			SmoothSchemaGenerator schemas, Duration actionTimeout, Duration callTimeout, Duration liveUrlTimeout) {
		this.poller = poller;
		this.converter = converter;
		this.schemas = schemas;
		this.actionTimeout = actionTimeout;
		this.callTimeout = callTimeout;
		this.actions = new SessionActions(poller, converter, observer);
		this.handle = new TaskHandle(poller, converter, callTimeout, liveUrlTimeout);
		poller.addListener(this.actions);
	}

	/**
	 * The session id (the id of its task).
	 * @return the id
	 */
	public String id() {
		return this.poller.taskId();
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
		return !this.closing && !this.poller.isDone();
	}

	/**
	 * The live view URL (interactive, not embedded), waiting for the browser to come up.
	 * @return the URL
	 */
	public String liveUrl() {
		return this.handle.liveUrl();
	}

	/**
	 * The live view URL with the given flags, waiting for the browser to come up.
	 * @param interactive whether the viewer can control the browser
	 * @param embed whether the view is made for an iframe
	 * @return the URL
	 */
	public String liveUrl(boolean interactive, boolean embed) {
		return this.handle.liveUrl(interactive, embed);
	}

	/**
	 * The live view URL with the given flags and wait.
	 * @param interactive whether the viewer can control the browser
	 * @param embed whether the view is made for an iframe
	 * @param timeout how long to wait for the browser
	 * @return the URL
	 */
	public String liveUrl(boolean interactive, boolean embed, Duration timeout) {
		return this.handle.liveUrl(interactive, embed, timeout);
	}

	// ---- goto

	/**
	 * Navigates to a page.
	 * @param url an absolute http(s) URL
	 * @return the result (navigation is free: no output, no credits)
	 */
	@Override
	public ActionResult goTo(String url) {
		return goTo(url, this.actionTimeout);
	}

	/**
	 * Navigates to a page.
	 * @param url an absolute http(s) URL
	 * @param timeout how long to wait for the result
	 * @return the result
	 */
	public ActionResult goTo(String url, Duration timeout) {
		return await(goToAsync(url, timeout), timeout);
	}

	/**
	 * Navigates to a page without blocking.
	 * @param url an absolute http(s) URL
	 * @return the result
	 */
	public CompletableFuture<ActionResult> goToAsync(String url) {
		return goToAsync(url, this.actionTimeout);
	}

	/**
	 * Navigates to a page without blocking.
	 * @param url an absolute http(s) URL
	 * @param timeout how long to wait for the result
	 * @return the result
	 */
	public CompletableFuture<ActionResult> goToAsync(String url, Duration timeout) {
		String target = Validate.httpUrl("url", url);
		Validate.positive("timeout", timeout);
		ObjectNode input = mapper().createObjectNode();
		input.put("url", target);
		return send(TaskEvent.BROWSER_ACTION, "goto", input, timeout);
	}

	// ---- extract

	/**
	 * Extracts data of a type from the current page.
	 * @param <T> the type
	 * @param prompt what to extract, or {@code null} to rely on the type alone
	 * @param type the type; its JSON Schema is sent
	 * @return the data, {@code null} when the server returned none
	 */
	@Override
	public <T> @Nullable T extract(@Nullable String prompt, Class<T> type) {
		return extract(prompt, type, this.actionTimeout);
	}

	/**
	 * Extracts data of a type from the current page.
	 * @param <T> the type
	 * @param prompt what to extract, or {@code null}
	 * @param type the type
	 * @param timeout how long to wait for the result
	 * @return the data, {@code null} when the server returned none
	 */
	public <T> @Nullable T extract(@Nullable String prompt, Class<T> type, Duration timeout) {
		return await(extractAsync(prompt, type, timeout), timeout);
	}

	/**
	 * Extracts data of a generic type, such as {@code List<Flight>}, from the current
	 * page.
	 * @param <T> the type
	 * @param prompt what to extract, or {@code null}
	 * @param type the type reference
	 * @return the data, {@code null} when the server returned none
	 */
	@Override
	public <T> @Nullable T extract(@Nullable String prompt, ParameterizedTypeReference<T> type) {
		return extract(prompt, type, this.actionTimeout);
	}

	/**
	 * Extracts data of a generic type from the current page.
	 * @param <T> the type
	 * @param prompt what to extract, or {@code null}
	 * @param type the type reference
	 * @param timeout how long to wait for the result
	 * @return the data, {@code null} when the server returned none
	 */
	public <T> @Nullable T extract(@Nullable String prompt, ParameterizedTypeReference<T> type, Duration timeout) {
		return await(extractAsync(prompt, type, timeout), timeout);
	}

	/**
	 * Extracts data matching a raw JSON Schema from the current page.
	 * @param schema the JSON Schema (an object)
	 * @param prompt what to extract, or {@code null}
	 * @return the result; its output is the data
	 */
	public ActionResult extract(JsonNode schema, @Nullable String prompt) {
		return extract(schema, prompt, this.actionTimeout);
	}

	/**
	 * Extracts data matching a raw JSON Schema from the current page.
	 * @param schema the JSON Schema (an object)
	 * @param prompt what to extract, or {@code null}
	 * @param timeout how long to wait for the result
	 * @return the result
	 */
	public ActionResult extract(JsonNode schema, @Nullable String prompt, Duration timeout) {
		return await(extractAsync(schema, prompt, timeout), timeout);
	}

	/**
	 * Extracts data of a type without blocking.
	 * @param <T> the type
	 * @param prompt what to extract, or {@code null}
	 * @param type the type
	 * @return the data
	 */
	public <T> CompletableFuture<@Nullable T> extractAsync(@Nullable String prompt, Class<T> type) {
		return extractAsync(prompt, type, this.actionTimeout);
	}

	/**
	 * Extracts data of a type without blocking.
	 * @param <T> the type
	 * @param prompt what to extract, or {@code null}
	 * @param type the type
	 * @param timeout how long to wait for the result
	 * @return the data
	 */
	public <T> CompletableFuture<@Nullable T> extractAsync(@Nullable String prompt, Class<T> type, Duration timeout) {
		Validate.notNull("type", type);
		return extractAsync(this.schemas.schemaFor(type), prompt, timeout).thenApply((result) -> result.output(type));
	}

	/**
	 * Extracts data of a generic type without blocking.
	 * @param <T> the type
	 * @param prompt what to extract, or {@code null}
	 * @param type the type reference
	 * @return the data
	 */
	public <T> CompletableFuture<@Nullable T> extractAsync(@Nullable String prompt,
			ParameterizedTypeReference<T> type) {
		return extractAsync(prompt, type, this.actionTimeout);
	}

	/**
	 * Extracts data of a generic type without blocking.
	 * @param <T> the type
	 * @param prompt what to extract, or {@code null}
	 * @param type the type reference
	 * @param timeout how long to wait for the result
	 * @return the data
	 */
	public <T> CompletableFuture<@Nullable T> extractAsync(@Nullable String prompt, ParameterizedTypeReference<T> type,
			Duration timeout) {
		Validate.notNull("type", type);
		return extractAsync(this.schemas.schemaFor(type.getType()), prompt, timeout)
			.thenApply((result) -> result.output(type));
	}

	/**
	 * Extracts data matching a raw JSON Schema without blocking.
	 * @param schema the JSON Schema (an object)
	 * @param prompt what to extract, or {@code null}
	 * @param timeout how long to wait for the result
	 * @return the result
	 */
	public CompletableFuture<ActionResult> extractAsync(JsonNode schema, @Nullable String prompt, Duration timeout) {
		Validate.schema("schema", schema);
		if (prompt != null) {
			Validate.notBlank("prompt", prompt);
		}
		Validate.positive("timeout", timeout);
		ObjectNode input = mapper().createObjectNode();
		input.set("schema", schema);
		// the SDKs always send the key, null when there is no prompt
		input.put("prompt", prompt);
		return send(TaskEvent.BROWSER_ACTION, "extract", input, timeout);
	}

	// ---- evaluate_js

	/**
	 * Evaluates JavaScript in the page: an expression ({@code document.title}), a
	 * statement with {@code return}, or a function source.
	 * @param js the code
	 * @return its JSON return value
	 */
	@Override
	public JsonNode evaluateJs(String js) {
		return await(evaluateJsAsync(js, null, this.actionTimeout), this.actionTimeout);
	}

	/**
	 * Evaluates a JavaScript function with arguments, such as {@code (a) => a.x + a.y}
	 * with {@code Map.of("x", 1, "y", 2)}.
	 * @param js a function receiving the arguments object
	 * @param args the arguments, serialised as a JSON object
	 * @return its JSON return value
	 */
	@Override
	public JsonNode evaluateJs(String js, Map<String, ?> args) {
		return evaluateJs(js, args, this.actionTimeout);
	}

	/**
	 * Evaluates JavaScript with arguments.
	 * @param js the code
	 * @param args the arguments, or {@code null} for none
	 * @param timeout how long to wait for the result
	 * @return its JSON return value
	 */
	public JsonNode evaluateJs(String js, @Nullable Map<String, ?> args, Duration timeout) {
		return await(evaluateJsAsync(js, args, timeout), timeout);
	}

	/**
	 * Evaluates JavaScript without blocking.
	 * @param js the code
	 * @return its JSON return value
	 */
	public CompletableFuture<JsonNode> evaluateJsAsync(String js) {
		return evaluateJsAsync(js, null, this.actionTimeout);
	}

	/**
	 * Evaluates a JavaScript function with arguments without blocking.
	 * @param js a function receiving the arguments object
	 * @param args the arguments
	 * @return its JSON return value
	 */
	public CompletableFuture<JsonNode> evaluateJsAsync(String js, Map<String, ?> args) {
		Validate.notNull("args", args);
		return evaluateJsAsync(js, args, this.actionTimeout);
	}

	/**
	 * Evaluates JavaScript without blocking.
	 * @param js the code
	 * @param args the arguments, or {@code null} for none
	 * @param timeout how long to wait for the result
	 * @return its JSON return value
	 */
	public CompletableFuture<JsonNode> evaluateJsAsync(String js, @Nullable Map<String, ?> args, Duration timeout) {
		Validate.notBlank("js", js);
		Validate.positive("timeout", timeout);
		ObjectNode input = mapper().createObjectNode();
		input.put("js", js);
		input.set("args", (args != null) ? mapper().valueToTree(args) : mapper().nullNode());
		return send(TaskEvent.BROWSER_ACTION, "evaluate_js", input, timeout).thenApply(ActionResult::output);
	}

	// ---- run_task

	/**
	 * Lets the agent do a small task in this browser, from the current page.
	 * @param task what the agent should do
	 * @return the result; its output is the agent's answer
	 */
	public ActionResult runTask(String task) {
		return runTask(SessionTask.builder(task).build());
	}

	/**
	 * Lets the agent do a small task in this browser.
	 * @param task the task
	 * @return the result; its output is the agent's answer
	 */
	@Override
	public ActionResult runTask(SessionTask task) {
		return runTask(task, this.actionTimeout);
	}

	/**
	 * Lets the agent do a small task in this browser.
	 * @param task the task
	 * @param timeout how long to wait for the result
	 * @return the result
	 */
	public ActionResult runTask(SessionTask task, Duration timeout) {
		return await(runTaskAsync(task, timeout), timeout);
	}

	/**
	 * Lets the agent do a small task without blocking.
	 * @param task the task
	 * @return the result
	 */
	public CompletableFuture<ActionResult> runTaskAsync(SessionTask task) {
		return runTaskAsync(task, this.actionTimeout);
	}

	/**
	 * Lets the agent do a small task without blocking.
	 * @param task the task
	 * @param timeout how long to wait for the result
	 * @return the result
	 */
	public CompletableFuture<ActionResult> runTaskAsync(SessionTask task, Duration timeout) {
		Validate.notNull("task", task);
		Validate.positive("timeout", timeout);
		JsonMapper mapper = mapper();
		ObjectNode input = mapper.createObjectNode();
		input.put("task", task.task());
		input.put("max_steps", task.maxSteps());
		JsonNode responseModel = (task.outputType() != null) ? this.schemas.schemaFor(task.outputType())
				: task.responseModel();
		input.set("response_model", (responseModel != null) ? responseModel : mapper.nullNode());
		input.put("url", task.url());
		input.set("metadata", (task.metadata() != null) ? mapper.valueToTree(task.metadata()) : mapper.nullNode());
		if (task.secrets().isEmpty()) {
			input.set("secrets", mapper.nullNode());
		}
		else {
			ObjectNode secrets = input.putObject("secrets");
			task.secrets().forEach((name, secret) -> {
				ObjectNode entry = secrets.putObject(name);
				entry.put("value", secret.value());
				entry.set("allowed_urls", mapper.valueToTree(secret.allowedUrls()));
			});
		}
		return send(TaskEvent.SESSION_ACTION, "run_task", input, timeout);
	}

	// ---- close and result

	/**
	 * Force-closes the session ({@code DELETE /task/{id}}) and waits for its final
	 * status, so {@link #result()} answers at once. Idempotent. Actions still waiting
	 * fail with {@link SmoothSessionClosedException}. A session that has already ended
	 * (the server answers 404) counts as closed, as in {@link TaskHandle#cancel()}.
	 */
	@Override
	public void close() {
		Futures.await(closeAsync(), this.callTimeout.multipliedBy(2).plus(GRACE), id(), "the close");
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
		return Futures.await(closeAsync(force),
				(force ? this.callTimeout.multipliedBy(2) : this.actionTimeout).plus(GRACE), id(), "the close");
	}

	/**
	 * Force-closes the session without blocking.
	 * @return completes once the server accepted the close and reported the final status
	 * (or after the call timeout)
	 */
	public CompletableFuture<Void> closeAsync() {
		if (this.gracefullyClosed) {
			// the server is already closing it; a DELETE now could cut the profile save
			return CompletableFuture.completedFuture(null);
		}
		return forceCloseAsync();
	}

	/**
	 * Closes the session without blocking.
	 * @param force whether to force-close
	 * @return {@code true} when closed, {@code false} when a graceful close was refused
	 */
	public CompletableFuture<Boolean> closeAsync(boolean force) {
		if (force) {
			return closeAsync().thenApply((ignored) -> true);
		}
		if (this.gracefullyClosed || this.poller.isDone() || this.forceClose.get() != null) {
			return CompletableFuture.completedFuture(true);
		}
		return this.actions.send(TaskEvent.SESSION_ACTION, "close", null, this.actionTimeout)
			.handle((result, error) -> {
				if (error == null) {
					// false means the agent is busy and the session stays open
					boolean closed = !(result.output().isBoolean() && !result.output().asBoolean());
					if (closed) {
						markGracefullyClosed();
					}
					return closed;
				}
				Throwable cause = unwrap(error);
				if (cause instanceof SmoothActionFailedException || cause instanceof SmoothSessionClosedException) {
					// as in the SDKs: a failed close action, or a session that ended
					// meanwhile, is a closed session
					markGracefullyClosed();
					return true;
				}
				throw new CompletionException(cause);
			});
	}

	private void markGracefullyClosed() {
		this.gracefullyClosed = true;
		this.closing = true;
	}

	/**
	 * Force-closes even a session closed gracefully whose end the server has not reported
	 * yet; used at shutdown.
	 * @return completes once the close is done
	 */
	CompletableFuture<Void> forceCloseAsync() {
		this.closing = true;
		CompletableFuture<Void> existing = this.forceClose.get();
		if (existing != null) {
			return existing;
		}
		CompletableFuture<Void> mine = new CompletableFuture<>();
		if (!this.forceClose.compareAndSet(null, mine)) {
			CompletableFuture<Void> winner = this.forceClose.get();
			return (winner != null) ? winner : forceCloseAsync();
		}
		if (this.poller.isDone()) {
			mine.complete(null);
			return mine;
		}
		this.poller.api().cancelTask(id()).toFuture().whenComplete((accepted, error) -> {
			if (error != null) {
				// let a later close() try again
				this.forceClose.compareAndSet(mine, null);
				mine.completeExceptionally(unwrap(error));
				return;
			}
			// accepted, or already ended (404): either way read the final status
			awaitFinalStatus().whenComplete((response, failure) -> {
				if (failure != null) {
					logger.debug("No final status for Smooth session " + id() + " after its close: " + failure);
				}
				// nothing can answer these any more
				this.actions.failAll((response != null) ? response.status().value() : "closed", null);
				mine.complete(null);
			});
		});
		return mine;
	}

	private CompletableFuture<TaskResponse> awaitFinalStatus() {
		// the waiter keeps the poller polling until the end; the completion is what is
		// awaited, because it is set only once the poller has fully finished, so a
		// shutdown that follows cannot cut the final poll short
		CompletableFuture<TaskResponse> keepPolling = this.poller.awaitResponse(TaskResponse::isTerminal,
				"the final status");
		CompletableFuture<TaskResponse> end = this.poller.completion()
			.copy()
			.orTimeout(this.callTimeout.toMillis(), TimeUnit.MILLISECONDS);
		end.whenComplete((response, error) -> keepPolling.cancel(false));
		return end;
	}

	/**
	 * The final result (status, output, total credits), once the session was closed or
	 * has ended; waits for the final status up to the call timeout.
	 * @return the result
	 * @throws SmoothException if the session is still open
	 */
	public TaskResult result() {
		return result(this.callTimeout);
	}

	/**
	 * The final result, once the session was closed or has ended.
	 * @param timeout how long to wait for the final status
	 * @return the result
	 * @throws SmoothException if the session is still open
	 */
	public TaskResult result(Duration timeout) {
		Validate.positive("timeout", timeout);
		if (this.poller.isDone()) {
			return new TaskResult(Futures.await(this.poller.completion(), timeout, id(), "the result"), this.converter);
		}
		if (!this.closing) {
			throw new SmoothException(
					"Smooth session " + id() + " is still open: close() it before asking for its result");
		}
		return new TaskResult(
				Futures.awaitOrCancel(this.poller.awaitResponse(TaskResponse::isTerminal, "the final status", timeout),
						timeout, id(), "the result"),
				this.converter);
	}

	/**
	 * The recording, once the session has ended (waits up to 30 s).
	 * @return the URL, or empty when there is none
	 */
	public Optional<String> recordingUrl() {
		return this.handle.recordingUrl();
	}

	/**
	 * The downloads archive (files, screenshots, PDFs), once the session has ended (waits
	 * up to 30 s).
	 * @return the URL, or empty when there is nothing
	 */
	public Optional<String> downloadsUrl() {
		return this.handle.downloadsUrl();
	}

	/**
	 * The poller of this session, for features built on it.
	 * @return the poller
	 */
	TaskPoller poller() {
		return this.poller;
	}

	private CompletableFuture<ActionResult> send(String eventName, String action, JsonNode input, Duration timeout) {
		if (!isOpen()) {
			TaskResponse latest = this.poller.latest();
			String status = (latest != null && latest.isTerminal()) ? latest.status().value() : "closed";
			return CompletableFuture.failedFuture(new SmoothSessionClosedException(id(), action, null, status, null));
		}
		return this.actions.send(eventName, action, input, timeout);
	}

	private <T> T await(CompletableFuture<T> future, Duration timeout) {
		// the action's own timer fails it first, with the precise message
		return Futures.await(future, timeout.plus(GRACE), id(), "the action");
	}

	private JsonMapper mapper() {
		return this.poller.api().mapper();
	}

	private static Throwable unwrap(Throwable error) {
		Throwable cause = error;
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	@Override
	public String toString() {
		return "SmoothSession[id=" + id() + ", status=" + status().value() + ", open=" + isOpen() + "]";
	}

}
