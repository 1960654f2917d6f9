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

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.support.Futures;
import sh.smooth.spring.support.Validate;

/**
 * The downloads archive of a task: a zip of the files the browser downloaded (and
 * screenshots or PDFs made by built-in tools), published once the task has ended. Its
 * transfer streams buffer by buffer to a file (never held in memory), and the request to
 * the archive URL, on another host, carries no {@code apikey} header.
 */
public final class TaskDownloads {

	/** Extra time a blocking call waits beyond a bound that a timer enforces first. */
	private static final Duration GRACE = Duration.ofSeconds(5);

	private final TaskHandle handle;

	TaskDownloads(TaskHandle handle) {
		this.handle = handle;
	}

	/**
	 * The archive URL, waiting up to 30 s after the task ended.
	 * @return the URL, or empty when nothing was downloaded
	 */
	public Optional<String> url() {
		return url(Duration.ofSeconds(30));
	}

	/**
	 * The archive URL. Waits for the task to end, then asks with {@code downloads=true}.
	 * @param timeout the bound for the whole wait
	 * @return the URL, or empty when nothing was downloaded
	 */
	public Optional<String> url(Duration timeout) {
		return Optional.ofNullable(Futures.await(this.handle.reactive().downloadsUrl(timeout), timeout.plus(GRACE),
				this.handle.id(), "the downloads URL"));
	}

	/**
	 * Saves the archive to disk, waiting for the task to end, up to
	 * {@code smooth.task.default-timeout}.
	 * @param target the file to write, or an existing directory to write
	 * {@code <task id>-downloads.zip} into
	 * @return the file written, or empty when nothing was downloaded
	 * @see #saveTo(Path, Duration)
	 */
	public Optional<Path> saveTo(Path target) {
		return saveTo(target, this.handle.timeouts().task());
	}

	/**
	 * Saves the archive to disk: waits for the task to end, asks for the archive URL,
	 * then streams the archive to a {@code .part} file next to the target and moves it
	 * into place, so a failed transfer never leaves a truncated archive under the
	 * target's name.
	 * @param target the file to write (replaced if present), or an existing directory
	 * @param timeout the bound for the whole wait and transfer
	 * @return the file written, or empty when the task downloaded nothing (the server
	 * answered {@code downloads_url: ""})
	 */
	public Optional<Path> saveTo(Path target, Duration timeout) {
		Validate.notNull("target", target);
		Validate.positive("timeout", timeout);
		long deadline = System.nanoTime() + timeout.toNanos();
		Optional<String> url = url(timeout);
		if (url.isEmpty()) {
			return Optional.empty();
		}
		Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
		return Optional.of(ArchiveDownload.write(this.handle.run(), url.get(), target, left));
	}

	/**
	 * The archive as a resource: streamed to a new temporary file, which the caller owns
	 * and should delete when done. Waits up to {@code smooth.task.default-timeout}.
	 * @return the archive, or empty when the task downloaded nothing
	 */
	public Optional<Resource> asResource() {
		Path file;
		try {
			file = Files.createTempFile("smooth-", "-" + ArchiveDownload.fileName(this.handle.id()));
		}
		catch (IOException ex) {
			throw new SmoothException(
					"Could not create a temporary file for the downloads of Smooth task " + this.handle.id(), ex);
		}
		boolean written = false;
		try {
			Optional<Path> saved = saveTo(file);
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

	@Override
	public String toString() {
		return "TaskDownloads[task=" + this.handle.id() + "]";
	}

}
