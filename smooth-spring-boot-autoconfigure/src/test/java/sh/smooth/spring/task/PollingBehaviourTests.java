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

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import sh.smooth.spring.api.TaskEvent;
import sh.smooth.spring.error.SmoothNetworkException;
import sh.smooth.spring.error.SmoothNotFoundException;
import sh.smooth.spring.error.SmoothRateLimitException;
import sh.smooth.spring.error.SmoothServerException;
import sh.smooth.spring.error.SmoothTimeoutException;
import sh.smooth.spring.api.ToolSignature;
import sh.smooth.spring.runtime.TaskRun;
import sh.smooth.spring.runtime.TaskRunListener;
import sh.smooth.spring.runtime.ToolAttachment;
import sh.smooth.spring.support.ExpectedLog;
import sh.smooth.spring.support.SmoothTestClients;
import sh.smooth.spring.support.SmoothWireMock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The polling engine against a scripted server: statuses, the event cursor, failures and
 * retries. Every failure must reach the waiter promptly, well before its own timeout.
 */
class PollingBehaviourTests {

	/** Far longer than any of these tests should take: a wait this long means a hang. */
	private static final Duration PATIENCE = Duration.ofSeconds(20);

	@RegisterExtension
	static SmoothWireMock wm = new SmoothWireMock();

	/**
	 * A task id per test, so a poll still in flight from the previous test cannot disturb
	 * this one.
	 */
	private String id;

	@BeforeEach
	void setUp() {
		this.id = wm.taskId();
		wm.stubFor(post("/api/v1/task").willReturn(okJson("{\"r\":{\"id\":\"" + id + "\",\"status\":\"waiting\"}}")));
	}

	@Test
	void eventCursorReReadsTheNewestMillisecondUntilItIsSettledAndHandsOutEachEventOnce() {
		// the server returns events strictly after event_t; a re-read of the newest
		// millisecond returns its events again, and they are handed out once
		step(Scenario.STARTED, "0", 202,
				"{\"r\":{\"id\":\"" + id + "\",\"status\":\"running\",\"events\":["
						+ "{\"name\":\"x\",\"id\":\"e1\",\"payload\":{},\"timestamp\":1000},"
						+ "{\"name\":\"x\",\"id\":\"e2\",\"payload\":{},\"timestamp\":1500}]}}",
				"a");
		step("a", "1499", 202,
				"{\"r\":{\"id\":\"" + id + "\",\"status\":\"running\",\"events\":["
						+ "{\"name\":\"x\",\"id\":\"e2\",\"payload\":{},\"timestamp\":1500},"
						+ "{\"name\":\"x\",\"id\":\"e3\",\"payload\":{},\"timestamp\":1500},"
						+ "{\"name\":\"x\",\"id\":\"e4\",\"payload\":{},\"timestamp\":2000}]}}",
				"b");
		step("b", "1999", 202, "{\"r\":{\"id\":\"" + id + "\",\"status\":\"running\",\"events\":["
				+ "{\"name\":\"x\",\"id\":\"e4\",\"payload\":{},\"timestamp\":2000}]}}", "c");
		step("c", "2000", 200, "{\"r\":{\"id\":\"" + id + "\",\"status\":\"done\",\"output\":{\"n\":1}}}", "d");
		List<String> handedOut = new java.util.concurrent.CopyOnWriteArrayList<>();
		TaskRunListener listener = new TaskRunListener() {
			@Override
			public void onEvents(TaskRun run, List<TaskEvent> events) {
				events.forEach((event) -> handedOut.add(event.id()));
			}
		};
		ToolAttachment listening = (selection) -> new ToolAttachment.Selected() {
			@Override
			public List<ToolSignature> signatures() {
				return List.of();
			}

			@Override
			public void attach(TaskRun run) {
				run.addListener(listener);
			}
		};
		try (SmoothTestClients listened = SmoothTestClients.builder(wm.apiBaseUrl()).tools((c) -> listening).build()) {
			TaskResult result = listened.template().submit("count").await(PATIENCE);

			assertThat(result.status()).isEqualTo(TaskStatus.DONE);
			assertThat(result.output().get("n").asInt()).isEqualTo(1);
		}
		List<String> cursors = wm.findAll(getRequestedFor(urlPathEqualTo("/api/v1/task/" + id + "")))
			.stream()
			.map((r) -> r.queryParameter("event_t").firstValue())
			.toList();
		assertThat(cursors).containsExactly("0", "1499", "1999", "2000");
		// e3 shares the millisecond of e2 but came after the first poll
		assertThat(handedOut).containsExactly("e1", "e2", "e3", "e4");
	}

	@Test
	void notFoundWhilePollingFailsTheWaiterAtOnce() {
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/" + id + ""))
			.willReturn(aResponse().withStatus(404).withBody("{\"detail\":\"Task not found\"}")));
		TaskHandle handle = wm.template().submit("gone");

		long start = System.nanoTime();
		assertThatThrownBy(() -> handle.await(PATIENCE)).isInstanceOf(SmoothNotFoundException.class)
			.hasMessageContaining("404")
			.hasMessageContaining("" + id + "")
			.hasMessageContaining("Task not found");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		// a 404 is not retried
		assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/api/v1/task/" + id + "")))).hasSize(1);
	}

	@Test
	void serverErrorsAreRetriedThenSucceed() {
		step(Scenario.STARTED, "0", 503, "{\"detail\":\"busy\"}", "a");
		step("a", "0", 500, "{\"detail\":\"oops\"}", "b");
		step("b", "0", 200, "{\"r\":{\"id\":\"" + id + "\",\"status\":\"done\",\"output\":\"fine\"}}", "c");

		TaskResult result = wm.template().submit("retry me").await(PATIENCE);

		assertThat(result.outputText()).isEqualTo("fine");
		assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/api/v1/task/" + id + "")))).hasSize(3);
	}

	@Test
	void serverErrorsBeyondTheRetriesFailTheWaiterWithTheStatus() {
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/" + id + ""))
			.willReturn(aResponse().withStatus(503).withBody("{\"detail\":\"down for maintenance\"}")));

		assertThatThrownBy(() -> wm.template().submit("x").await(PATIENCE))
			.isInstanceOfSatisfying(SmoothServerException.class, (ex) -> {
				assertThat(ex.status()).isEqualTo(503);
				assertThat(ex.detail()).isEqualTo("down for maintenance");
				assertThat(ex.taskId()).isEqualTo("" + id + "");
			});
		// 3 attempts configured in SmoothTestClients
		assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/api/v1/task/" + id + "")))).hasSize(3);
	}

	@Test
	void tooManyRequestsHonoursRetryAfter() {
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/" + id + "")).inScenario(this.id)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(
					aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("{\"detail\":\"slow down\"}"))
			.willSetStateTo("ok"));
		step("ok", "0", 200, "{\"r\":{\"id\":\"" + id + "\",\"status\":\"done\",\"output\":\"ok\"}}", "end");

		long start = System.nanoTime();
		TaskResult result = wm.template().submit("x").await(PATIENCE);

		assertThat(result.outputText()).isEqualTo("ok");
		// the test client caps backoff at 100 ms, so only Retry-After explains a wait of
		// a
		// second; it is capped at max-backoff too, so we check the cap was applied
		List<LoggedRequest> polls = wm.findAll(getRequestedFor(urlPathEqualTo("/api/v1/task/" + id + "")));
		assertThat(polls).hasSize(2);
		long gapMillis = polls.get(1).getLoggedDate().getTime() - polls.get(0).getLoggedDate().getTime();
		assertThat(gapMillis).isGreaterThanOrEqualTo(90);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void tooManyRequestsBeyondRetriesCarriesRetryAfter() {
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/" + id + "")).willReturn(aResponse().withStatus(429)
			.withHeader("Retry-After", "0")
			.withBody("{\"detail\":\"credits exhausted\"}")));

		assertThatThrownBy(() -> wm.template().submit("x").await(PATIENCE))
			.isInstanceOfSatisfying(SmoothRateLimitException.class, (ex) -> {
				assertThat(ex.retryAfter()).contains(Duration.ZERO);
				assertThat(ex.detail()).isEqualTo("credits exhausted");
			});
	}

	@Test
	@ExpectedLog(logger = "reactor.netty.http.client.HttpClientConnect", cause = IOException.class,
			why = "WireMock resets the connection on purpose")
	void connectionResetIsRetried() {
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/" + id + "")).inScenario(this.id)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
			.willSetStateTo("ok"));
		step("ok", "0", 200, "{\"r\":{\"id\":\"" + id + "\",\"status\":\"done\",\"output\":\"ok\"}}", "end");

		assertThat(wm.template().submit("x").await(PATIENCE).outputText()).isEqualTo("ok");
	}

	@Test
	@ExpectedLog(logger = "reactor.netty.http.client.HttpClientConnect", cause = IOException.class,
			why = "WireMock resets the connection on purpose")
	void connectionResetEveryTimeFailsWithANetworkError() {
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/" + id + ""))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThatThrownBy(() -> wm.template().submit("x").await(PATIENCE)).isInstanceOf(SmoothNetworkException.class)
			.hasMessageContaining("" + id + "");
	}

	@Test
	void htmlBadGatewayGivesStatusAndExcerpt() {
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/" + id + "")).willReturn(aResponse().withStatus(502)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>"
					+ "<hr><center>nginx</center></body></html>")));

		assertThatThrownBy(() -> wm.template().submit("x").await(PATIENCE))
			.isInstanceOfSatisfying(SmoothServerException.class, (ex) -> {
				assertThat(ex.status()).isEqualTo(502);
				assertThat(ex.detail()).contains("502 Bad Gateway").contains("nginx").doesNotContain("<h1>");
				assertThat(ex.rawBody()).contains("<h1>");
			});
	}

	@Test
	void truncatedJsonIsRetriedAsANetworkError() {
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/" + id + "")).inScenario(this.id)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson("{\"r\":{\"id\":\"" + id + "\",\"sta"))
			.willSetStateTo("ok"));
		step("ok", "0", 200, "{\"r\":{\"id\":\"" + id + "\",\"status\":\"done\",\"output\":\"ok\"}}", "end");

		assertThat(wm.template().submit("x").await(PATIENCE).outputText()).isEqualTo("ok");
	}

	@Test
	void awaitTimesOutAndLeavesTheTaskRunning() {
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/" + id + "")).willReturn(
				aResponse().withStatus(202).withBody("{\"r\":{\"id\":\"" + id + "\",\"status\":\"running\"}}")));
		TaskHandle handle = wm.template().submit("slow");

		assertThatThrownBy(() -> handle.await(Duration.ofMillis(300)))
			.isInstanceOfSatisfying(SmoothTimeoutException.class, (ex) -> {
				assertThat(ex.taskId()).isEqualTo("" + id + "");
				assertThat(ex.timeout()).isEqualTo(Duration.ofMillis(300));
			})
			.hasMessageContaining("" + id + "");
		assertThat(handle.status()).isEqualTo(TaskStatus.RUNNING);
		wm.verify(0, deleteRequestedFor(urlPathEqualTo("/api/v1/task/" + id + "")));
	}

	@Test
	void cancelSendsDeleteAndTheHandleSeesCancelled() {
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/" + id + "")).inScenario(this.id)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(
					aResponse().withStatus(202).withBody("{\"r\":{\"id\":\"" + id + "\",\"status\":\"running\"}}")));
		wm.stubFor(delete("/api/v1/task/" + id + "").inScenario(this.id)
			.willReturn(okJson("{\"r\":true}"))
			.willSetStateTo("cancelled"));
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/" + id + "")).inScenario(this.id)
			.whenScenarioStateIs("cancelled")
			.willReturn(okJson("{\"r\":{\"id\":\"" + id + "\",\"status\":\"cancelled\"}}")));
		TaskHandle handle = wm.template().submit("x");

		handle.cancel();

		assertThat(handle.await(PATIENCE).status()).isEqualTo(TaskStatus.CANCELLED);
		wm.verify(1, deleteRequestedFor(urlEqualTo("/api/v1/task/" + id + "")));
	}

	@Test
	void liveUrlWaitsForTheBrowserAndRewritesFlags() {
		step(Scenario.STARTED, "0", 202, "{\"r\":{\"id\":\"" + id + "\",\"status\":\"waiting\"}}", "a");
		step("a", "0", 202, "{\"r\":{\"id\":\"" + id
				+ "\",\"status\":\"running\",\"live_url\":\"https://live.smooth.sh/v/abc?b=aHR0cHM6&interactive=true&embed=true\"}}",
				"b");

		TaskHandle handle = wm.template().submit("x");

		assertThat(handle.liveUrl((o) -> o.interactive(false).embed(false)))
			.isEqualTo("https://live.smooth.sh/v/abc?b=aHR0cHM6&interactive=false&embed=false");
		assertThat(handle.currentLiveUrl())
			.contains("https://live.smooth.sh/v/abc?b=aHR0cHM6&interactive=true&embed=false");
	}

	@Test
	void recordingUrlIsThreeValued() {
		step(Scenario.STARTED, "0", 200, "{\"r\":{\"id\":\"" + id + "\",\"status\":\"done\",\"recording_url\":null}}",
				"a");
		wm.stubFor(get(urlEqualTo("/api/v1/task/" + id + "")).inScenario(this.id)
			.whenScenarioStateIs("a")
			.willReturn(okJson("{\"r\":{\"id\":\"" + id + "\",\"status\":\"done\",\"recording_url\":null}}"))
			.willSetStateTo("b"));
		wm.stubFor(get(urlEqualTo("/api/v1/task/" + id + "")).inScenario(this.id)
			.whenScenarioStateIs("b")
			.willReturn(okJson(
					"{\"r\":{\"id\":\"" + id + "\",\"status\":\"done\",\"recording_url\":\"https://rec/1.mp4\"}}")));
		wm.stubFor(get(urlEqualTo("/api/v1/task/" + id + "?downloads=true"))
			.willReturn(okJson("{\"r\":{\"id\":\"" + id + "\",\"status\":\"done\",\"downloads_url\":\"\"}}")));

		TaskHandle handle = wm.template().submit("x");

		assertThat(handle.recordingUrl(Duration.ofSeconds(10))).contains("https://rec/1.mp4");
		assertThat(handle.downloads().url(Duration.ofSeconds(10))).isEqualTo(Optional.empty());
		wm.verify(getRequestedFor(urlEqualTo("/api/v1/task/" + id + "?downloads=true")).withQueryParam("downloads",
				equalTo("true")));
	}

	@Test
	void attachSendsEventTOnEveryRequestItsFirstReadIncluded() {
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/" + id + ""))
			.willReturn(okJson("{\"r\":{\"id\":\"" + id + "\",\"status\":\"done\",\"output\":\"ok\"}}")));

		TaskHandle handle = wm.template().attach(id);

		assertThat(handle.await(PATIENCE).outputText()).isEqualTo("ok");
		List<LoggedRequest> reads = wm.findAll(getRequestedFor(urlPathEqualTo("/api/v1/task/" + id + "")));
		assertThat(reads).isNotEmpty()
			.allSatisfy((read) -> assertThat(read.queryParameter("event_t").isPresent()).as(read.getUrl()).isTrue())
			.extracting((read) -> read.queryParameter("event_t").firstValue())
			.first()
			.isEqualTo("0");
	}

	private void step(String state, String eventT, int status, String body, String next) {
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/" + id + "")).withQueryParam("event_t", equalTo(eventT))
			.inScenario(this.id)
			.whenScenarioStateIs(state)
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body))
			.willSetStateTo(next));
	}

}
