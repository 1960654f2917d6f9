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
import java.util.List;
import java.util.Locale;

import org.springframework.core.io.Resource;

import sh.smooth.spring.api.ApiErrors;
import sh.smooth.spring.api.ResourceApi;
import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.error.SmoothValidationException;
import sh.smooth.spring.support.Futures;
import sh.smooth.spring.support.Validate;

/**
 * Uploads, lists and deletes Chrome extensions ({@code /extension}). Only a {@code .zip}
 * of an unpacked extension (with its {@code manifest.json}) is accepted; that is checked
 * before any HTTP call. Each method blocks its caller. Thread-safe.
 */
public final class SmoothExtensions {

	// every zip that holds at least one file starts with a local file header
	private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };

	private final ResourceApi api;

	private final Duration timeout;

	/**
	 * Creates the extension operations.
	 * @param api the API client
	 * @param timeout the bound of one plain call
	 */
	public SmoothExtensions(SmoothApiClient api, Duration timeout) {
		this.api = api.resources();
		this.timeout = Validate.positive("timeout", timeout);
	}

	/**
	 * Uploads an extension zip.
	 * @param zip the zip, such as {@code classpath:extensions/adblock.zip}
	 * @return the extension id
	 * @throws SmoothValidationException if the name does not end in {@code .zip} or the
	 * content is not a zip
	 */
	public String upload(Resource zip) {
		return upload(FileUpload.of(zip));
	}

	/**
	 * Uploads an extension zip from disk.
	 * @param zip the zip file
	 * @return the extension id
	 * @throws SmoothValidationException if the name does not end in {@code .zip} or the
	 * content is not a zip
	 */
	public String upload(Path zip) {
		return upload(FileUpload.of(zip));
	}

	private String upload(FileUpload upload) {
		if (!upload.filename().toLowerCase(Locale.ROOT).endsWith(".zip")) {
			throw new SmoothValidationException("extension", upload.filename(),
					"must be a .zip of an unpacked Chrome extension (with manifest.json at its root)");
		}
		if (!upload.startsWith(ZIP_MAGIC)) {
			throw new SmoothValidationException("extension", upload.filename(),
					"must be a zip archive, but its content does not start with the zip signature PK\\x03\\x04");
		}
		return Futures.await(
				this.api.uploadExtension(upload.part())
					.onErrorMap(ApiErrors.explain(400,
							"the server refused extension '" + upload.filename()
									+ "' (it must be a zip of a Chrome extension with a valid manifest.json)")),
				upload.bound(this.timeout), null, "the upload of extension '" + upload.filename() + "'")
			.id();
	}

	/**
	 * Lists the uploaded extensions.
	 * @return the extensions, in the server's order
	 */
	public List<Extension> list() {
		return Futures.await(this.api.listExtensions(), this.timeout, null, "the extension list")
			.stream()
			.map((extension) -> new Extension(extension.id(), extension.fileName(), extension.creationTime()))
			.toList();
	}

	/**
	 * Deletes an extension ({@code DELETE /extension/{id}}, the path the official SDKs
	 * use).
	 * @param id the extension id
	 * @throws sh.smooth.spring.error.SmoothNotFoundException (404) if no extension has
	 * this id
	 */
	public void delete(String id) {
		Validate.notBlank("id", id);
		Futures.await(
				this.api.deleteExtension(id)
					.onErrorMap(ApiErrors.explain(404, "extension '" + id + "' does not exist")),
				this.timeout, null, "the deletion of extension '" + id + "'");
	}

	@Override
	public String toString() {
		return "SmoothExtensions";
	}

}
