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

package sh.smooth.spring.session;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.autoconfigure.SmoothAutoConfiguration;
import sh.smooth.spring.error.SmoothTimeoutException;
import sh.smooth.spring.observation.SmoothSessionActionObservationContext;
import sh.smooth.spring.support.SmoothTestClients;
import sh.smooth.spring.task.TaskStatus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class SessionAutoConfigurationTests {

	static final FakeSessionServer server = new FakeSessionServer();

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().extensions(server))
		.build();

	private ApplicationContextRunner runner;

	@BeforeEach
	void setUp() {
		server.reset();
		wm.stubFor(any(urlPathMatching("/api/v1/task.*"))
			.willReturn(aResponse().withTransformers(FakeSessionServer.NAME)));
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SmoothAutoConfiguration.class))
			.withPropertyValues("smooth.base-url=" + wm.baseUrl() + "/api/v1", "smooth.api-key=test-key",
					"smooth.polling.first-delay=20ms", "smooth.polling.max-interval=100ms",
					"smooth.polling.active-max-interval=50ms", "smooth.retry.initial-backoff=20ms",
					"smooth.retry.max-backoff=100ms");
	}

	@Test
	void contextShutdownClosesOpenSessionsAndLeavesNoThreadRunning() {
		Set<Thread> before = nonDaemonThreads();
		AtomicReference<List<SmoothSession>> opened = new AtomicReference<>();
		this.runner.run((context) -> {
			SmoothOperations smooth = context.getBean(SmoothOperations.class);
			SmoothSession first = smooth.openSession();
			SmoothSession second = smooth.openSession();
			first.goTo("https://example.com");
			opened.set(List.of(first, second));
			assertThat(context.getBean(SessionRegistry.class).openSessions()).containsExactlyInAnyOrder(first, second);
		});
		wm.verify(1, deleteRequestedFor(urlEqualTo("/api/v1/task/s1")));
		wm.verify(1, deleteRequestedFor(urlEqualTo("/api/v1/task/s2")));
		for (SmoothSession session : opened.get()) {
			assertThat(session.isOpen()).isFalse();
			// closed before the polling engine stopped: the final status was still read
			assertThat(session.result().status()).isEqualTo(TaskStatus.CANCELLED);
		}
		await().pollInSameThread()
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
				.noneMatch((thread) -> thread.getName().startsWith("smooth-poll")));
		// WireMock's Jetty ("qtp...", "Connector-Scheduler...") may start threads while
		// serving; they belong to the test server, not to the client
		await().pollInSameThread()
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(nonDaemonThreads().stream()
				.filter((thread) -> !before.contains(thread) && !thread.getName().startsWith("qtp")
						&& !thread.getName().startsWith("Connector-Scheduler")
						&& !thread.getName().startsWith("awaitility"))
				.map(Thread::getName)
				.collect(Collectors.toList())).isEmpty());
	}

	@Test
	void usesTheActionTimeoutPropertyAndTheObservationRegistry() {
		server.responder = FakeSessionServer.Responder.SILENT;
		List<String> outcomes = new CopyOnWriteArrayList<>();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig()
			.observationHandler(new ObservationHandler<SmoothSessionActionObservationContext>() {

				@Override
				public void onStop(SmoothSessionActionObservationContext context) {
					outcomes.add(context.getAction() + ":" + context.getOutcome().value());
				}

				@Override
				public boolean supportsContext(Observation.Context context) {
					return context instanceof SmoothSessionActionObservationContext;
				}

			});
		this.runner.withPropertyValues("smooth.session.action-timeout=300ms")
			.withBean(ObservationRegistry.class, () -> observations)
			.run((context) -> {
				try (SmoothSession session = context.getBean(SmoothOperations.class).openSession()) {
					assertThatExceptionOfType(SmoothTimeoutException.class)
						.isThrownBy(() -> session.goTo("https://example.com"))
						.satisfies((ex) -> assertThat(ex.timeout()).isEqualTo(Duration.ofMillis(300)));
				}
			});
		assertThat(outcomes).containsExactly("goto:timeout");
	}

	@Test
	void backsOffForAUserSessionFactory() {
		try (SmoothTestClients clients = SmoothTestClients.create(wm.baseUrl() + "/api/v1")) {
			SessionFactory custom = clients.sessions();
			this.runner.withBean(SessionFactory.class, () -> custom)
				.run((context) -> assertThat(context.getBean(SessionFactory.class)).isSameAs(custom));
		}
	}

	private static Set<Thread> nonDaemonThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && !thread.isDaemon())
			.collect(Collectors.toSet());
	}

}
