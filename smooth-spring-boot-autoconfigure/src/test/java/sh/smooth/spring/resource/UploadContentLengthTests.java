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

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.InputStreamResource;

import sh.smooth.spring.support.SmoothWireMock;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads of a known length carry a {@code Content-Length} (as the official SDKs' do) and
 * still stream; content of unknown length is sent chunked.
 */
class UploadContentLengthTests {

	@RegisterExtension
	static SmoothWireMock wm = new SmoothWireMock();

	@BeforeEach
	void setUp() {
		wm.stubFor(post("/api/v1/file").willReturn(okJson("{\"r\":{\"id\":\"file_1\"}}")));
	}

	@Test
	void aFileOfKnownLengthIsSentWithItsContentLength(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("invoice \"march\".csv");
		Files.writeString(file, "a,b\n1,2\n");

		assertThat(wm.template().files().upload(file, "the invoice")).isEqualTo("file_1");

		LoggedRequest request = wm.findAll(postRequestedFor(urlEqualTo("/api/v1/file"))).get(0);
		assertThat(request.getHeader("Content-Length")).isEqualTo(String.valueOf(request.getBody().length));
		assertThat(request.containsHeader("Transfer-Encoding")).isFalse();
		assertThat(request.getPart("file").getBody().asString()).isEqualTo("a,b\n1,2\n");
		assertThat(request.getPart("file").getHeader("Content-Disposition").firstValue())
			.contains("filename=\"invoice \\\"march\\\".csv\"");
		assertThat(request.getPart("file").getHeader("Content-Type").firstValue()).startsWith("text/csv");
		assertThat(request.getPart("file_purpose").getBody().asString()).isEqualTo("the invoice");
	}

	@Test
	void contentOfUnknownLengthIsSentChunked() {
		InputStreamResource stream = new InputStreamResource(
				new ByteArrayInputStream("streamed".getBytes(StandardCharsets.UTF_8))) {
			@Override
			public String getFilename() {
				return "notes.txt";
			}
		};

		assertThat(wm.template().files().upload(stream)).isEqualTo("file_1");

		LoggedRequest request = wm.findAll(postRequestedFor(urlEqualTo("/api/v1/file"))).get(0);
		assertThat(request.containsHeader("Content-Length")).isFalse();
		assertThat(request.getPart("file").getBody().asString()).isEqualTo("streamed");
	}

}
