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

package sh.smooth.spring.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Request bodies, built exactly as the wire expects them: the one JSON body writer, and
 * the multipart upload.
 */
final class RequestBodies {

	/** The multipart part that carries the file bytes. */
	static final String FILE_PART = "file";

	/** The optional multipart text part that describes the file. */
	static final String PURPOSE_PART = "file_purpose";

	private static final int CHUNK = 64 * 1024;

	private RequestBodies() {
	}

	/**
	 * A JSON body written with the wire mapper, so the application's Jackson settings
	 * (such as leaving out nulls) never change what the API receives.
	 * @param mapper the wire mapper
	 * @param value the value
	 * @return the body
	 */
	static BodyInserter<byte[], ? super ClientHttpRequest> json(JsonMapper mapper, Object value) {
		byte[] bytes = mapper.writeValueAsBytes(value);
		return (outputMessage, context) -> {
			outputMessage.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			return BodyInserters.fromValue(bytes).insert(outputMessage, context);
		};
	}

	/**
	 * A multipart upload: part {@code file} (with its file name and content type), then
	 * the optional text part {@code file_purpose}. The content streams from the resource;
	 * when its length is known the body carries a {@code Content-Length}, as the official
	 * SDKs' uploads do, otherwise it is sent chunked.
	 * @param file the file part
	 * @param purpose the purpose, or {@code null}
	 * @return the body
	 */
	static BodyInserter<?, ? super ClientHttpRequest> multipart(FilePart file, @Nullable String purpose) {
		Resource content = file.content();
		String filename = file.filename();
		MediaType contentType = file.contentType();
		long length = file.length();
		if (length < 0) {
			MultipartBodyBuilder builder = new MultipartBodyBuilder();
			builder.part(FILE_PART, content).filename(filename).contentType(contentType);
			if (purpose != null) {
				builder.part(PURPOSE_PART, purpose);
			}
			return BodyInserters.fromMultipartData(builder.build());
		}
		String boundary = boundary();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + FILE_PART + "\"; filename=\""
				+ quoted(filename) + "\"\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length
				+ "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		StringBuilder tail = new StringBuilder("\r\n");
		if (purpose != null) {
			byte[] text = purpose.getBytes(StandardCharsets.UTF_8);
			tail.append("--")
				.append(boundary)
				.append("\r\nContent-Disposition: form-data; name=\"")
				.append(PURPOSE_PART)
				.append("\"\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: ")
				.append(text.length)
				.append("\r\n\r\n")
				.append(purpose)
				.append("\r\n");
		}
		tail.append("--").append(boundary).append("--\r\n");
		byte[] end = tail.toString().getBytes(StandardCharsets.UTF_8);
		long total = head.length + length + end.length;
		return (message, context) -> {
			message.getHeaders().setContentType(MediaType.parseMediaType("multipart/form-data;boundary=" + boundary));
			message.getHeaders().setContentLength(total);
			DataBufferFactory buffers = message.bufferFactory();
			Flux<DataBuffer> body = Flux.concat(Mono.fromSupplier(() -> buffers.wrap(head)),
					DataBufferUtils.read(content, buffers, CHUNK), Mono.fromSupplier(() -> buffers.wrap(end)));
			return message.writeWith(body);
		};
	}

	private static String boundary() {
		byte[] random = new byte[24];
		// a boundary only has to be absent from the body; no secret, and no blocking read
		// of
		// /dev/urandom on whatever thread builds the request
		ThreadLocalRandom.current().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random).replace('-', 'x').replace('_', 'y');
	}

	private static String quoted(String name) {
		// a file name is a quoted string in Content-Disposition: escape what would end it
		return name.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "");
	}

}
