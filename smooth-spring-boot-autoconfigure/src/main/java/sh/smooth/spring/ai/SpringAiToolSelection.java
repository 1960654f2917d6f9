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

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.util.Assert;

import sh.smooth.spring.browser.ToolSelection;

/**
 * Offers Spring AI tools to one Smooth task:
 * {@code SmoothTask.builder("...").browser((b) -> b.tools(SpringAiToolSelection.of(weatherTools)))}.
 * The tools must be the application's own (registered with
 * {@code smooth.ai.agent-tools.enabled}, the default): a task selecting any other fails
 * before any HTTP call, with the list of the tools that exist.
 */
public final class SpringAiToolSelection {

	private SpringAiToolSelection() {
	}

	/**
	 * Exactly these tools.
	 * @param callbacks Spring AI tools
	 * @return the selection of their names
	 */
	public static ToolSelection of(ToolCallback... callbacks) {
		Assert.noNullElements(callbacks, "callbacks must not be null or hold null");
		Set<String> names = new LinkedHashSet<>();
		Arrays.stream(callbacks).forEach((callback) -> names.add(callback.getToolDefinition().name()));
		return ToolSelection.names(names.toArray(String[]::new));
	}

	/**
	 * Exactly the tools of these providers, such as a {@code MethodToolCallbackProvider}.
	 * @param providers Spring AI tool providers
	 * @return the selection of their tools' names
	 */
	public static ToolSelection of(ToolCallbackProvider... providers) {
		Assert.noNullElements(providers, "providers must not be null or hold null");
		return of(Arrays.stream(providers)
			.flatMap((p) -> Arrays.stream(p.getToolCallbacks()))
			.toArray(ToolCallback[]::new));
	}

	/**
	 * Every Spring AI tool of the application: the group {@code spring-ai}.
	 * @return the selection
	 */
	public static ToolSelection all() {
		return ToolSelection.groups(SpringAiSmoothTool.GROUP);
	}

}
