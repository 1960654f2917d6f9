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

package sh.smooth.spring.autoconfigure;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLHandshakeException;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.error.SmoothTimeoutException;
import sh.smooth.spring.resource.Profile;
import sh.smooth.spring.support.ExpectedLog;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Smooth connector is built from Boot's HTTP client settings: an SSL bundle named by
 * {@code spring.http.clients.ssl.bundle} reaches it (an HTTPS server whose self-signed
 * certificate only that bundle trusts), and Smooth's own timeouts still apply on top
 * ({@code smooth.read-timeout} when set, else {@code spring.http.clients.read-timeout}).
 */
@ExpectedLog(logger = "sh.smooth.spring.autoconfigure.SmoothAutoConfiguration",
		message = "the Smooth server may hold a poll open", why = "the tests shorten the read timeouts on purpose")
@ExpectedLog(logger = "reactor.netty.http.client.HttpClientConnect", cause = ReadTimeoutException.class,
		why = "the server answers after the read timeout on purpose")
@ExpectedLog(logger = "reactor.netty.http.client.HttpClientConnect", cause = SSLHandshakeException.class,
		why = "without the bundle the self-signed certificate is not trusted, on purpose")
class SmoothHttpClientSettingsTests {

	@TempDir
	static Path dir;

	static WireMockServer https;

	private static String certificate;

	@BeforeAll
	static void startHttpsServer() throws Exception {
		Path keystore = dir.resolve("server.p12");
		Path pem = dir.resolve("server.pem");
		keytool("-genkeypair", "-alias", "smooth-test", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
				"-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore",
				keystore.toString(), "-storepass", "password", "-keypass", "password");
		keytool("-exportcert", "-rfc", "-alias", "smooth-test", "-keystore", keystore.toString(), "-storetype",
				"PKCS12", "-storepass", "password", "-file", pem.toString());
		certificate = pem.toUri().toString();
		https = new WireMockServer(wireMockConfig().dynamicPort()
			.dynamicHttpsPort()
			.keystorePath(keystore.toString())
			.keystoreType("PKCS12")
			.keystorePassword("password")
			.keyManagerPassword("password"));
		https.start();
		https.stubFor(get("/api/v1/profile").willReturn(okJson("{\"r\":[{\"id\":\"over-tls\"}]}")));
		https.stubFor(post("/api/v1/profile").willReturn(okJson("{\"r\":{\"id\":\"slow\"}}").withFixedDelay(1500)));
	}

	@AfterAll
	static void stopHttpsServer() {
		if (https != null) {
			https.stop();
		}
	}

	private static void keytool(String... args) throws Exception {
		String java = System.getProperty("java.home");
		List<String> command = new java.util.ArrayList<>();
		command.add(Path.of(java, "bin", "keytool").toString());
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
					SmoothAutoConfiguration.class))
			.withPropertyValues("smooth.api-key=test-key-0123456789",
					"smooth.base-url=https://localhost:" + https.httpsPort() + "/api/v1", "smooth.retry.max-attempts=1",
					"smooth.retry.initial-backoff=10ms",
					"spring.ssl.bundle.pem.smooth-test.truststore.certificate=" + certificate);
	}

	@Test
	void theSslBundleOfSpringHttpClientsReachesTheSmoothConnector() {
		runner().withPropertyValues("spring.http.clients.ssl.bundle=smooth-test").run((context) -> {
			assertThat(context).hasNotFailed();
			List<Profile> profiles = context.getBean(SmoothOperations.class).profiles().list();
			assertThat(profiles).extracting(Profile::id).containsExactly("over-tls");
		});
	}

	@Test
	void withoutTheBundleTheSelfSignedServerIsNotTrusted() {
		runner().run((context) -> assertThatThrownBy(() -> context.getBean(SmoothOperations.class).profiles().list())
			.isInstanceOf(SmoothException.class)
			.satisfies(
					(ex) -> assertThat(causes(ex)).anyMatch((cause) -> cause instanceof javax.net.ssl.SSLException)));
	}

	@Test
	void smoothsReadTimeoutStillAppliesWithTheBundle() {
		runner()
			.withPropertyValues("spring.http.clients.ssl.bundle=smooth-test", "smooth.read-timeout=300ms",
					"spring.http.clients.read-timeout=30s")
			// the server answers after 1.5 s and Boot's read timeout is 30 s: only
			// Smooth's 300 ms can time the call out, so the exception proves it
			// applied (a wall-clock bound would only fail on a busy machine)
			.run((context) -> assertThatThrownBy(
					() -> context.getBean(SmoothOperations.class).profiles().create("slow"))
				.isInstanceOf(SmoothTimeoutException.class));
	}

	@Test
	void smoothsReadTimeoutWinsOverBootsWhenSet() {
		runner()
			.withPropertyValues("spring.http.clients.ssl.bundle=smooth-test", "smooth.read-timeout=10s",
					"spring.http.clients.read-timeout=300ms")
			.run((context) -> assertThat(context.getBean(SmoothOperations.class).profiles().create("slow").id())
				.isEqualTo("slow"));
	}

	@Test
	void bootsReadTimeoutAppliesWhenSmoothsIsNotSet() {
		runner()
			.withPropertyValues("spring.http.clients.ssl.bundle=smooth-test", "spring.http.clients.read-timeout=300ms")
			.run((context) -> assertThatThrownBy(
					() -> context.getBean(SmoothOperations.class).profiles().create("slow"))
				.isInstanceOf(SmoothTimeoutException.class));
	}

	private static List<Throwable> causes(Throwable ex) {
		List<Throwable> causes = new java.util.ArrayList<>();
		for (Throwable cause = ex; cause != null && !causes.contains(cause); cause = cause.getCause()) {
			causes.add(cause);
		}
		return causes;
	}

}
