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

package sh.smooth.spring.autoconfigure;

import java.util.List;
import java.util.concurrent.ThreadFactory;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;

import sh.smooth.spring.SmoothTemplate;
import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.session.SessionFactory;
import sh.smooth.spring.task.ToolSelection;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.reactive.function.client.WebClient;

import sh.smooth.spring.tool.DefaultSmoothToolErrorHandler;
import sh.smooth.spring.tool.SmoothToolErrorHandler;
import sh.smooth.spring.tool.SmoothToolMethodProcessor;
import sh.smooth.spring.schema.SmoothSchemaGenerator;
import sh.smooth.spring.tool.SmoothToolParamSchemaModule;
import sh.smooth.spring.tool.ToolCallObserver;
import sh.smooth.spring.tool.ToolDispatcher;
import sh.smooth.spring.tool.ToolInputSchemas;
import sh.smooth.spring.tool.ToolRegistry;
import sh.smooth.spring.tool.ToolTaskSupport;

/**
 * Auto-configuration of custom tools: discovers {@code @SmoothTool} methods and
 * {@code SmoothToolCallback} beans, offers each task and session the tools it selects (by
 * default those of {@code smooth.tools.attach} and {@code smooth.tools.default-groups})
 * through a {@link ToolTaskSupport} (picked up by the {@code SmoothTemplate}), and
 * answers their calls on a bounded executor.
 */
@AutoConfiguration(after = SmoothAutoConfiguration.class)
@ConditionalOnClass(WebClient.class)
@EnableConfigurationProperties(SmoothProperties.class)
public final class SmoothToolsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ToolRegistry smoothToolRegistry(SmoothProperties properties) {
		return new ToolRegistry(defaultSelection(properties.tools()));
	}

	/**
	 * What a task that does not choose is offered, from {@code smooth.tools.attach} and
	 * {@code smooth.tools.default-groups}.
	 * @param tools the properties
	 * @return the default selection
	 */
	static ToolSelection defaultSelection(SmoothProperties.Tools tools) {
		List<String> groups = tools.defaultGroups();
		if (tools.attach() == SmoothProperties.Tools.Attach.NONE) {
			if (!groups.isEmpty()) {
				throw new IllegalStateException("smooth.tools.default-groups=" + String.join(",", groups)
						+ " has no effect with smooth.tools.attach=none: remove one of them");
			}
			return ToolSelection.none();
		}
		return groups.isEmpty() ? ToolSelection.all() : ToolSelection.groups(groups.toArray(String[]::new));
	}

	@Bean
	@ConditionalOnMissingBean(SmoothToolErrorHandler.class)
	DefaultSmoothToolErrorHandler smoothToolErrorHandler() {
		return new DefaultSmoothToolErrorHandler();
	}

	@Bean
	@ConditionalOnMissingBean
	SmoothToolMethodProcessor smoothToolMethodProcessor(ToolRegistry registry, SmoothSchemaGenerator schemas,
			ObjectProvider<JsonMapper> jsonMapper) {
		// the same generator (and cache) as structured output
		return new SmoothToolMethodProcessor(registry, new ToolInputSchemas(schemas), mapper(jsonMapper));
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ToolDispatcher smoothToolDispatcher(SmoothProperties properties, SmoothToolErrorHandler errorHandler,
			ObjectProvider<ToolCallObserver> observer, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<SessionFactory> sessions, ObjectProvider<SmoothTemplate> template, Environment environment) {
		SmoothProperties.Tools tools = properties.tools();
		ToolDispatcher dispatcher = new ToolDispatcher(
				ToolDispatcher.boundedExecutor(tools.executor().threads(), tools.executor().queueCapacity(),
						toolThreads(environment)),
				errorHandler, () -> observer.getIfAvailable(() -> ToolCallObserver.NOOP), mapper(jsonMapper),
				tools.timeout(), tools.executor().queueTimeout());
		// resolved when a tool first asks, so the dispatcher does not depend on the
		// template at startup (the template depends on the tools' TaskSupport)
		dispatcher.setActions((poller) -> {
			SessionFactory factory = sessions.getIfAvailable();
			SmoothTemplate smooth = template.getIfAvailable();
			if (factory == null || smooth == null) {
				throw new SmoothException("Browser actions need the SmoothTemplate and the session feature");
			}
			return factory.actionsFor(poller, smooth.converter(), smooth.timeouts().call(),
					smooth.timeouts().liveUrl());
		});
		return dispatcher;
	}

	@Bean
	@ConditionalOnMissingBean
	ToolTaskSupport smoothToolTaskSupport(ToolRegistry registry, ToolDispatcher dispatcher) {
		return new ToolTaskSupport(registry, dispatcher);
	}

	/**
	 * Virtual threads when the application asks for them
	 * ({@code spring.threads.virtual.enabled=true} on Java 21 or later), as Boot's own
	 * executors do; otherwise daemon platform threads. Both are named
	 * {@code smooth-tool-N}.
	 * @param environment the environment
	 * @return the factory of tool threads
	 */
	static ThreadFactory toolThreads(Environment environment) {
		if (Threading.VIRTUAL.isActive(environment)) {
			return new VirtualThreadTaskExecutor("smooth-tool-").getVirtualThreadFactory();
		}
		CustomizableThreadFactory factory = new CustomizableThreadFactory("smooth-tool-");
		factory.setDaemon(true);
		return factory;
	}

	/**
	 * The application's mapper (with its modules) binds arguments and writes results.
	 * @param jsonMapper the application's mapper, if any
	 * @return the mapper
	 */
	private static JsonMapper mapper(ObjectProvider<JsonMapper> jsonMapper) {
		return jsonMapper.getIfAvailable(() -> JsonMapper.builder().build());
	}

}
