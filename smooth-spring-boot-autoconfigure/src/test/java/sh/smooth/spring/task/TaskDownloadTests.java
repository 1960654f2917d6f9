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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.Resource;

import sh.smooth.spring.error.SmoothApiException;
import sh.smooth.spring.support.SmoothTestClients;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TaskDownloadTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	// larger than the client's 16 MB in-memory limit: aggregating it would fail
	private static final int ARCHIVE_SIZE = 20 * 1024 * 1024;

	@TempDir
	Path dir;

	private SmoothTestClients clients;

	@BeforeEach
	void setUp() {
		this.clients = SmoothTestClients.create(wm.baseUrl() + "/api/v1");
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/t1"))
			.willReturn(okJson("{\"r\":{\"id\":\"t1\",\"status\":\"done\",\"output\":\"ok\"}}")));
	}

	@AfterEach
	void tearDown() {
		this.clients.close();
	}

	@Test
	void downloadStreamsTheArchiveToTheFileWithoutTheApiKey() throws Exception {
		// on the API's own host and under its base path: the key filter alone would add
		// the key here
		byte[] archive = archive();
		downloadsUrlIs(wm.baseUrl() + "/api/v1/archives/t1.zip?sig=s3cr3t");
		wm.stubFor(get(urlPathEqualTo("/api/v1/archives/t1.zip")).willReturn(aResponse().withBody(archive)));
		Path target = this.dir.resolve("out/t1.zip");

		Optional<Path> saved = handle().downloads().saveTo(target, Duration.ofSeconds(10));

		assertThat(saved).contains(target);
		assertThat(Files.readAllBytes(target)).isEqualTo(archive);
		assertThat(this.dir.resolve("out/t1.zip.part")).doesNotExist();
		wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/archives/t1.zip")).withoutHeader("apikey")
			.withQueryParam("sig", equalTo("s3cr3t")));
		// the API calls of the same handle do carry it
		wm.verify(getRequestedFor(urlPathEqualTo("/api/v1/task/t1")).withQueryParam("downloads", equalTo("true"))
			.withHeader("apikey", equalTo(SmoothTestClients.API_KEY)));
	}

	@Test
	void aDirectoryTargetGetsANamedArchiveAndRedirectsAreFollowedWithoutTheKey() throws Exception {
		downloadsUrlIs(wm.baseUrl() + "/api/v1/signed/t1");
		wm.stubFor(get(urlPathEqualTo("/api/v1/signed/t1"))
			.willReturn(aResponse().withStatus(302).withHeader("Location", "/storage/t1.zip")));
		wm.stubFor(get(urlPathEqualTo("/storage/t1.zip")).willReturn(aResponse().withBody(new byte[] { 'P', 'K' })));

		Optional<Path> saved = handle().downloads().saveTo(this.dir, Duration.ofSeconds(10));

		assertThat(saved).contains(this.dir.resolve("t1-downloads.zip"));
		assertThat(Files.readAllBytes(saved.get())).containsExactly('P', 'K');
		wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/signed/t1")).withoutHeader("apikey"));
		wm.verify(1, getRequestedFor(urlPathEqualTo("/storage/t1.zip")).withoutHeader("apikey"));
	}

	@Test
	void nothingDownloadedIsAnEmptyResultAndWritesNoFile() {
		downloadsUrlIs("");
		Path target = this.dir.resolve("t1.zip");

		TaskHandle handle = handle();

		assertThat(handle.downloads().saveTo(target, Duration.ofSeconds(10))).isEmpty();
		assertThat(target).doesNotExist();
		assertThat(handle.downloads().asResource()).isEmpty();
	}

	@Test
	void aFailedDownloadLeavesNoFileAndDoesNotShowTheSignedQuery() {
		downloadsUrlIs(wm.baseUrl() + "/expired/t1.zip?sig=s3cr3t");
		wm.stubFor(get(urlPathEqualTo("/expired/t1.zip")).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/xml")
			.withBody("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>")));
		Path target = this.dir.resolve("t1.zip");

		assertThatExceptionOfType(SmoothApiException.class)
			.isThrownBy(() -> handle().downloads().saveTo(target, Duration.ofSeconds(10)))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(403);
				assertThat(ex.getMessage()).contains("localhost").contains("Request has expired");
				assertThat(ex.getMessage()).doesNotContain("s3cr3t");
			});
		assertThat(target).doesNotExist();
		assertThat(this.dir.resolve("t1.zip.part")).doesNotExist();
	}

	@Test
	void downloadsAsResourceIsATemporaryFileWithTheArchive() throws Exception {
		downloadsUrlIs(wm.baseUrl() + "/archives/t1.zip");
		wm.stubFor(get(urlPathEqualTo("/archives/t1.zip")).willReturn(aResponse().withBody(new byte[] { 1, 2, 3 })));

		Resource resource = handle().downloads().asResource().orElseThrow();

		try {
			assertThat(resource.getContentAsByteArray()).containsExactly(1, 2, 3);
			assertThat(resource.getFilename()).endsWith("t1-downloads.zip");
		}
		finally {
			Files.deleteIfExists(resource.getFile().toPath());
		}
	}

	private TaskHandle handle() {
		return this.clients.template().attach("t1");
	}

	private static void downloadsUrlIs(String url) {
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/t1")).withQueryParam("downloads", equalTo("true"))
			.atPriority(1)
			.willReturn(okJson("{\"r\":{\"id\":\"t1\",\"status\":\"done\",\"downloads_url\":\"" + url + "\"}}")));
	}

	private static byte[] archive() {
		byte[] bytes = new byte[ARCHIVE_SIZE];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) (i * 31 + (i >>> 11));
		}
		return bytes;
	}

}
