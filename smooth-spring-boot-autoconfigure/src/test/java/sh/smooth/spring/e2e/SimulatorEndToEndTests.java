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

package sh.smooth.spring.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.browser.Device;
import sh.smooth.spring.browser.ActionResult;
import sh.smooth.spring.browser.BrowserOptions;
import sh.smooth.spring.browser.SessionTask;
import sh.smooth.spring.session.SmoothSession;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.task.TaskStatus;
import sh.smooth.spring.test.Route;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;
import sh.smooth.spring.test.ToolAnswer;
import sh.smooth.spring.tool.SmoothTool;
import sh.smooth.spring.tool.SmoothToolContext;
import sh.smooth.spring.tool.SmoothToolException;
import sh.smooth.spring.tool.SmoothToolParam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole starter (auto-configuration, tools, sessions, metrics) against the stateful
 * simulator: what a user's application does, end to end, with every request checked
 * against the official OpenAPI document.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class SimulatorEndToEndTests {

	private final ApplicationContextRunner runner = SimulatorRig.runner().withUserConfiguration(ShopTools.class);

	@Test
	void taskWithTwoToolCallsAndATypedResult(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("delivery"))
			.runningAfter(Duration.ofMillis(10))
			.toolCall("lookupCustomer", Map.of("email", "ada@example.com"))
			.toolCall("orderStatus", Map.of("orderNumber", "nope"))
			.doneAfter(Duration.ofMillis(10))
			.credits(4);
		this.runner.withPropertyValues(properties(sim)).run((context) -> {
			Delivery delivery = context.getBean(SmoothOperations.class)
				.run("Check the delivery of ada@example.com", Delivery.class);

			// the simulator generates the output from the response model we sent
			assertThat(delivery).isNotNull();
			assertThat(delivery.customer()).isNotNull();
			String taskId = sim.taskIds().get(0);
			Map<String, List<ToolAnswer>> answers = sim.toolAnswers(taskId);
			assertThat(answers).hasSize(2);
			List<ToolAnswer> all = answers.values().stream().flatMap(List::stream).toList();
			assertThat(all).extracting(ToolAnswer::code).containsExactlyInAnyOrder(200, 400);
			assertThat(all).filteredOn((a) -> a.code() == 200)
				.singleElement()
				.satisfies((a) -> assertThat(a.output().get("name").asString()).isEqualTo("Ada Lovelace"));
			assertThat(all).filteredOn((a) -> a.code() == 400)
				.singleElement()
				.satisfies((a) -> assertThat(a.output().asString()).isEqualTo("Unknown order nope"));
			JsonNode submitted = sim.requests(Route.CREATE_TASK).get(0).body();
			assertThat(submitted.get("custom_tools")).extracting((t) -> t.get("name").asString())
				.containsExactlyInAnyOrder("lookupCustomer", "orderStatus", "pageTitle");
			assertThat(submitted.get("response_model").get("properties").has("customer")).isTrue();
			sim.assertNoUnansweredToolCalls();
			assertThat(sim.duplicateToolAnswers()).isEmpty();
			sim.assertNoOpenApiViolations();
		});
	}

	@Test
	void sessionWithEveryAction(SmoothSimulator sim) {
		sim.onSessionAction("extract").respond(List.of(Map.of("title", "a", "points", 1)), 1);
		sim.onSessionAction("evaluate_js").respond("Example Domain", 0);
		sim.onSessionAction("run_task").respond("logged in", 2);
		this.runner.withPropertyValues(properties(sim)).run((context) -> {
			SmoothOperations smooth = context.getBean(SmoothOperations.class);
			TaskResult result;
			try (SmoothSession session = smooth.openSession(BrowserOptions.builder().device(Device.DESKTOP).build())) {
				assertThat(session.goTo("https://example.com").creditsUsed()).isZero();
				ActionResult login = session.runTask(
						SessionTask.builder("Log in").secret("PASSWORD", "s3cr3t", "https://example.com/*").build());
				assertThat(login.outputText()).isEqualTo("logged in");
				List<Story> stories = session.extract(new ParameterizedTypeReference<List<Story>>() {
				}, (o) -> o.prompt("stories"));
				assertThat(stories).containsExactly(new Story("a", 1));
				assertThat(session.evaluateJs("document.title").asString()).isEqualTo("Example Domain");
				assertThat(session.evaluateJs("(a) => a.x + a.y", (o) -> o.args(Map.of("x", 1, "y", 2)))).isNotNull();
				assertThat(session.liveUrl()).contains("interactive=true");
				session.close(false);
				result = session.result();
			}
			assertThat(result.status()).isEqualTo(TaskStatus.DONE);
			assertThat(sim.requests(Route.SEND_EVENT)).hasSize(6);
			sim.assertNoOpenApiViolations();
		});
	}

	@Test
	void aToolDrivesTheBrowserOfTheTaskThatCalledIt(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("title"))
			.runningAfter(Duration.ZERO)
			.toolCall("pageTitle", Map.of())
			.doneAfter(Duration.ZERO);
		sim.onSessionAction("evaluate_js").respond("Checkout - Shop", 0);
		this.runner.withPropertyValues(properties(sim)).run((context) -> {
			TaskResult result = context.getBean(SmoothOperations.class).run("Read the page title with the tool");
			assertThat(result.status()).isEqualTo(TaskStatus.DONE);
			String taskId = sim.taskIds().get(0);
			List<ToolAnswer> answers = sim.allToolAnswers(taskId);
			assertThat(answers).singleElement().satisfies((answer) -> {
				assertThat(answer.code()).isEqualTo(200);
				assertThat(answer.output().asString()).isEqualTo("Checkout - Shop");
			});
			assertThat(sim.requests(Route.SEND_EVENT)).extracting((r) -> r.body().get("name").asString())
				.containsExactly("browser_action", "tool_call");
		});
	}

	@Test
	void anIdleSessionWithToolsCostsNoPolls(SmoothSimulator sim) {
		this.runner.withPropertyValues(properties(sim)).run((context) -> {
			try (SmoothSession session = context.getBean(SmoothOperations.class).openSession()) {
				session.goTo("https://example.com");
				assertThat(sim.requests(Route.CREATE_TASK).get(0).body().get("custom_tools")).hasSize(3);
				int polls = sim.requests(Route.GET_TASK).size();
				// tool calls only come while an action is pending, which polls actively;
				// once
				// the action's result is in (and at most the re-poll after it), the
				// session
				// pauses: steady polling would add three polls in 1.5 s
				await().during(Duration.ofMillis(1500))
					.atMost(Duration.ofSeconds(5))
					.until(() -> sim.requests(Route.GET_TASK).size() <= polls + 1);
			}
		});
	}

	private static String[] properties(SmoothSimulator sim) {
		return new String[] { "smooth.base-url=" + sim.baseUrl(), "smooth.api-key=" + sim.apiKey(),
				"smooth.polling.first-delay=20ms" };
	}

	record Delivery(String customer, String orderNumber, String status) {
	}

	record Story(String title, int points) {
	}

	@Configuration(proxyBeanMethods = false)
	static class ShopTools {

		@Bean
		Tools shopTools() {
			return new Tools();
		}

	}

	static class Tools {

		@SmoothTool(description = "Look up a customer by e-mail")
		public Map<String, Object> lookupCustomer(@SmoothToolParam(description = "E-mail address") String email) {
			return Map.of("name", "Ada Lovelace", "email", email);
		}

		@SmoothTool(description = "Status of an order")
		public String orderStatus(String orderNumber) {
			throw new SmoothToolException("Unknown order " + orderNumber);
		}

		@SmoothTool(description = "Reads the title of the page the agent is on")
		public String pageTitle(SmoothToolContext context) {
			return context.actions().evaluateJs("document.title").asString();
		}

	}

}
