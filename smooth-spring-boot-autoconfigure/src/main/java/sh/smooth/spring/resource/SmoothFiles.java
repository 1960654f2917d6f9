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

package sh.smooth.spring.resource;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;

import sh.smooth.spring.api.ApiErrors;
import sh.smooth.spring.api.ResourceApi;
import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.support.Futures;
import sh.smooth.spring.support.Validate;

/**
 * Uploads and deletes files ({@code /file}) that a task can use: pass the returned id to
 * {@code SmoothTask.Builder#files}. The server deletes files 24 hours after upload.
 * Uploads stream: the file is read in small buffers while the request is written, so a
 * large file is never held in memory. Each method blocks its caller. Thread-safe.
 */
public final class SmoothFiles {

	private final ResourceApi api;

	private final Duration timeout;

	/**
	 * Creates the file operations.
	 * @param api the API client
	 * @param timeout the bound of one plain call (uploads get one second more per 64 KiB,
	 * or an hour more when the length is unknown)
	 */
	public SmoothFiles(SmoothApiClient api, Duration timeout) {
		this.api = api.resources();
		this.timeout = Validate.positive("timeout", timeout);
	}

	/**
	 * Uploads a resource, named after its file name.
	 * @param resource the content, such as {@code classpath:invoice.pdf}
	 * @return the file id
	 */
	public String upload(Resource resource) {
		return upload(FileUpload.of(resource), null);
	}

	/**
	 * Uploads a resource with a purpose.
	 * @param resource the content
	 * @param purpose a short description for the agent, at most 64 characters, or
	 * {@code null}
	 * @return the file id
	 */
	public String upload(Resource resource, @Nullable String purpose) {
		String checked = FileUpload.purpose(purpose);
		return upload(FileUpload.of(resource), checked);
	}

	/**
	 * Uploads a file from disk, named after its last path element.
	 * @param path the file
	 * @return the file id
	 */
	public String upload(Path path) {
		return upload(FileUpload.of(path), null);
	}

	/**
	 * Uploads a file from disk with a purpose.
	 * @param path the file
	 * @param purpose a short description for the agent, at most 64 characters, or
	 * {@code null}
	 * @return the file id
	 */
	public String upload(Path path, @Nullable String purpose) {
		String checked = FileUpload.purpose(purpose);
		return upload(FileUpload.of(path), checked);
	}

	/**
	 * Uploads bytes from memory.
	 * @param bytes the content
	 * @param filename the file name to send (its content type is guessed from it)
	 * @return the file id
	 */
	public String upload(byte[] bytes, String filename) {
		return upload(FileUpload.of(bytes, filename), null);
	}

	/**
	 * Uploads bytes from memory with a purpose.
	 * @param bytes the content
	 * @param filename the file name to send
	 * @param purpose a short description for the agent, at most 64 characters, or
	 * {@code null}
	 * @return the file id
	 */
	public String upload(byte[] bytes, String filename, @Nullable String purpose) {
		String checked = FileUpload.purpose(purpose);
		return upload(FileUpload.of(bytes, filename), checked);
	}

	private String upload(FileUpload upload, @Nullable String purpose) {
		return Futures
			.await(this.api.uploadFile(upload.part(), purpose)
				.onErrorMap(ApiErrors.explain(400, "the server refused file '" + upload.filename() + "'")),
					upload.bound(this.timeout), null, "the upload of '" + upload.filename() + "'")
			.id();
	}

	/**
	 * Deletes a file before it expires.
	 * @param id the file id
	 * @throws sh.smooth.spring.error.SmoothNotFoundException (404) if no file has this id
	 * (it may have expired)
	 */
	public void delete(String id) {
		Validate.notBlank("id", id);
		Futures.await(
				this.api.deleteFile(id)
					.onErrorMap(ApiErrors.explain(404,
							"file '" + id + "' does not exist (files expire 24 hours after upload)")),
				this.timeout, null, "the deletion of file '" + id + "'");
	}

	@Override
	public String toString() {
		return "SmoothFiles";
	}

}
