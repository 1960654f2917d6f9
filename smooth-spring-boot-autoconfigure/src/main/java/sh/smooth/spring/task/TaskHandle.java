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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.web.util.UriComponentsBuilder;

import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.polling.TaskPoller;
import sh.smooth.spring.support.Futures;
import sh.smooth.spring.support.OutputConverter;
import sh.smooth.spring.support.Validate;

/**
 * A running (or finished) task. Returned at once by {@code submit}; the task is polled in
 * the background on the shared scheduler. Waiting methods block only their caller and
 * always have a bound.
 */
public final class TaskHandle {

	private static final Duration URL_REPOLL = Duration.ofMillis(800);

	private final TaskPoller poller;

	private final OutputConverter converter;

	private final Duration defaultTimeout;

	private final Duration liveUrlTimeout;

	/**
	 * Creates a handle; used by the template.
	 * @param poller the task's poller
	 * @param converter converts output
	 * @param defaultTimeout the bound of {@link #await()}
	 * @param liveUrlTimeout the bound of {@link #liveUrl()}
	 */
	public TaskHandle(TaskPoller poller, OutputConverter converter, Duration defaultTimeout, Duration liveUrlTimeout) {
		this.poller = poller;
		this.converter = converter;
		this.defaultTimeout = defaultTimeout;
		this.liveUrlTimeout = liveUrlTimeout;
	}

	/**
	 * The task id.
	 * @return the id
	 */
	public String id() {
		return this.poller.taskId();
	}

	/**
	 * The last status seen; does not call the server.
	 * @return the status ({@link TaskStatus#UNKNOWN} for a status this client does not
	 * know, which is not final)
	 */
	public TaskStatus status() {
		TaskResponse latest = this.poller.latest();
		return (latest != null) ? latest.status() : TaskStatus.WAITING;
	}

	/**
	 * Credits spent so far, as last seen.
	 * @return the credits
	 */
	public long creditsUsed() {
		TaskResponse latest = this.poller.latest();
		return (latest != null && latest.creditsUsed() != null) ? latest.creditsUsed() : 0;
	}

	/**
	 * The live view URL (interactive, not embedded), waiting for the browser to come up.
	 * @return the URL
	 */
	public String liveUrl() {
		return liveUrl(true, false, this.liveUrlTimeout);
	}

	/**
	 * The live view URL with the given flags, waiting for the browser to come up.
	 * @param interactive whether the viewer can control the browser
	 * @param embed whether the view is made for an iframe
	 * @return the URL
	 */
	public String liveUrl(boolean interactive, boolean embed) {
		return liveUrl(interactive, embed, this.liveUrlTimeout);
	}

	/**
	 * The live view URL with the given flags.
	 * @param interactive whether the viewer can control the browser
	 * @param embed whether the view is made for an iframe
	 * @param timeout how long to wait for the browser
	 * @return the URL
	 */
	public String liveUrl(boolean interactive, boolean embed, Duration timeout) {
		Validate.positive("timeout", timeout);
		TaskResponse latest = this.poller.latest();
		if (this.poller.isDone() || (latest != null && latest.isTerminal())) {
			throw new SmoothException("The live URL of Smooth task " + id() + " is not available: the task has ended"
					+ ((latest != null) ? " (" + latest.status().value() + ")" : ""));
		}
		// the waiter goes away when the wait does: a waiter left behind would keep the
		// task
		// polled at the active cadence
		TaskResponse response = Futures.awaitOrCancel(
				this.poller.awaitResponse((r) -> hasText(r.liveUrl()), "the live URL", timeout), timeout, id(),
				"the live URL");
		return withFlags(response.liveUrl(), interactive, embed);
	}

	/**
	 * The live view URL if the browser is already up; never waits.
	 * @return the URL (interactive, not embedded)
	 */
	public Optional<String> currentLiveUrl() {
		TaskResponse latest = this.poller.latest();
		return (latest != null && hasText(latest.liveUrl()) && !latest.isTerminal())
				? Optional.of(withFlags(latest.liveUrl(), true, false)) : Optional.empty();
	}

	/**
	 * Waits for the task to end, up to {@code smooth.task.default-timeout}.
	 * @return the result
	 */
	public TaskResult await() {
		return await(this.defaultTimeout);
	}

	/**
	 * Waits for the task to end.
	 * @param timeout the bound; when it passes a
	 * {@link sh.smooth.spring.error.SmoothTimeoutException} is thrown and the task keeps
	 * running
	 * @return the result
	 */
	public TaskResult await(Duration timeout) {
		return new TaskResult(Futures.await(this.poller.completion(), timeout, id(), "the result"), this.converter);
	}

	/**
	 * The result as a future. It completes on the shared polling scheduler: use the
	 * {@code *Async} stages for blocking work.
	 * @return the future
	 */
	public CompletableFuture<TaskResult> toFuture() {
		return this.poller.completion().thenApply((response) -> new TaskResult(response, this.converter));
	}

	/**
	 * Cancels the task ({@code DELETE /task/{id}}). A task that has already ended (the
	 * server answers 404) is not an error: there is nothing left to cancel, and
	 * {@code false} says so. Either way the task's final status follows through polling.
	 * @return {@code true} when the server accepted the cancel, {@code false} when the
	 * task had already ended
	 */
	public boolean cancel() {
		Boolean accepted = Futures.await(this.poller.api().cancelTask(id()), this.liveUrlTimeout, id(),
				"the cancellation");
		this.poller.wakeUp();
		return Boolean.TRUE.equals(accepted);
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
		return terminalUrl(timeout, false, TaskResponse::recordingUrl, "the recording URL");
	}

	/**
	 * The downloads archive, waiting up to 30 s.
	 * @return the URL, or empty when nothing was downloaded
	 */
	public Optional<String> downloadsUrl() {
		return downloadsUrl(Duration.ofSeconds(30));
	}

	/**
	 * The URL of a zip of the files the browser downloaded (and screenshots or PDFs made
	 * by built-in tools). Waits for the task to end, then asks with
	 * {@code downloads=true}.
	 * @param timeout the bound for the whole wait
	 * @return the URL, or empty when there is nothing
	 */
	public Optional<String> downloadsUrl(Duration timeout) {
		return terminalUrl(timeout, true, TaskResponse::downloadsUrl, "the downloads URL");
	}

	private Optional<String> terminalUrl(Duration timeout, boolean downloads,
			Function<TaskResponse, @Nullable String> field, String what) {
		Validate.positive("timeout", timeout);
		long deadline = System.nanoTime() + timeout.toNanos();
		TaskResponse last = Futures.await(this.poller.completion(), timeout, id(), what);
		String known = downloads ? null : field.apply(last);
		if (known != null) {
			return known.isEmpty() ? Optional.empty() : Optional.of(known);
		}
		Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
		SmoothApiClient api = this.poller.api();
		Mono<String> url = Flux.interval(Duration.ZERO, URL_REPOLL, this.poller.scheduler())
			.concatMap((tick) -> api.getTask(id(), downloads))
			.map((r) -> Optional.ofNullable(field.apply(r)))
			.filter(Optional::isPresent)
			.map(Optional::get)
			.next();
		// cancelled (the re-reads stop) when the caller gives up
		String value = Futures.await(url, left, id(), what);
		return value.isEmpty() ? Optional.empty() : Optional.of(value);
	}

	private static boolean hasText(@Nullable String value) {
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

	@Override
	public String toString() {
		return "TaskHandle[id=" + id() + ", status=" + status().value() + "]";
	}

	/**
	 * Saves the downloads archive (a zip of the files the browser downloaded) to disk,
	 * waiting for the task to end, up to {@code smooth.task.default-timeout}.
	 * @param target the file to write, or an existing directory to write
	 * {@code <task id>-downloads.zip} into
	 * @return the file written, or empty when nothing was downloaded
	 * @see #downloadTo(Path, Duration)
	 */
	public Optional<Path> downloadTo(Path target) {
		return downloadTo(target, this.defaultTimeout);
	}

	/**
	 * Saves the downloads archive to disk. Waits for the task to end, asks for the
	 * archive URL, then streams the archive buffer by buffer to the file (never held in
	 * memory). The request to the archive URL, on another host, carries no {@code apikey}
	 * header.
	 * @param target the file to write (replaced if present), or an existing directory
	 * @param timeout the bound for the whole wait and transfer
	 * @return the file written, or empty when the task downloaded nothing (the server
	 * answered {@code downloads_url: ""})
	 */
	public Optional<Path> downloadTo(Path target, Duration timeout) {
		Validate.notNull("target", target);
		Validate.positive("timeout", timeout);
		long deadline = System.nanoTime() + timeout.toNanos();
		Optional<String> url = downloadsUrl(timeout);
		if (url.isEmpty()) {
			return Optional.empty();
		}
		Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
		return Optional.of(ArchiveDownload.write(this.poller.api(), url.get(), target, id(), left));
	}

	/**
	 * The downloads archive as a resource: streamed to a new temporary file, which the
	 * caller owns and should delete when done. Waits up to
	 * {@code smooth.task.default-timeout}.
	 * @return the archive, or empty when the task downloaded nothing
	 */
	public Optional<Resource> downloadsAsResource() {
		Path file;
		try {
			file = Files.createTempFile("smooth-", "-" + ArchiveDownload.fileName(id()));
		}
		catch (IOException ex) {
			throw new SmoothException("Could not create a temporary file for the downloads of Smooth task " + id(), ex);
		}
		boolean written = false;
		try {
			Optional<Path> saved = downloadTo(file);
			written = saved.isPresent();
			return saved.map(FileSystemResource::new);
		}
		finally {
			if (!written) {
				deleteQuietly(file);
			}
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// nothing more to do: the temporary file is left behind
		}
	}

}
