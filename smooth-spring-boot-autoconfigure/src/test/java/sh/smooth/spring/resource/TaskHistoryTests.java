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

import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import sh.smooth.spring.error.SmoothAuthenticationException;
import sh.smooth.spring.error.SmoothNotFoundException;
import sh.smooth.spring.error.SmoothValidationException;
import sh.smooth.spring.support.SmoothTestClients;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.task.TaskStatus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TaskHistoryTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private SmoothTestClients clients;

	private TaskHistory history;

	@BeforeEach
	void setUp() {
		this.clients = SmoothTestClients.create(wm.baseUrl() + "/api/v1");
		this.history = this.clients.template().history();
	}

	@AfterEach
	void tearDown() {
		this.clients.close();
	}

	@Test
	void firstPageSendsOnlyTheLimitAndMapsTheTasks() {
		wm.stubFor(get("/api/v1/task?l=2").willReturn(okJson("""
				{"r":[{"id":"t2","status":"done","output":"two","credits_used":4,"created_at":200},
				      {"id":"t1","status":"running","created_at":300}]}""")));

		TaskPage page = this.history.list(TaskQuery.latest(2));

		assertThat(page.tasks()).extracting(TaskResult::id).containsExactly("t2", "t1");
		assertThat(page.tasks().get(0).status()).isEqualTo(TaskStatus.DONE);
		assertThat(page.tasks().get(0).outputText()).isEqualTo("two");
		assertThat(page.tasks().get(0).creditsUsed()).isEqualTo(4);
		assertThat(page.tasks().get(1).status()).isEqualTo(TaskStatus.RUNNING);
		// the cursor is the oldest created_at of the page, whatever the order
		assertThat(page.nextBefore()).isEqualTo(200L);
		assertThat(page.nextQuery()).contains(new TaskQuery(200L, 2));
		wm.verify(1, getRequestedFor(urlEqualTo("/api/v1/task?l=2")));
	}

	@Test
	void aShortPageIsTheLast() {
		wm.stubFor(get("/api/v1/task?t=1000")
			.willReturn(okJson("{\"r\":[{\"id\":\"t1\",\"status\":\"done\",\"created_at\":900}]}")));

		TaskPage page = this.history.list(TaskQuery.latest().withBefore(1000));

		assertThat(page.tasks()).hasSize(1);
		assertThat(page.hasNext()).isFalse();
		assertThat(page.nextQuery()).isEmpty();
	}

	@Test
	void withoutAPageSizeNoLimitIsSentOnAnyPage() {
		// a full page of the server's default size (32), then a short one
		StringBuilder full = new StringBuilder("{\"r\":[");
		for (int i = 0; i < TaskQuery.DEFAULT_LIMIT; i++) {
			full.append((i > 0) ? "," : "")
				.append("{\"id\":\"t")
				.append(i)
				.append("\",\"status\":\"done\",\"created_at\":")
				.append(1000 - i)
				.append("}");
		}
		wm.stubFor(get("/api/v1/task").willReturn(okJson(full.append("]}").toString())));
		wm.stubFor(get("/api/v1/task?t=969")
			.willReturn(okJson("{\"r\":[{\"id\":\"old\",\"status\":\"done\",\"created_at\":5}]}")));

		assertThat(this.history.stream(TaskQuery.latest()).count()).isEqualTo(TaskQuery.DEFAULT_LIMIT + 1);

		List<LoggedRequest> requests = wm.findAll(getRequestedFor(urlPathEqualTo("/api/v1/task")));
		assertThat(requests).extracting(LoggedRequest::getUrl).containsExactly("/api/v1/task", "/api/v1/task?t=969");
	}

	@Test
	void streamWalksEveryPageAndStopsAtTheFirstShortOne() {
		stubThreePages();

		List<String> ids = this.history.stream(TaskQuery.latest(3)).map(TaskResult::id).toList();

		assertThat(ids).containsExactly("t7", "t6", "t5", "t4", "t3", "t2", "t1");
		wm.verify(1, getRequestedFor(urlEqualTo("/api/v1/task?l=3")));
		wm.verify(1, getRequestedFor(urlEqualTo("/api/v1/task?t=300&l=3")));
		wm.verify(1, getRequestedFor(urlEqualTo("/api/v1/task?t=100&l=3")));
		wm.verify(3, getRequestedFor(urlPathEqualTo("/api/v1/task")));
	}

	@Test
	void streamReadsPagesOnlyWhenReached() {
		stubThreePages();

		Stream<TaskResult> stream = this.history.stream(TaskQuery.latest(3));
		wm.verify(0, anyRequestedFor(anyUrl()));

		assertThat(stream.limit(4).map(TaskResult::id)).containsExactly("t7", "t6", "t5", "t4");
		wm.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/task")));
		wm.verify(0, getRequestedFor(urlEqualTo("/api/v1/task?t=100&l=3")));
	}

	@Test
	void aServerThatIgnoresTheCursorIsNotPagedForever() {
		wm.stubFor(get(urlPathEqualTo("/api/v1/task")).willReturn(okJson("""
				{"r":[{"id":"a","status":"done","created_at":20},{"id":"b","status":"done","created_at":10}]}""")));

		assertThat(this.history.stream(TaskQuery.latest(2)).count()).isEqualTo(4);
		wm.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/task")));
	}

	@Test
	void aFailedListReadIsRetried() {
		wm.stubFor(get("/api/v1/task").inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(502))
			.willSetStateTo("ok"));
		wm.stubFor(get("/api/v1/task").inScenario("flaky").whenScenarioStateIs("ok").willReturn(okJson("{\"r\":[]}")));

		assertThat(this.history.list(TaskQuery.latest()).tasks()).isEmpty();
		wm.verify(2, getRequestedFor(urlEqualTo("/api/v1/task")));
	}

	@Test
	void pageSizeAndCursorAreCheckedBeforeAnyCall() {
		assertThatExceptionOfType(SmoothValidationException.class).isThrownBy(() -> TaskQuery.latest(0))
			.withMessageContaining("limit")
			.withMessageContaining("between 1 and 128");
		assertThatExceptionOfType(SmoothValidationException.class).isThrownBy(() -> TaskQuery.latest(129));
		assertThatExceptionOfType(SmoothValidationException.class).isThrownBy(() -> TaskQuery.latest().withBefore(-1));
		assertThatExceptionOfType(SmoothValidationException.class).isThrownBy(() -> this.history.list(null));
		wm.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void deleteDataCallsTheZeroDataRetentionEndpoint() {
		wm.stubFor(delete("/api/v1/task/t1/data").willReturn(okJson("{\"r\":true}")));

		this.history.deleteData("t1");

		wm.verify(1, deleteRequestedFor(urlEqualTo("/api/v1/task/t1/data")));
	}

	@Test
	void forbiddenDeleteDataExplainsTheEnterpriseFeature() {
		wm.stubFor(delete("/api/v1/task/t1/data").willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"detail\":\"Forbidden\"}")));

		assertThatExceptionOfType(SmoothAuthenticationException.class).isThrownBy(() -> this.history.deleteData("t1"))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(403);
				assertThat(ex.taskId()).isEqualTo("t1");
				assertThat(ex.getMessage()).contains("zero data retention")
					.contains("enterprise feature")
					.contains("Forbidden");
			});
	}

	@Test
	void deleteDataOfAnUnknownTaskNamesIt() {
		wm.stubFor(delete("/api/v1/task/ghost/data").willReturn(aResponse().withStatus(404)));

		assertThatExceptionOfType(SmoothNotFoundException.class).isThrownBy(() -> this.history.deleteData("ghost"))
			.withMessageContaining("task 'ghost' does not exist");
	}

	private static void stubThreePages() {
		wm.stubFor(get("/api/v1/task?l=3").willReturn(okJson("""
				{"r":[{"id":"t7","status":"done","created_at":500},{"id":"t6","status":"done","created_at":400},
				      {"id":"t5","status":"failed","created_at":300}]}""")));
		wm.stubFor(get("/api/v1/task?t=300&l=3").willReturn(okJson("""
				{"r":[{"id":"t4","status":"done","created_at":250},{"id":"t3","status":"done","created_at":200},
				      {"id":"t2","status":"cancelled","created_at":100}]}""")));
		wm.stubFor(get("/api/v1/task?t=100&l=3")
			.willReturn(okJson("{\"r\":[{\"id\":\"t1\",\"status\":\"done\",\"created_at\":50}]}")));
	}

}
