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
package sh.smooth.spring.ai;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.execution.ToolExecutionException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import sh.smooth.spring.ai.autoconfigure.SmoothAiAutoConfiguration;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.test.RecordedRequest;
import sh.smooth.spring.test.Route;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The session tools as a model calls them: the JSON arguments in, the JSON result out,
 * against the simulator; sessions left open are closed when idle and at context close;
 * the concurrency limit counts open sessions.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class SessionToolsTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ApplicationContextRunner runner = SimulatorRig.runner()
		.withConfiguration(AutoConfigurations.of(SmoothAiAutoConfiguration.class));

	@Test
	void aModelDrivesASessionStepByStepAndClosesIt(SmoothSimulator sim) {
		sim.onSessionAction("extract").respond(List.of(Map.of("title", "Widget", "price", 9)), 1);
		sim.onSessionAction("evaluate_js").respond("Shop", 0);
		sim.onSessionAction("run_task").respond("added to cart", 2);
		this.runner.withPropertyValues(SimulatorRig.properties(sim, "smooth.ai.session-tools=true")).run((context) -> {
			Tools tools = new Tools(context.getBean(SmoothAiToolCallbackProvider.class));
			JsonNode opened = tools.call("smooth_session_open", "{\"url\": \"https://shop.example.com\"}");
			String id = opened.get("session_id").asString();
			assertThat(opened.get("live_url").asString()).contains("interactive=true");

			tools.call("smooth_session_goto",
					"{\"session_id\": \"" + id + "\", \"url\": \"https://shop.example.com/w\"}");
			JsonNode extracted = tools.call("smooth_session_extract", "{\"session_id\": \"" + id
					+ "\", \"output_schema\": {\"type\": \"array\"}, \"prompt\": \"the products\"}");
			assertThat(extracted.get("output").get(0).get("title").asString()).isEqualTo("Widget");
			assertThat(extracted.get("credits_used").asLong()).isEqualTo(1);
			JsonNode title = tools.call("smooth_session_evaluate_js",
					"{\"session_id\": \"" + id + "\", \"js\": \"document.title\"}");
			assertThat(title.get("result").asString()).isEqualTo("Shop");
			JsonNode ran = tools.call("smooth_session_run_task",
					"{\"session_id\": \"" + id + "\", \"task\": \"add the widget to the cart\", \"max_steps\": 8}");
			assertThat(ran.get("output").asString()).isEqualTo("added to cart");
			JsonNode closed = tools.call("smooth_session_close", "{\"session_id\": \"" + id + "\"}");
			assertThat(closed.get("session_id").asString()).isEqualTo(id);

			List<JsonNode> actions = sim.requests(Route.SEND_EVENT)
				.stream()
				.map(RecordedRequest::body)
				.filter((body) -> body.has("payload") && body.get("payload").has("name"))
				.map((body) -> body.get("payload"))
				.toList();
			assertThat(actions).extracting((payload) -> payload.get("name").asString())
				.containsSubsequence("goto", "goto", "extract", "evaluate_js", "run_task");
			assertThat(actions.get(0).get("input").get("url").asString()).isEqualTo("https://shop.example.com");
			JsonNode runTask = actions.stream()
				.filter((p) -> p.get("name").asString().equals("run_task"))
				.findFirst()
				.orElseThrow();
			assertThat(runTask.get("input").get("task").asString()).isEqualTo("add the widget to the cart");
			assertThat(runTask.get("input").get("max_steps").asInt()).isEqualTo(8);

			assertThat(tools.failure("smooth_session_goto",
					"{\"session_id\": \"" + id + "\", \"url\": \"https://shop.example.com\"}"))
				.startsWith("No open session '" + id + "'");
		});
	}

	@Test
	void aSessionUrlOutsideThePatternsIsRefused(SmoothSimulator sim) {
		this.runner
			.withPropertyValues(SimulatorRig.properties(sim, "smooth.ai.session-tools=true",
					"smooth.ai.allowed-urls=https://**.example.com/**"))
			.run((context) -> {
				Tools tools = new Tools(context.getBean(SmoothAiToolCallbackProvider.class));
				assertThat(tools.failure("smooth_session_open", "{\"url\": \"https://evil.test\"}"))
					.contains("url 'https://evil.test' is not allowed");
				assertThat(sim.requestCount(Route.CREATE_TASK)).isZero();
				String id = tools.call("smooth_session_open", "{}").get("session_id").asString();
				assertThat(sim.requests(Route.CREATE_TASK).get(0).body().get("allowed_urls").get(0).asString())
					.isEqualTo("https://**.example.com/**");
				assertThat(tools.failure("smooth_session_goto",
						"{\"session_id\": \"" + id + "\", \"url\": \"https://evil.test/x\"}"))
					.contains("is not allowed");
			});
	}

	@Test
	void aSessionLeftUnusedIsClosedAfterTheIdleTimeoutAndItsSlotIsFreed(SmoothSimulator sim) {
		this.runner
			.withPropertyValues(SimulatorRig.properties(sim, "smooth.ai.session-tools=true",
					"smooth.ai.session-idle-timeout=300ms", "smooth.ai.max-concurrent-tasks=1"))
			.run((context) -> {
				Tools tools = new Tools(context.getBean(SmoothAiToolCallbackProvider.class));
				String id = tools.call("smooth_session_open", "{}").get("session_id").asString();
				assertThat(tools.failure("smooth_session_open", "{}"))
					.startsWith("This application runs at most 1 Smooth tasks and sessions for models at once");
				await().atMost(Duration.ofSeconds(20))
					.until(() -> sim.requests(Route.CANCEL_TASK).stream().anyMatch((r) -> id.equals(r.taskId())));
				assertThat(tools.failure("smooth_session_close", "{\"session_id\": \"" + id + "\"}"))
					.startsWith("No open session");
				// the slot comes back once the close has finished
				String next = await().atMost(Duration.ofSeconds(20))
					.ignoreExceptions()
					.until(() -> tools.call("smooth_session_open", "{}").get("session_id").asString(),
							(opened) -> opened != null);
				assertThat(next).isNotEqualTo(id);
			});
	}

	@Test
	void sessionsLeftOpenAreClosedWithTheContext(SmoothSimulator sim) {
		String[] id = new String[1];
		this.runner.withPropertyValues(SimulatorRig.properties(sim, "smooth.ai.session-tools=true")).run((context) -> {
			Tools tools = new Tools(context.getBean(SmoothAiToolCallbackProvider.class));
			id[0] = tools.call("smooth_session_open", "{}").get("session_id").asString();
			assertThat(sim.requests(Route.CANCEL_TASK)).isEmpty();
		});
		assertThat(sim.requests(Route.CANCEL_TASK)).extracting(RecordedRequest::taskId).contains(id[0]);
	}

	/**
	 * Calls tools by name, as Spring AI does for a model.
	 */
	private record Tools(SmoothAiToolCallbackProvider provider) {

		JsonNode call(String name, String arguments) {
			return json.readTree(tool(name).call(arguments));
		}

		String failure(String name, String arguments) {
			return assertThatExceptionOfType(ToolExecutionException.class).isThrownBy(() -> tool(name).call(arguments))
				.actual()
				.getMessage();
		}

		private ToolCallback tool(String name) {
			return Arrays.stream(this.provider.getToolCallbacks())
				.filter((tool) -> tool.getToolDefinition().name().equals(name))
				.findFirst()
				.orElseThrow();
		}

	}

}
