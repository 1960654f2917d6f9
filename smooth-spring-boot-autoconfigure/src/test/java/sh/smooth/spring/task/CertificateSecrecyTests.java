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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import sh.smooth.spring.api.TaskRequest;
import sh.smooth.spring.browser.Certificate;
import sh.smooth.spring.error.SmoothUnprocessableEntityException;
import sh.smooth.spring.error.SmoothValidationException;
import sh.smooth.spring.runtime.TaskDefaults;
import sh.smooth.spring.runtime.TaskRequestMapper;
import sh.smooth.spring.schema.SmoothSchemaGenerator;
import sh.smooth.spring.support.ExpectedLog;
import sh.smooth.spring.support.LogCapture;
import sh.smooth.spring.support.SmoothTestClients;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A PKCS#12 certificate from a resource reaches the wire, and its password and bytes
 * appear nowhere else: not in {@code toString}, exceptions or logs (even at DEBUG).
 */
@ExpectedLog(level = { org.slf4j.event.Level.TRACE, org.slf4j.event.Level.DEBUG },
		why = "every logger is raised to TRACE to show that no certificate data reaches a log; the test reads them through its own appender")
class CertificateSecrecyTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final String PASSWORD = "p12-Pa55word-do-not-leak";

	private static final byte[] PKCS12 = "FAKE-PKCS12-BYTES-7c1e9d".getBytes(StandardCharsets.US_ASCII);

	private static final String BASE64 = Base64.getEncoder().encodeToString(PKCS12);

	private SmoothTestClients clients;

	private LogCapture logs;

	@BeforeEach
	void setUp() {
		this.clients = SmoothTestClients.create(wm.baseUrl() + "/api/v1");
		this.logs = LogCapture.of(Level.TRACE, org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

	@AfterEach
	void tearDown() {
		this.logs.close();
		this.clients.close();
	}

	@Test
	void aTaskWithACertificateSendsItAndShowsItNowhereElse() {
		wm.stubFor(post("/api/v1/task").willReturn(okJson("{\"r\":{\"id\":\"t1\",\"status\":\"running\"}}")));
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/t1"))
			.willReturn(okJson("{\"r\":{\"id\":\"t1\",\"status\":\"done\",\"output\":\"ok\"}}")));
		SmoothTask task = SmoothTask.builder("open the intranet")
			.browser((b) -> b.certificate(Certificate.of(new ByteArrayResource(PKCS12), PASSWORD)))
			.build();

		TaskHandle handle = this.clients.template().submit(task);
		TaskResult result = handle.await(Duration.ofSeconds(5));

		wm.verify(1,
				postRequestedFor(urlEqualTo("/api/v1/task"))
					.withRequestBody(matchingJsonPath("$.certificates[0].file", equalTo(BASE64)))
					.withRequestBody(matchingJsonPath("$.certificates[0].password", equalTo(PASSWORD))));
		TaskRequest request = new TaskRequestMapper(TaskDefaults.standard(), new SmoothSchemaGenerator(),
				JsonMapper.builder().build())
			.request(task.instruction(), task.browser(), List.of());
		assertThat(request.certificates()).isNotNull();
		assertNoSecret(task.toString(), request.toString(), request.certificates().toString(),
				task.browser().certificates().toString(), handle.toString(), result.toString());
		assertThat(this.logs.events()).as("something was logged at DEBUG/TRACE").isNotEmpty();
		assertNoSecret(this.logs.text());
	}

	@Test
	void aRejectedTaskDoesNotShowTheCertificateInTheException() {
		// FastAPI echoes the offending input in 422 details
		wm.stubFor(post("/api/v1/task").willReturn(aResponse().withStatus(422)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"detail\":[{\"loc\":[\"body\",\"certificates\",0,\"password\"],"
					+ "\"msg\":\"invalid certificate\",\"type\":\"value_error\",\"input\":\"" + PASSWORD + "\"}]}")));
		SmoothTask task = SmoothTask.builder("open the intranet")
			.browser((b) -> b.certificate(Certificate.of(new ByteArrayResource(PKCS12), PASSWORD)))
			.build();

		assertThatExceptionOfType(SmoothUnprocessableEntityException.class)
			.isThrownBy(() -> this.clients.template().submit(task))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).contains("certificates.0.password").contains("invalid certificate");
				assertNoSecret(ex.getMessage(), ex.toString(), String.valueOf(ex.fieldErrors()));
			});
		assertNoSecret(this.logs.text());
	}

	@Test
	void certificateAndValidationErrorsDoNotShowTheSecret() {
		assertThatExceptionOfType(SmoothValidationException.class)
			.isThrownBy(() -> Certificate.of(new ClassPathResource("missing.p12"), PASSWORD))
			.satisfies((ex) -> assertNoSecret(ex.getMessage()));
		Certificate certificate = Certificate.of(new ByteArrayResource(PKCS12), PASSWORD);
		assertNoSecret(certificate.toString());
		assertThatExceptionOfType(SmoothValidationException.class)
			.isThrownBy(() -> SmoothTask.builder("x").browser((b) -> b.certificate(certificate)).maxSteps(1).build())
			.satisfies((ex) -> assertNoSecret(ex.getMessage()));
	}

	private static void assertNoSecret(String... texts) {
		for (String text : List.of(texts)) {
			assertThat(text).doesNotContain(PASSWORD).doesNotContain(BASE64).doesNotContain("FAKE-PKCS12");
		}
	}

}
