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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.runtime.TaskRun;
import sh.smooth.spring.support.Futures;

/**
 * A running (or finished) task. Returned as soon as the server created the task; the task
 * is polled in the background on the shared scheduler. Waiting methods block only their
 * caller, always have a bound, and refuse to run on a non-blocking thread (a Netty event
 * loop, a Reactor parallel scheduler): use {@link #reactive()} or {@link #toFuture()}
 * there. Thread-safe.
 */
public final class TaskHandle {

	/** Extra time a blocking call waits beyond a bound that a timer enforces first. */
	private static final Duration GRACE = Duration.ofSeconds(5);

	private final ReactiveTaskHandle reactive;

	private final TaskDownloads downloads;

	TaskHandle(ReactiveTaskHandle reactive) {
		this.reactive = reactive;
		this.downloads = new TaskDownloads(this);
	}

	/**
	 * The task id.
	 * @return the id
	 */
	public String id() {
		return this.reactive.id();
	}

	/**
	 * The last status seen; does not call the server.
	 * @return the status ({@link TaskStatus#UNKNOWN} for a status this client does not
	 * know, which is not final)
	 */
	public TaskStatus status() {
		return this.reactive.status();
	}

	/**
	 * Credits spent so far, as last seen.
	 * @return the credits
	 */
	public long creditsUsed() {
		return this.reactive.creditsUsed();
	}

	/**
	 * Waits for the task to end, up to {@code smooth.task.default-timeout}.
	 * @return the result
	 */
	public TaskResult await() {
		return await(timeouts().task());
	}

	/**
	 * Waits for the task to end.
	 * @param timeout the bound; when it passes a
	 * {@link sh.smooth.spring.error.SmoothTimeoutException} is thrown and the task keeps
	 * running
	 * @return the result
	 */
	public TaskResult await(Duration timeout) {
		return this.reactive.handles().result(Futures.await(run().completion(), timeout, id(), "the result"));
	}

	/**
	 * The result as a future. It completes on the shared polling scheduler: use the
	 * {@code *Async} stages for blocking work.
	 * @return the future
	 */
	public CompletableFuture<TaskResult> toFuture() {
		return run().completion().thenApply(this.reactive.handles()::result);
	}

	/**
	 * The live view URL (interactive, not embedded), waiting up to
	 * {@code smooth.task.live-url-timeout} for the browser to come up.
	 * @return the URL
	 */
	public String liveUrl() {
		return liveUrl(null);
	}

	/**
	 * The live view URL with options, such as {@code liveUrl((o) -> o.embed(true))}.
	 * @param options interactive (default {@code true}), embed (default {@code false}),
	 * timeout (default {@code smooth.task.live-url-timeout})
	 * @return the URL
	 */
	public String liveUrl(@Nullable Consumer<LiveUrlOptions> options) {
		LiveUrlOptions o = LiveUrlOptions.of(options);
		Duration timeout = o.timeoutOr(timeouts().liveUrl());
		this.reactive.checkLive();
		// the waiter goes away when the wait does: a waiter left behind would keep the
		// task polled at the active cadence
		TaskResponse response = Futures.awaitOrCancel(
				run().awaitResponse((r) -> ReactiveTaskHandle.hasText(r.liveUrl()), "the live URL", timeout), timeout,
				id(), "the live URL");
		return ReactiveTaskHandle.withFlags(response.liveUrl(), o.isInteractive(), o.isEmbed());
	}

	/**
	 * The live view URL if the browser is already up; never waits.
	 * @return the URL (interactive, not embedded)
	 */
	public Optional<String> currentLiveUrl() {
		return this.reactive.currentLiveUrl();
	}

	/**
	 * Cancels the task ({@code DELETE /task/{id}}), waiting up to the call timeout. A
	 * task that has already ended (the server answers 404) is not an error: there is
	 * nothing left to cancel, and {@code false} says so. Either way the task's final
	 * status follows through polling.
	 * @return {@code true} when the server accepted the cancel, {@code false} when the
	 * task had already ended
	 */
	public boolean cancel() {
		return Boolean.TRUE.equals(Futures.await(this.reactive.cancel(), timeouts().call(), id(), "the cancellation"));
	}

	/**
	 * The recording, waiting up to 30 s after the task ended for the server to publish
	 * it.
	 * @return the URL, or empty when the task has no recording
	 */
	public Optional<String> recordingUrl() {
		return recordingUrl(Duration.ofSeconds(30));
	}

	/**
	 * The recording URL. Waits for the task to end, then re-reads the task until the URL
	 * is known.
	 * @param timeout the bound for the whole wait
	 * @return the URL, or empty when the server says there is no recording
	 */
	public Optional<String> recordingUrl(Duration timeout) {
		return Optional.ofNullable(
				Futures.await(this.reactive.recordingUrl(timeout), timeout.plus(GRACE), id(), "the recording URL"));
	}

	/**
	 * The files the browser downloaded (and screenshots or PDFs made by built-in tools),
	 * as one zip archive.
	 * @return the downloads
	 */
	public TaskDownloads downloads() {
		return this.downloads;
	}

	/**
	 * The reactive view of this task: the same run, the same poller.
	 * @return the handle
	 */
	public ReactiveTaskHandle reactive() {
		return this.reactive;
	}

	TaskRun run() {
		return this.reactive.run();
	}

	TaskTimeouts timeouts() {
		return this.reactive.handles().timeouts();
	}

	@Override
	public String toString() {
		return "TaskHandle[id=" + id() + ", status=" + status().value() + "]";
	}

}
