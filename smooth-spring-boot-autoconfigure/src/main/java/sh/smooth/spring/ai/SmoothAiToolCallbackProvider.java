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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.util.Assert;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.session.SmoothSession;

/**
 * Smooth as Spring AI tools: {@code smooth_run_task}, and with
 * {@link Builder#sessionTools(boolean)} the session tools {@code smooth_session_open},
 * {@code _goto}, {@code _extract}, {@code _evaluate_js}, {@code _run_task} and
 * {@code _close}. Every request passes the guard rails first (step cap, URL patterns,
 * concurrency limit, {@link SmoothAiTaskGuard}); a refusal or a failure reaches the model
 * as a message it can act on. Pass it to a {@code ChatClient} with
 * {@code .toolCallbacks(provider)}, or expose it over MCP. Auto-configured from
 * {@code smooth.ai.*}; {@link #close()} closes the sessions models left open.
 */
public final class SmoothAiToolCallbackProvider implements ToolCallbackProvider, AutoCloseable {

	private final ToolCallback[] callbacks;

	private final @Nullable ModelSessions sessions;

	private SmoothAiToolCallbackProvider(Builder builder) {
		SmoothCalls calls = new SmoothCalls(builder.smooth);
		GuardRails guardRails = new GuardRails(builder.maxSteps, builder.allowedUrls, builder.maxConcurrentTasks,
				builder.guard);
		List<ToolCallback> tools = new ArrayList<>();
		tools.add(new SmoothAiTool(ToolDefinitions.runTask(), ToolDefinitions.RUN_TASK_FIELDS,
				(input) -> runTask(calls, guardRails, input), builder.jsonMapper));
		if (builder.sessionTools) {
			this.sessions = new ModelSessions(builder.sessionIdleTimeout, guardRails);
			new SessionTools(calls, guardRails, this.sessions, builder.jsonMapper).addTo(tools);
		}
		else {
			this.sessions = null;
		}
		this.callbacks = tools.toArray(ToolCallback[]::new);
	}

	/**
	 * Starts a provider over a Smooth client.
	 * @param smooth the client
	 * @return the builder
	 */
	public static Builder builder(SmoothOperations smooth) {
		return new Builder(smooth);
	}

	@Override
	public ToolCallback[] getToolCallbacks() {
		return this.callbacks.clone();
	}

	/**
	 * Closes the sessions that models left open.
	 */
	@Override
	public void close() {
		if (this.sessions != null) {
			this.sessions.close();
		}
	}

	private static Map<String, @Nullable Object> runTask(SmoothCalls calls, GuardRails guardRails, ModelInput input) {
		String task = input.requiredText("task");
		String url = input.text("url");
		Integer maxSteps = guardRails.steps(input.integer("max_steps"));
		List<String> allowedUrls = guardRails.allowedUrls(input.texts("allowed_urls"));
		ObjectNode outputSchema = input.object("output_schema");
		guardRails.checkUrl("url", url);
		guardRails.ask(new SmoothAiTaskRequest(ToolDefinitions.RUN_TASK, task, url, maxSteps, allowedUrls, null));
		guardRails.acquire();
		try {
			return calls.runTask(task, url, maxSteps, allowedUrls, outputSchema);
		}
		finally {
			guardRails.release();
		}
	}

	/**
	 * Builds a {@link SmoothAiToolCallbackProvider}; the defaults are those of
	 * {@code smooth.ai.*}.
	 */
	public static final class Builder {

		private final SmoothOperations smooth;

		private @Nullable Integer maxSteps;

		private List<String> allowedUrls = List.of();

		private int maxConcurrentTasks = 4;

		private @Nullable SmoothAiTaskGuard guard;

		private boolean sessionTools;

		private Duration sessionIdleTimeout = Duration.ofMinutes(5);

		private JsonMapper jsonMapper = JsonMapper.builder().build();

		private Builder(SmoothOperations smooth) {
			Assert.notNull(smooth, "smooth must not be null");
			this.smooth = smooth;
		}

		/**
		 * Caps the steps of a task started by a model.
		 * @param maxSteps from 2 to 128, or {@code null} for no cap
		 * @return this builder
		 */
		public Builder maxSteps(@Nullable Integer maxSteps) {
			this.maxSteps = maxSteps;
			return this;
		}

		/**
		 * Confines tasks started by a model to these URL patterns; the model may narrow
		 * them, never widen them.
		 * @param patterns Smooth URL globs; none for no confinement
		 * @return this builder
		 */
		public Builder allowedUrls(String... patterns) {
			Assert.noNullElements(patterns, "patterns must not be null or hold null");
			this.allowedUrls = List.copyOf(Arrays.asList(patterns));
			return this;
		}

		/**
		 * Limits the tasks and sessions started by models that run at once.
		 * @param limit at least 1
		 * @return this builder
		 */
		public Builder maxConcurrentTasks(int limit) {
			this.maxConcurrentTasks = limit;
			return this;
		}

		/**
		 * Sets the guard that sees each request before it is sent.
		 * @param guard the guard, or {@code null} for none
		 * @return this builder
		 */
		public Builder guard(@Nullable SmoothAiTaskGuard guard) {
			this.guard = guard;
			return this;
		}

		/**
		 * Offers the session tools as well.
		 * @param enabled whether to
		 * @return this builder
		 */
		public Builder sessionTools(boolean enabled) {
			this.sessionTools = enabled;
			return this;
		}

		/**
		 * How long a session may stay unused before it is closed.
		 * @param timeout a positive duration
		 * @return this builder
		 */
		public Builder sessionIdleTimeout(Duration timeout) {
			Assert.notNull(timeout, "timeout must not be null");
			this.sessionIdleTimeout = timeout;
			return this;
		}

		/**
		 * The mapper that reads the model's arguments and writes the results.
		 * @param jsonMapper the mapper
		 * @return this builder
		 */
		public Builder jsonMapper(JsonMapper jsonMapper) {
			Assert.notNull(jsonMapper, "jsonMapper must not be null");
			this.jsonMapper = jsonMapper;
			return this;
		}

		/**
		 * Builds the provider.
		 * @return the provider
		 * @throws IllegalArgumentException when a limit is out of range
		 */
		public SmoothAiToolCallbackProvider build() {
			return new SmoothAiToolCallbackProvider(this);
		}

	}

}
