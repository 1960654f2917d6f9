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
package sh.smooth.spring.ai.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the Spring AI bridge, under {@code smooth.ai}.
 *
 * @param enabled Whether Smooth is offered to Spring AI models as tools.
 * @param sessionTools Whether the session tools (open, goto, extract, evaluate_js,
 * run_task, close) are offered as well as smooth_run_task.
 * @param sessionIdleTimeout How long a session the model opened may stay unused before it
 * is closed.
 * @param maxSteps Most steps a task started by a model may take, from 2 to 128. A model
 * asking for more is refused; a model asking for nothing gets this budget.
 * @param allowedUrls URL patterns (Smooth globs, such as https://**.example.com/**) that
 * tasks started by a model are confined to. The model may narrow them, never widen them.
 * Empty: no confinement.
 * @param maxConcurrentTasks Most tasks and sessions started by models that may run at
 * once; a model asking for one more is refused.
 * @param agentTools Spring AI tools offered to Smooth tasks as custom tools.
 */
@ConfigurationProperties("smooth.ai")
public record SmoothAiProperties(@DefaultValue("true") boolean enabled, @DefaultValue("false") boolean sessionTools,
		@DefaultValue("5m") Duration sessionIdleTimeout, @Nullable Integer maxSteps,
		@DefaultValue List<String> allowedUrls, @DefaultValue("4") int maxConcurrentTasks,
		@DefaultValue AgentTools agentTools) {

	/**
	 * Spring AI tools (the ToolCallback beans and the tools of every ToolCallbackProvider
	 * bean) as Smooth custom tools, in the tool group spring-ai.
	 *
	 * @param enabled Whether Spring AI tools are registered as Smooth custom tools, so
	 * that a task can select them.
	 * @param offerByDefault Whether they are part of the default tool selection of tasks
	 * and sessions (smooth.tools.attach=all); otherwise only tasks that select them by
	 * name or by the group spring-ai are offered them.
	 */
	public record AgentTools(@DefaultValue("true") boolean enabled, @DefaultValue("false") boolean offerByDefault) {
	}

}
