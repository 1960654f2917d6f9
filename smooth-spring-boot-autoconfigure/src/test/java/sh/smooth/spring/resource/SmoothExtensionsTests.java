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

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ByteArrayResource;

import sh.smooth.spring.error.SmoothBadRequestException;
import sh.smooth.spring.error.SmoothNotFoundException;
import sh.smooth.spring.error.SmoothValidationException;
import sh.smooth.spring.support.SmoothTestClients;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SmoothExtensionsTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@TempDir
	Path dir;

	private SmoothTestClients clients;

	private SmoothExtensions extensions;

	@BeforeEach
	void setUp() {
		this.clients = SmoothTestClients.create(wm.baseUrl() + "/api/v1");
		this.extensions = this.clients.template().extensions();
		wm.stubFor(post("/api/v1/extension").willReturn(okJson("{\"r\":{\"id\":\"ext_1\"}}")));
	}

	@AfterEach
	void tearDown() {
		this.clients.close();
	}

	@Test
	void uploadOfAZipPathSendsOneFilePartAsApplicationZip() throws Exception {
		byte[] zip = zip();
		Path file = Files.write(this.dir.resolve("ad-blocker.ZIP"), zip);

		String id = this.extensions.upload(file);

		assertThat(id).isEqualTo("ext_1");
		LoggedRequest request = singleUpload();
		assertThat(request.getHeader("Content-Type")).startsWith("multipart/form-data");
		assertThat(request.getHeader("apikey")).isEqualTo(SmoothTestClients.API_KEY);
		assertThat(request.getParts()).hasSize(1);
		Request.Part part = request.getParts().iterator().next();
		assertThat(part.getName()).isEqualTo("file");
		assertThat(part.getFileName()).isEqualTo("ad-blocker.ZIP");
		assertThat(part.getHeader("Content-Type").firstValue()).isEqualTo("application/zip");
		assertThat(part.getBody().asBytes()).isEqualTo(zip);
	}

	@Test
	void uploadOfAZipResourceUsesItsFileName() throws Exception {
		byte[] zip = zip();
		ByteArrayResource resource = new ByteArrayResource(zip) {
			@Override
			public String getFilename() {
				return "helper.zip";
			}
		};

		assertThat(this.extensions.upload(resource)).isEqualTo("ext_1");

		Request.Part part = singleUpload().getParts().iterator().next();
		assertThat(part.getFileName()).isEqualTo("helper.zip");
		assertThat(part.getBody().asBytes()).isEqualTo(zip);
	}

	@Test
	void onlyZipsAreAcceptedAndCheckedBeforeAnyCall() throws Exception {
		Path crx = Files.write(this.dir.resolve("helper.crx"), zip());
		Path fake = Files.write(this.dir.resolve("fake.zip"), "not a zip".getBytes(StandardCharsets.UTF_8));

		assertThatExceptionOfType(SmoothValidationException.class).isThrownBy(() -> this.extensions.upload(crx))
			.withMessageContaining("helper.crx")
			.withMessageContaining("must be a .zip");
		assertThatExceptionOfType(SmoothValidationException.class).isThrownBy(() -> this.extensions.upload(fake))
			.withMessageContaining("fake.zip")
			.withMessageContaining("zip signature");
		wm.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void badRequestOnUploadExplainsTheManifestRule() throws Exception {
		wm.stubFor(post("/api/v1/extension").willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"detail\":\"Only ZIP files are allowed\"}")));
		Path file = Files.write(this.dir.resolve("broken.zip"), zip());

		assertThatExceptionOfType(SmoothBadRequestException.class).isThrownBy(() -> this.extensions.upload(file))
			.withMessageContaining("'broken.zip'")
			.withMessageContaining("manifest.json")
			.withMessageContaining("Only ZIP files are allowed");
		wm.verify(1, postRequestedFor(urlEqualTo("/api/v1/extension")));
	}

	@Test
	void listMapsTheExtensions() {
		wm.stubFor(get("/api/v1/extension").willReturn(okJson("""
				{"r":[{"id":"ext_1","file_name":"ad-blocker.zip","creation_time":1731000000,"extra":1},
				      {"id":"ext_2"}]}""")));

		List<Extension> list = this.extensions.list();

		assertThat(list).containsExactly(new Extension("ext_1", "ad-blocker.zip", 1731000000L),
				new Extension("ext_2", null, null));
	}

	@Test
	void deleteUsesTheExtensionPathOfTheSdks() {
		wm.stubFor(delete("/api/v1/extension/ext_1").willReturn(okJson("{\"r\":true}")));

		this.extensions.delete("ext_1");

		wm.verify(1, deleteRequestedFor(urlEqualTo("/api/v1/extension/ext_1")));
		wm.verify(0, deleteRequestedFor(urlEqualTo("/api/v1/browser/extension/ext_1")));
	}

	@Test
	void deleteOfAnUnknownExtensionNamesTheId() {
		wm.stubFor(delete("/api/v1/extension/ghost").willReturn(aResponse().withStatus(404)));

		assertThatExceptionOfType(SmoothNotFoundException.class).isThrownBy(() -> this.extensions.delete("ghost"))
			.withMessageContaining("extension 'ghost' does not exist");
	}

	private static LoggedRequest singleUpload() {
		List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo("/api/v1/extension")));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	private static byte[] zip() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("manifest.json"));
			zip.write("{\"manifest_version\":3,\"name\":\"t\",\"version\":\"1\"}".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

}
