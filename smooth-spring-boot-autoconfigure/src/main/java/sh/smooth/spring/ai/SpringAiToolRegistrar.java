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
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

import sh.smooth.spring.tool.ToolRegistry;

/**
 * Registers the application's Spring AI tools as Smooth custom tools, once every
 * singleton exists: the {@link ToolCallback} beans and the tools of every
 * {@link ToolCallbackProvider} bean (such as a {@code MethodToolCallbackProvider} over
 * {@code @Tool} beans), except Smooth's own tools, which would let the agent start
 * itself. A name Smooth does not accept, or one taken by a {@code @SmoothTool}, fails
 * startup with the bean that holds it.
 */
public final class SpringAiToolRegistrar implements SmartInitializingSingleton {

	private final ListableBeanFactory beans;

	private final ObjectProvider<ToolRegistry> registry;

	private final boolean offerByDefault;

	private final JsonMapper mapper;

	/**
	 * Creates a registrar.
	 * @param beans where the Spring AI tools are found
	 * @param registry the Smooth tool registry, if custom tools are on
	 * @param offerByDefault whether the tools join the default tool selection
	 * @param mapper reads the tools' schemas and results
	 */
	public SpringAiToolRegistrar(ListableBeanFactory beans, ObjectProvider<ToolRegistry> registry,
			boolean offerByDefault, JsonMapper mapper) {
		this.beans = beans;
		this.registry = registry;
		this.offerByDefault = offerByDefault;
		this.mapper = mapper;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ToolRegistry tools = this.registry.getIfAvailable();
		if (tools == null) {
			// custom tools are off: nothing would answer the calls
			return;
		}
		Map<String, String> found = new LinkedHashMap<>();
		this.beans.getBeansOfType(ToolCallbackProvider.class).forEach((name, provider) -> {
			if (provider instanceof SmoothAiToolCallbackProvider) {
				return;
			}
			for (ToolCallback callback : provider.getToolCallbacks()) {
				register(callback, "Spring AI tool '" + callback.getToolDefinition().name() + "' of bean '" + name
						+ "' (ToolCallbackProvider)", tools, found);
			}
		});
		this.beans.getBeansOfType(ToolCallback.class).forEach((name, callback) -> {
			if (!(callback instanceof SmoothAiTool)) {
				register(callback, "bean '" + name + "' (Spring AI ToolCallback)", tools, found);
			}
		});
	}

	private void register(ToolCallback callback, String source, ToolRegistry tools, Map<String, String> found) {
		String name = callback.getToolDefinition().name();
		if (found.putIfAbsent(name, source) != null) {
			// the same tool reached through two providers is one tool
			return;
		}
		tools.register(new SpringAiSmoothTool(callback, this.offerByDefault, this.mapper),
				source + "; set smooth.ai.agent-tools.enabled=false to keep Spring AI tools from Smooth");
	}

}
