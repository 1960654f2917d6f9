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

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;

import sh.smooth.spring.api.FilePart;
import sh.smooth.spring.error.SmoothValidationException;
import sh.smooth.spring.support.Validate;

/**
 * The content of one upload, checked before any HTTP call: the bytes as a
 * {@link Resource} (read while the request is written, never held whole), the base file
 * name sent to the server, and the content type guessed from that name. Shared by file
 * and extension uploads.
 */
final class FileUpload {

	/** Longest {@code file_purpose} the server accepts. */
	static final int MAX_PURPOSE = 64;

	// the smallest transfer rate the wait allows for before giving up on an upload
	private static final long MIN_BYTES_PER_SECOND = 64 * 1024;

	// a stream of unknown length still gets a bound
	private static final Duration UNKNOWN_LENGTH_ALLOWANCE = Duration.ofHours(1);

	private final Resource content;

	private final String filename;

	private final MediaType contentType;

	private final long length;

	private FileUpload(Resource content, String filename, long length) {
		this.content = content;
		this.filename = filename;
		this.contentType = MediaTypeFactory.getMediaType(filename).orElse(MediaType.APPLICATION_OCTET_STREAM);
		this.length = length;
	}

	/**
	 * An upload of a resource, named after the resource's file name.
	 * @param resource the resource, such as {@code classpath:invoice.pdf}
	 * @return the upload
	 */
	static FileUpload of(Resource resource) {
		Validate.notNull("resource", resource);
		String name = resource.getFilename();
		if (name == null || name.isBlank()) {
			throw new SmoothValidationException("resource", resource.getDescription(),
					"must have a file name (use upload(byte[], filename) for content without one)");
		}
		if (!resource.exists()) {
			throw new SmoothValidationException("resource", resource.getDescription(), "must exist");
		}
		if (resource.isFile() && isDirectory(resource)) {
			throw new SmoothValidationException("resource", resource.getDescription(),
					"must be a file, not a directory");
		}
		return new FileUpload(readOnce(resource), baseName("resource file name", name), knownLength(resource));
	}

	/**
	 * A single-read resource (an open stream) as a plain {@link InputStreamResource}:
	 * Spring's writer asks any other type for its length, which for a stream means
	 * reading it to the end before the upload starts.
	 */
	private static Resource readOnce(Resource resource) {
		return resource.isOpen() ? new InputStreamResource(resource::getInputStream, resource.getDescription())
				: resource;
	}

	/**
	 * An upload of a file on disk, named after its last path element.
	 * @param path the file
	 * @return the upload
	 */
	static FileUpload of(Path path) {
		Validate.notNull("path", path);
		if (!Files.isRegularFile(path)) {
			throw new SmoothValidationException("path", path.toString(), "must be an existing regular file");
		}
		if (!Files.isReadable(path)) {
			throw new SmoothValidationException("path", path.toString(), "must be readable");
		}
		Path name = path.getFileName();
		return of(new FileSystemResource(path), (name != null) ? name.toString() : path.toString());
	}

	private static FileUpload of(FileSystemResource resource, String name) {
		return new FileUpload(resource, baseName("path", name), knownLength(resource));
	}

	/**
	 * An upload of bytes in memory.
	 * @param bytes the bytes
	 * @param filename the file name to send (only its last path element is sent)
	 * @return the upload
	 */
	static FileUpload of(byte[] bytes, String filename) {
		Validate.notNull("bytes", bytes);
		String name = baseName("filename", Validate.notBlank("filename", filename));
		return new FileUpload(new ByteArrayResource(bytes), name, bytes.length);
	}

	/**
	 * Checks a purpose text: {@code null} (no purpose part) or 1 to 64 characters.
	 * @param purpose the purpose
	 * @return the purpose
	 */
	static @Nullable String purpose(@Nullable String purpose) {
		if (purpose == null) {
			return null;
		}
		Validate.notBlank("purpose", purpose);
		if (purpose.length() > MAX_PURPOSE) {
			throw new SmoothValidationException("purpose", purpose,
					"must be at most " + MAX_PURPOSE + " characters (it has " + purpose.length() + ")");
		}
		return purpose;
	}

	/**
	 * The {@code file} part of the upload: this upload's content, name, content type and
	 * length.
	 * @return the part
	 */
	FilePart part() {
		return new FilePart(this.content, this.filename, this.contentType, this.length);
	}

	/**
	 * How long the caller waits for the upload: the call timeout plus one second per 64
	 * KiB, or plus an hour when the length is unknown.
	 * @param callTimeout the bound of a plain call
	 * @return the bound
	 */
	Duration bound(Duration callTimeout) {
		if (this.length < 0) {
			return callTimeout.plus(UNKNOWN_LENGTH_ALLOWANCE);
		}
		return callTimeout.plusSeconds(this.length / MIN_BYTES_PER_SECOND);
	}

	/**
	 * Whether the content starts with the given bytes. Content that can be read only once
	 * (an open stream) is not checked and passes.
	 * @param prefix the expected first bytes
	 * @return whether it starts with them (or cannot be checked)
	 */
	boolean startsWith(byte[] prefix) {
		if (this.content.isOpen()) {
			return true;
		}
		try (InputStream in = this.content.getInputStream()) {
			return Arrays.equals(in.readNBytes(prefix.length), prefix);
		}
		catch (IOException ex) {
			throw new SmoothValidationException("file", this.filename, "must be readable (" + ex.getMessage() + ")");
		}
	}

	/**
	 * The base file name sent to the server.
	 * @return the name
	 */
	String filename() {
		return this.filename;
	}

	private static String baseName(String field, String name) {
		String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
		if (base.isEmpty()) {
			throw new SmoothValidationException(field, name, "must end with a file name");
		}
		return base;
	}

	private static boolean isDirectory(Resource resource) {
		try {
			return resource.getFile().isDirectory();
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static long knownLength(Resource resource) {
		// contentLength() of a stream-backed resource reads the whole stream: only ask
		// when it is cheap
		if (!(resource.isFile() || resource instanceof ByteArrayResource)) {
			return -1;
		}
		try {
			return resource.contentLength();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	@Override
	public String toString() {
		return "FileUpload[" + this.filename + ", " + this.contentType + ", "
				+ ((this.length >= 0) ? this.length + " bytes" : "unknown length") + "]";
	}

}
