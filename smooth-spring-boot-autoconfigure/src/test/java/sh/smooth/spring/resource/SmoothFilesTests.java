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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.InputStreamResource;

import sh.smooth.spring.error.SmoothBadRequestException;
import sh.smooth.spring.error.SmoothNotFoundException;
import sh.smooth.spring.error.SmoothValidationException;
import sh.smooth.spring.support.SmoothTestClients;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SmoothFilesTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@TempDir
	Path dir;

	private SmoothTestClients clients;

	private SmoothFiles files;

	@BeforeEach
	void setUp() {
		this.clients = SmoothTestClients.create(wm.baseUrl() + "/api/v1");
		this.files = this.clients.template().files();
		wm.stubFor(post("/api/v1/file").willReturn(okJson("{\"r\":{\"id\":\"file_123\"}}")));
	}

	@AfterEach
	void tearDown() {
		this.clients.close();
	}

	@Test
	void uploadOfAPathWithPurposeSendsBothPartsExactly() throws Exception {
		Path pdf = Files.write(this.dir.resolve("contract.pdf"), "%PDF-1.7 fake".getBytes(StandardCharsets.UTF_8));

		String id = this.files.upload(pdf, "the contract to sign");

		assertThat(id).isEqualTo("file_123");
		LoggedRequest request = singleUpload();
		assertThat(request.getHeader("Content-Type")).startsWith("multipart/form-data;boundary=");
		assertThat(request.getHeader("apikey")).isEqualTo(SmoothTestClients.API_KEY);
		Map<String, Request.Part> parts = parts(request);
		assertThat(parts).containsOnlyKeys("file", "file_purpose");
		Request.Part file = parts.get("file");
		assertThat(file.getFileName()).isEqualTo("contract.pdf");
		assertThat(file.getHeader("Content-Type").firstValue()).isEqualTo("application/pdf");
		assertThat(file.getBody().asString()).isEqualTo("%PDF-1.7 fake");
		Request.Part purpose = parts.get("file_purpose");
		assertThat(purpose.getFileName()).isNull();
		assertThat(purpose.getBody().asString()).isEqualTo("the contract to sign");
	}

	@Test
	void uploadOfAResourceWithoutPurposeSendsOnlyTheFilePart() {
		String id = this.files.upload(new ClassPathResource("uploads/invoice.csv"));

		assertThat(id).isEqualTo("file_123");
		Map<String, Request.Part> parts = parts(singleUpload());
		assertThat(parts).containsOnlyKeys("file");
		assertThat(parts.get("file").getFileName()).isEqualTo("invoice.csv");
		assertThat(parts.get("file").getHeader("Content-Type").firstValue()).isEqualTo("text/csv");
		assertThat(parts.get("file").getBody().asString()).isEqualTo("id,total\n1,9.99\n");
	}

	@Test
	void uploadOfBytesSendsOnlyTheBaseNameAndGuessesTheType() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff };

		this.files.upload(png, "C:\\Users\\me\\shots/screen.png", "screenshot");

		Map<String, Request.Part> parts = parts(singleUpload());
		assertThat(parts.get("file").getFileName()).isEqualTo("screen.png");
		assertThat(parts.get("file").getHeader("Content-Type").firstValue()).isEqualTo("image/png");
		assertThat(parts.get("file").getBody().asBytes()).isEqualTo(png);
		assertThat(parts.get("file_purpose").getBody().asString()).isEqualTo("screenshot");
	}

	@Test
	void unknownExtensionsAreSentAsOctetStream() {
		this.files.upload(new byte[] { 1, 2, 3 }, "blob.qqq9");

		Request.Part file = parts(singleUpload()).get("file");
		assertThat(file.getFileName()).isEqualTo("blob.qqq9");
		assertThat(file.getHeader("Content-Type").firstValue()).isEqualTo("application/octet-stream");
	}

	@Test
	void aStreamResourceIsSentWithItsFileName() {
		InputStreamResource stream = new InputStreamResource(
				new java.io.ByteArrayInputStream("streamed".getBytes(StandardCharsets.UTF_8))) {
			@Override
			public String getFilename() {
				return "notes.txt";
			}
		};

		this.files.upload(stream);

		Request.Part file = parts(singleUpload()).get("file");
		assertThat(file.getFileName()).isEqualTo("notes.txt");
		assertThat(file.getHeader("Content-Type").firstValue()).isEqualTo("text/plain");
		assertThat(file.getBody().asString()).isEqualTo("streamed");
	}

	@Test
	void purposeOfExactly64CharactersIsSent() {
		String purpose = "p".repeat(64);

		this.files.upload(new byte[] { 1 }, "a.bin", purpose);

		assertThat(parts(singleUpload()).get("file_purpose").getBody().asString()).isEqualTo(purpose);
	}

	@Test
	void invalidArgumentsAreRejectedBeforeAnyCall() throws Exception {
		assertThatExceptionOfType(SmoothValidationException.class)
			.isThrownBy(() -> this.files.upload(new byte[] { 1 }, "a.bin", "p".repeat(65)))
			.withMessageContaining("purpose")
			.withMessageContaining("at most 64 characters");
		assertThatExceptionOfType(SmoothValidationException.class)
			.isThrownBy(() -> this.files.upload(new byte[] { 1 }, "a.bin", "  "))
			.withMessageContaining("purpose");
		assertThatExceptionOfType(SmoothValidationException.class)
			.isThrownBy(() -> this.files.upload(new byte[] { 1 }, "dir/"))
			.withMessageContaining("filename");
		assertThatExceptionOfType(SmoothValidationException.class)
			.isThrownBy(() -> this.files.upload(new ByteArrayResource(new byte[] { 1 })))
			.withMessageContaining("must have a file name");
		assertThatExceptionOfType(SmoothValidationException.class)
			.isThrownBy(() -> this.files.upload(this.dir.resolve("missing.pdf")))
			.withMessageContaining("missing.pdf")
			.withMessageContaining("existing regular file");
		assertThatExceptionOfType(SmoothValidationException.class).isThrownBy(() -> this.files.upload(this.dir))
			.withMessageContaining("existing regular file");
		assertThatExceptionOfType(SmoothValidationException.class)
			.isThrownBy(() -> this.files.upload(new ClassPathResource("uploads/nope.csv")))
			.withMessageContaining("must exist");
		wm.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void badRequestOnUploadNamesTheFileAndIsNotRetried() {
		wm.stubFor(post("/api/v1/file").willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"detail\":\"Invalid file\"}")));

		assertThatExceptionOfType(SmoothBadRequestException.class)
			.isThrownBy(() -> this.files.upload(new byte[] { 1 }, "x.exe"))
			.withMessageContaining("'x.exe'")
			.withMessageContaining("Invalid file");
		wm.verify(1, postRequestedFor(urlEqualTo("/api/v1/file")));
	}

	@Test
	void serverErrorOnUploadIsNotRetried() {
		wm.stubFor(post("/api/v1/file").willReturn(aResponse().withStatus(503)));

		assertThatExceptionOfType(sh.smooth.spring.error.SmoothServerException.class)
			.isThrownBy(() -> this.files.upload(new byte[] { 1 }, "x.bin"));
		wm.verify(1, postRequestedFor(urlEqualTo("/api/v1/file")));
	}

	@Test
	void deleteCallsTheFilePath() {
		wm.stubFor(delete("/api/v1/file/file_123").willReturn(okJson("{\"r\":true}")));

		this.files.delete("file_123");

		wm.verify(1, deleteRequestedFor(urlEqualTo("/api/v1/file/file_123")));
	}

	@Test
	void deleteOfAnUnknownFileNamesTheIdAndTheExpiry() {
		wm.stubFor(delete("/api/v1/file/old").willReturn(aResponse().withStatus(404)));

		assertThatExceptionOfType(SmoothNotFoundException.class).isThrownBy(() -> this.files.delete("old"))
			.withMessageContaining("file 'old' does not exist")
			.withMessageContaining("24 hours");
	}

	private static LoggedRequest singleUpload() {
		List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo("/api/v1/file")));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	private static Map<String, Request.Part> parts(LoggedRequest request) {
		return request.getParts().stream().collect(Collectors.toMap(Request.Part::getName, Function.identity()));
	}

}
