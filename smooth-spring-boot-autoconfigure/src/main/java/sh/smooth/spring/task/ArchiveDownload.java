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
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import org.springframework.core.io.buffer.DataBufferUtils;

import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.runtime.TaskRun;
import sh.smooth.spring.support.Futures;

/**
 * Streams the downloads archive of a task to a file: buffer by buffer into a
 * {@code .part} file next to the target, then moved into place, so a failed transfer
 * never leaves a truncated archive under the target name.
 */
final class ArchiveDownload {

	private ArchiveDownload() {
	}

	/**
	 * Writes the archive.
	 * @param run the task's run (its download sends no API key)
	 * @param url the archive URL
	 * @param target a file, or an existing directory to write
	 * {@code <task>-downloads.zip} into
	 * @param timeout the bound of the transfer
	 * @return the file written
	 */
	static Path write(TaskRun run, String url, Path target, Duration timeout) {
		String taskId = run.id();
		URI uri = archiveUri(url, taskId);
		Path file = Files.isDirectory(target) ? target.resolve(fileName(taskId)) : target;
		Path part = file.resolveSibling(file.getFileName() + ".part");
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Futures.await(
					DataBufferUtils.write(run.download(uri), part, StandardOpenOption.CREATE,
							StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE),
					timeout, taskId, "the downloads archive");
			move(part, file);
			return file;
		}
		catch (IOException ex) {
			deleteQuietly(part);
			throw new SmoothException("Could not write the downloads archive of Smooth task " + taskId + " to " + file
					+ ": " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			deleteQuietly(part);
			throw ex;
		}
	}

	/**
	 * A file name for the archive of a task; task ids are opaque, so anything outside a
	 * safe set is replaced.
	 * @param taskId the task
	 * @return the name
	 */
	static String fileName(String taskId) {
		return taskId.replaceAll("[^A-Za-z0-9._-]", "_") + "-downloads.zip";
	}

	private static URI archiveUri(String url, String taskId) {
		try {
			URI uri = URI.create(url.trim());
			if (uri.isAbsolute() && uri.getHost() != null
					&& ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
				return uri;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below, without the URL: a signed URL is a credential
		}
		throw new SmoothException("The downloads URL of Smooth task " + taskId + " is not an absolute http(s) URL");
	}

	private static void move(Path part, Path file) throws IOException {
		try {
			Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void deleteQuietly(Path part) {
		try {
			Files.deleteIfExists(part);
		}
		catch (IOException | UncheckedIOException ex) {
			// best effort: the failure being reported matters more
		}
	}

}
