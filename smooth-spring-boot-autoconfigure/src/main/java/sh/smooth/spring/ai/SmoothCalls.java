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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.browser.ActionResult;
import sh.smooth.spring.browser.BrowserOptions;
import sh.smooth.spring.browser.Instruction;
import sh.smooth.spring.browser.SessionTask;
import sh.smooth.spring.error.SmoothTimeoutException;
import sh.smooth.spring.session.SmoothSession;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskResult;

/**
 * The bridge's only use of the Smooth client, through its public contract: what a tool
 * sends and what it reads back, written as the JSON maps a model is given.
 */
final class SmoothCalls {

	/** The {@code origin} tag of the tasks and sessions a model starts. */
	static final String ORIGIN = "spring-ai";

	private final SmoothOperations smooth;

	SmoothCalls(SmoothOperations smooth) {
		this.smooth = smooth;
	}

	/**
	 * Runs a task and waits for it.
	 * @return task_id, status, output, credits_used, live_url, recording_url
	 */
	Map<String, @Nullable Object> runTask(String task, @Nullable String url, @Nullable Integer maxSteps,
			List<String> allowedUrls, @Nullable ObjectNode outputSchema) {
		SmoothTask.Builder builder = instruction(SmoothTask.builder(task), url, maxSteps, outputSchema);
		TaskHandle handle = this.smooth.submit(builder.browser(browser(allowedUrls)).build());
		TaskResult result;
		try {
			result = handle.await();
		}
		catch (SmoothTimeoutException ex) {
			// the task goes on: say where to watch it rather than fail
			Map<String, @Nullable Object> answer = new LinkedHashMap<>();
			answer.put("task_id", handle.id());
			answer.put("status", handle.status().value());
			answer.put("output", null);
			answer.put("credits_used", handle.creditsUsed());
			answer.put("live_url", handle.currentLiveUrl().orElse(null));
			answer.put("message", "The task is still running after the wait; it goes on without you, and "
					+ "the user can watch it at live_url");
			return answer;
		}
		Map<String, @Nullable Object> answer = new LinkedHashMap<>();
		answer.put("task_id", result.id());
		answer.put("status", result.status().value());
		answer.put("output", result.output());
		answer.put("credits_used", result.creditsUsed());
		answer.put("live_url", handle.currentLiveUrl().orElse(null));
		answer.put("recording_url", result.recordingUrl().orElse(null));
		return answer;
	}

	SmoothSession openSession(List<String> allowedUrls) {
		return this.smooth.openSession(browser(allowedUrls));
	}

	/**
	 * What the bridge starts: tagged {@value #ORIGIN} in the metrics, limited to the
	 * allowed URLs.
	 */
	private static BrowserOptions browser(List<String> allowedUrls) {
		BrowserOptions.Builder options = BrowserOptions.builder().origin(ORIGIN);
		if (!allowedUrls.isEmpty()) {
			options.allowedUrls(allowedUrls.toArray(String[]::new));
		}
		return options.build();
	}

	static String liveUrl(SmoothSession session) {
		return session.liveUrl();
	}

	static Map<String, @Nullable Object> goTo(SmoothSession session, String url) {
		return action(session.goTo(url));
	}

	static Map<String, @Nullable Object> extract(SmoothSession session, ObjectNode schema, @Nullable String prompt) {
		return action(session.extract(schema, (prompt != null) ? (options) -> options.prompt(prompt) : null));
	}

	static JsonNode evaluateJs(SmoothSession session, String js, @Nullable Map<String, ?> args) {
		return session.evaluateJs(js, (args != null) ? (options) -> options.args(args) : null);
	}

	static Map<String, @Nullable Object> runTask(SmoothSession session, String task, @Nullable String url,
			@Nullable Integer maxSteps, @Nullable ObjectNode outputSchema) {
		return action(session.runTask(instruction(SessionTask.builder(task), url, maxSteps, outputSchema).build()));
	}

	/**
	 * Closes a session and waits for its final status.
	 * @return session_id, status, credits_used, recording_url
	 */
	static Map<String, @Nullable Object> close(SmoothSession session) {
		session.close();
		TaskResult result = session.result();
		Map<String, @Nullable Object> answer = new LinkedHashMap<>();
		answer.put("session_id", session.id());
		answer.put("status", result.status().value());
		answer.put("credits_used", result.creditsUsed());
		answer.put("recording_url", result.recordingUrl().orElse(null));
		return answer;
	}

	/**
	 * What the model asked of a task or of a session's run_task: one builder for both.
	 */
	private static <B extends Instruction.Builder<B>> B instruction(B builder, @Nullable String url,
			@Nullable Integer maxSteps, @Nullable ObjectNode outputSchema) {
		if (url != null) {
			builder.url(url);
		}
		if (maxSteps != null) {
			builder.maxSteps(maxSteps);
		}
		if (outputSchema != null) {
			builder.responseModel(outputSchema);
		}
		return builder;
	}

	private static Map<String, @Nullable Object> action(ActionResult result) {
		Map<String, @Nullable Object> answer = new LinkedHashMap<>();
		answer.put("output", result.output());
		answer.put("credits_used", result.creditsUsed());
		return answer;
	}

}
