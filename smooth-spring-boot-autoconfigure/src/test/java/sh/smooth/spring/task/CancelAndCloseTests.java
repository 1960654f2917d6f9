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

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import sh.smooth.spring.error.SmoothServerException;
import sh.smooth.spring.session.SmoothSession;
import sh.smooth.spring.support.SmoothTestClients;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One meaning for a 404 on {@code DELETE /task/{id}}: the task or session has already
 * ended, so it is "already cancelled / already closed", never an error. The same for
 * {@code TaskHandle.cancel()} and {@code SmoothSession.close(true)}; other failures still
 * surface.
 */
class CancelAndCloseTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	private SmoothTestClients clients;

	@BeforeEach
	void setUp() {
		this.clients = SmoothTestClients.create(wm.baseUrl() + "/api/v1");
	}

	@AfterEach
	void tearDown() {
		this.clients.close();
		wm.resetAll();
	}

	@Test
	void cancellingATaskThatHasAlreadyEndedReturnsFalse() {
		created("t1", "running");
		ended("t1", "done");
		alreadyCompleted("t1");
		TaskHandle handle = this.clients.template().submit("x");
		handle.await(PATIENCE);

		assertThat(handle.cancel()).isFalse();
		wm.verify(1, deleteRequestedFor(urlEqualTo("/api/v1/task/t1")));
	}

	@Test
	void cancellingARunningTaskReturnsTrue() {
		created("t2", "running");
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/t2"))
			.willReturn(aResponse().withStatus(202).withBody("{\"r\":{\"id\":\"t2\",\"status\":\"running\"}}")));
		wm.stubFor(delete("/api/v1/task/t2").willReturn(okJson("{\"r\":true}")));
		TaskHandle handle = this.clients.template().submit("x");

		assertThat(handle.cancel()).isTrue();
	}

	@Test
	void otherCancelFailuresStillSurface() {
		created("t3", "running");
		ended("t3", "done");
		wm.stubFor(delete("/api/v1/task/t3").willReturn(aResponse().withStatus(500)));
		TaskHandle handle = this.clients.template().submit("x");

		assertThatThrownBy(handle::cancel).isInstanceOf(SmoothServerException.class);
	}

	@Test
	void forceClosingASessionThatHasAlreadyEndedIsClosed() {
		created("s1", "running");
		ended("s1", "done");
		alreadyCompleted("s1");
		SmoothSession session = this.clients.template().openSession();

		assertThat(session.close(true)).isTrue();
		// and close() again is a no-op, not a second DELETE or an error
		session.close();
		assertThat(session.isOpen()).isFalse();
		wm.verify(1, deleteRequestedFor(urlEqualTo("/api/v1/task/s1")));
	}

	private static void created(String id, String status) {
		wm.stubFor(post("/api/v1/task")
			.willReturn(okJson("{\"r\":{\"id\":\"" + id + "\",\"status\":\"" + status + "\"}}")));
	}

	private static void ended(String id, String status) {
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/" + id))
			.willReturn(okJson("{\"r\":{\"id\":\"" + id + "\",\"status\":\"" + status + "\"}}")));
	}

	private static void alreadyCompleted(String id) {
		wm.stubFor(delete("/api/v1/task/" + id).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"detail\":\"Task already completed\"}")));
	}

}
