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

package sh.smooth.spring.task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.web.util.UriComponentsBuilder;

import sh.smooth.spring.api.TaskEvent;
import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.error.SmoothTimeoutException;
import sh.smooth.spring.runtime.TaskRun;
import sh.smooth.spring.runtime.TaskRunListener;
import sh.smooth.spring.support.Validate;

/**
 * A running (or finished) task, with Reactor types: nothing blocks, and what waits does
 * so on the task's one poller. Made by the client; {@link #blocking()} is the blocking
 * view of the same task.
 */
public final class ReactiveTaskHandle {

	/** How many updates wait for a slow subscriber before its stream fails. */
	static final int UPDATES_BUFFER = 256;

	private static final Duration URL_REPOLL = Duration.ofMillis(800);

	private static final Duration TERMINAL_URL_TIMEOUT = Duration.ofSeconds(30);

	private final TaskRun run;

	private final TaskHandles handles;

	private final TaskHandle blocking;

	ReactiveTaskHandle(TaskRun run, TaskHandles handles) {
		this.run = run;
		this.handles = handles;
		this.blocking = new TaskHandle(this);
	}

	/**
	 * The task id.
	 * @return the id
	 */
	public String id() {
		return this.run.id();
	}

	/**
	 * The last status seen; does not call the server.
	 * @return the status ({@link TaskStatus#UNKNOWN} for a status this client does not
	 * know, which is not final)
	 */
	public TaskStatus status() {
		TaskResponse latest = this.run.latest();
		return (latest != null) ? latest.status() : TaskStatus.WAITING;
	}

	/**
	 * Credits spent so far, as last seen.
	 * @return the credits
	 */
	public long creditsUsed() {
		return credits(this.run.latest());
	}

	/**
	 * The result, when the task ends; fails when polling fails. Cancelling the
	 * subscription stops the wait, not the task.
	 * @return the result
	 */
	public Mono<TaskResult> result() {
		return Mono.fromFuture(this.run.completion(), true).map(this.handles::result);
	}

	/**
	 * The task's status changes and events as they arrive, fed by its one poller: first
	 * the status when the stream starts, then every change of status and every new event
	 * the server sends, in order; the stream completes after the final status and fails
	 * when polling fails. Each subscriber has its own bounded buffer of
	 * {@value #UPDATES_BUFFER} updates: a subscriber that requests less than the task
	 * reports, for longer than that, gets a {@link SmoothException} saying so. Cancelling
	 * the subscription stops the stream, not the task.
	 * @return the updates
	 */
	public Flux<TaskUpdate> updates() {
		return Flux.<TaskUpdate>create(this::stream, FluxSink.OverflowStrategy.BUFFER)
			.onBackpressureBuffer(UPDATES_BUFFER, BufferOverflowStrategy.ERROR)
			.onErrorMap(Exceptions::isOverflow,
					(ex) -> new SmoothException("The subscriber of the updates of Smooth task " + id()
							+ " fell more than " + UPDATES_BUFFER + " updates behind; request more, or fewer", ex));
	}

	private void stream(FluxSink<TaskUpdate> sink) {
		Updates updates = new Updates(sink);
		synchronized (updates) {
			this.run.addListener(updates);
			updates.status(this.run.latest());
		}
		sink.onDispose(() -> this.run.removeListener(updates));
	}

	/**
	 * The live view URL (interactive, not embedded), once the browser is up.
	 * @return the URL
	 */
	public Mono<String> liveUrl() {
		return liveUrl(null);
	}

	/**
	 * The live view URL with options, once the browser is up.
	 * @param options interactive, embed, timeout
	 * @return the URL
	 */
	public Mono<String> liveUrl(@Nullable Consumer<LiveUrlOptions> options) {
		LiveUrlOptions o = LiveUrlOptions.of(options);
		Duration timeout = o.timeoutOr(this.handles.timeouts().liveUrl());
		return Mono.defer(() -> {
			checkLive();
			// cancelling the subscription cancels the waiter: a waiter left behind would
			// keep the task polled at the active cadence
			return Mono.fromFuture(() -> this.run.awaitResponse((r) -> hasText(r.liveUrl()), "the live URL", timeout));
		}).map((response) -> withFlags(response.liveUrl(), o.isInteractive(), o.isEmbed()));
	}

	/**
	 * The live view URL if the browser is already up; never waits.
	 * @return the URL (interactive, not embedded)
	 */
	public Optional<String> currentLiveUrl() {
		TaskResponse latest = this.run.latest();
		return (latest != null && hasText(latest.liveUrl()) && !latest.isTerminal())
				? Optional.of(withFlags(latest.liveUrl(), true, false)) : Optional.empty();
	}

	/**
	 * Cancels the task ({@code DELETE /task/{id}}); its final status follows through
	 * polling.
	 * @return {@code true} when the server accepted the cancel, {@code false} when the
	 * task had already ended (404)
	 */
	public Mono<Boolean> cancel() {
		return Mono.defer(this.run::cancel);
	}

	/**
	 * The recording, once the task has ended and the server published it (up to 30 s).
	 * @return the URL, empty when the task has no recording
	 */
	public Mono<String> recordingUrl() {
		return recordingUrl(TERMINAL_URL_TIMEOUT);
	}

	/**
	 * The recording, once the task has ended and the server published it.
	 * @param timeout the bound of the whole wait
	 * @return the URL, empty when the task has no recording
	 */
	public Mono<String> recordingUrl(Duration timeout) {
		return terminalUrl(timeout, false, TaskResponse::recordingUrl, "the recording URL");
	}

	/**
	 * The URL of a zip of the files the browser downloaded (and screenshots or PDFs made
	 * by built-in tools), once the task has ended (up to 30 s).
	 * @return the URL, empty when there is nothing
	 */
	public Mono<String> downloadsUrl() {
		return downloadsUrl(TERMINAL_URL_TIMEOUT);
	}

	/**
	 * The URL of the downloads archive, once the task has ended; asked with
	 * {@code downloads=true}.
	 * @param timeout the bound of the whole wait
	 * @return the URL, empty when there is nothing
	 */
	public Mono<String> downloadsUrl(Duration timeout) {
		return terminalUrl(timeout, true, TaskResponse::downloadsUrl, "the downloads URL");
	}

	/**
	 * The blocking view of this task.
	 * @return the handle
	 */
	public TaskHandle blocking() {
		return this.blocking;
	}

	TaskRun run() {
		return this.run;
	}

	TaskHandles handles() {
		return this.handles;
	}

	void checkLive() {
		TaskResponse latest = this.run.latest();
		if (this.run.isDone() || (latest != null && latest.isTerminal())) {
			throw new SmoothException("The live URL of Smooth task " + id() + " is not available: the task has ended"
					+ ((latest != null) ? " (" + latest.status().value() + ")" : ""));
		}
	}

	private Mono<String> terminalUrl(Duration timeout, boolean downloads,
			Function<TaskResponse, @Nullable String> field, String what) {
		Validate.positive("timeout", timeout);
		Mono<String> url = Mono.fromFuture(this.run.completion(), true).flatMap((last) -> {
			String known = downloads ? null : field.apply(last);
			if (known != null) {
				return Mono.just(known);
			}
			// re-read until the server publishes it
			return Flux.interval(Duration.ZERO, URL_REPOLL, this.run.scheduler())
				.concatMap((tick) -> this.run.read(downloads))
				.mapNotNull(field)
				.next();
		});
		SmoothTimeoutException timedOut = new SmoothTimeoutException("Timed out after " + timeout + " waiting for "
				+ what + " of Smooth task " + id() + "; the task keeps running", id(), timeout);
		return url.timeout(timeout, Mono.error(timedOut), this.run.scheduler()).filter((value) -> !value.isEmpty());
	}

	static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	static String withFlags(@Nullable String liveUrl, boolean interactive, boolean embed) {
		if (liveUrl == null) {
			throw new SmoothException("No live URL");
		}
		return UriComponentsBuilder.fromUriString(liveUrl)
			.replaceQueryParam("interactive", interactive)
			.replaceQueryParam("embed", embed)
			.build(true)
			.toUriString();
	}

	private static long credits(@Nullable TaskResponse response) {
		return (response != null && response.creditsUsed() != null) ? response.creditsUsed() : 0;
	}

	@Override
	public String toString() {
		return "ReactiveTaskHandle[id=" + id() + ", status=" + status().value() + "]";
	}

	/**
	 * One subscriber's stream: the run's news as updates. Its lock orders the first
	 * update before those of responses handled meanwhile.
	 */
	private final class Updates implements TaskRunListener {

		private final FluxSink<TaskUpdate> sink;

		private @Nullable TaskStatus last;

		Updates(FluxSink<TaskUpdate> sink) {
			this.sink = sink;
		}

		synchronized void status(@Nullable TaskResponse response) {
			TaskStatus status = (response != null) ? response.status() : TaskStatus.WAITING;
			if (status != this.last) {
				this.last = status;
				this.sink.next(new TaskUpdate.StatusChanged(id(), status, Instant.now(),
						(response != null) ? response.liveUrl() : null, credits(response)));
			}
		}

		@Override
		public synchronized void onEvents(TaskRun run, List<TaskEvent> events) {
			for (TaskEvent event : events) {
				this.sink.next(new TaskUpdate.EventReceived(id(), event.name(), event.id(),
						(event.payload() != null) ? event.payload() : JsonNodeFactory.instance.nullNode(),
						(event.timestamp() != null) ? Instant.ofEpochMilli(event.timestamp()) : null));
			}
		}

		@Override
		public void onResponse(TaskRun run, TaskResponse response) {
			status(response);
		}

		@Override
		public void onTerminal(TaskRun run, TaskResponse response) {
			status(response);
			this.sink.complete();
		}

		@Override
		public void onFailure(TaskRun run, Throwable error) {
			this.sink.error(error);
		}

	}

}
