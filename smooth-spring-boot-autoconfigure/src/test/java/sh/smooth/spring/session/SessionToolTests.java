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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import sh.smooth.spring.api.CallSafety;
import sh.smooth.spring.api.TaskEvent;
import sh.smooth.spring.api.TaskKind;
import sh.smooth.spring.api.ToolSignature;
import sh.smooth.spring.browser.ActionResult;
import sh.smooth.spring.browser.ToolSelection;
import sh.smooth.spring.runtime.TaskRun;
import sh.smooth.spring.runtime.TaskRunListener;
import sh.smooth.spring.runtime.ToolAttachment;
import sh.smooth.spring.support.SmoothTestClients;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Custom tools reach sessions through the same {@link ToolAttachment} path as tasks; here
 * a minimal attachment stands in for the tools feature.
 */
class SessionToolTests {

	static final FakeSessionServer server = new FakeSessionServer();

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().extensions(server))
		.build();

	private final WeatherTool tool = new WeatherTool();

	private SmoothTestClients clients;

	@BeforeEach
	void setUp() {
		server.reset();
		wm.stubFor(any(urlPathMatching("/api/v1/task.*"))
			.willReturn(aResponse().withTransformers(FakeSessionServer.NAME)));
		this.clients = SmoothTestClients.builder(wm.baseUrl() + "/api/v1").tools((clients) -> this.tool).build();
	}

	@AfterEach
	void tearDown() {
		this.clients.close();
	}

	@Test
	void aToolIsCalledDuringRunTaskAndAnsweredExactlyOnce() {
		server.responder = (session, action) -> {
			if (action.action().equals("run_task")) {
				// the agent calls the tool; the call is delivered twice, as a retry would
				JsonNode call = SmoothSessionTests.json("{\"name\":\"get_weather\",\"input\":{\"city\":\"NYC\"}}");
				session.event(0, "tc_1", "tool_call", call);
				session.event(1, "tc_1", "tool_call", call);
			}
		};
		server.toolAnswers = (session, answer) -> {
			// the agent finishes once the tool answered
			JsonNode runTask = session.actions().get(0);
			session.replyAfter(2, runTask.get("id").asString(), "session_action", 200,
					SmoothSessionTests.json("{\"output\":\"It is sunny\",\"credits_used\":5,\"duration\":3}"));
		};
		try (SmoothSession session = this.clients.template().openSession()) {
			ActionResult result = session.runTask("What is the weather in NYC?");
			assertThat(result.outputText()).isEqualTo("It is sunny");
		}
		assertThat(this.tool.calls).hasValue(1);
		assertThat(this.tool.kinds).containsExactly(TaskKind.SESSION);
		List<JsonNode> answers = server.session("s1").toolAnswers();
		assertThat(answers).hasSize(1);
		assertThat(answers.get(0)).isEqualTo(SmoothSessionTests
			.json("{\"name\":\"tool_call\",\"payload\":{\"code\":200,\"output\":\"sunny in NYC\"},\"id\":\"tc_1\"}"));
		JsonNode created = SmoothSessionTests
			.json(wm.findAll(postRequestedFor(urlEqualTo("/api/v1/task"))).get(0).getBodyAsString());
		assertThat(created.get("task").isNull()).isTrue();
		assertThat(created.get("custom_tools").get(0).get("name").asString()).isEqualTo("get_weather");
	}

	/** A tool attachment reduced to what sessions rely on: signatures, listeners. */
	static final class WeatherTool implements ToolAttachment {

		final AtomicInteger calls = new AtomicInteger();

		final List<TaskKind> kinds = new java.util.concurrent.CopyOnWriteArrayList<>();

		private final Set<String> handled = ConcurrentHashMap.newKeySet();

		@Override
		public Selected select(ToolSelection selection) {
			ToolSignature signature = new ToolSignature("get_weather", "Weather of a city",
					SmoothSessionTests.json("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"),
					"a sentence");
			return new Selected() {

				@Override
				public List<ToolSignature> signatures() {
					return List.of(signature);
				}

				@Override
				public void attach(TaskRun run) {
					WeatherTool.this.kinds.add(run.kind());
					run.addListener(new TaskRunListener() {
						@Override
						public void onEvents(TaskRun r, List<TaskEvent> events) {
							answer(r, events);
						}
					});
				}

			};
		}

		private void answer(TaskRun run, List<TaskEvent> events) {
			for (TaskEvent event : events) {
				if (TaskEvent.TOOL_CALL.equals(event.name()) && event.id() != null && this.handled.add(event.id())) {
					this.calls.incrementAndGet();
					String city = event.payload().get("input").get("city").asString();
					run.send(TaskEvent.toolResponse(event.id(), 200,
							SmoothSessionTests.json("\"sunny in " + city + "\"")), CallSafety.IDEMPOTENT)
						.subscribe();
				}
			}
		}

	}

}
