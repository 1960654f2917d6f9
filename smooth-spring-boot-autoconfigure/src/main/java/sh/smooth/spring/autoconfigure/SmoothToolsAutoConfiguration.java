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

import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
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

import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.browser.ToolSelection;
import sh.smooth.spring.observation.SmoothToolCallObservationConvention;
import sh.smooth.spring.observation.ToolAnswerRecorder;
import sh.smooth.spring.observation.ToolCallObservations;
import sh.smooth.spring.runtime.BrowserActionsFactory;
import sh.smooth.spring.schema.SmoothSchemaGenerator;
import sh.smooth.spring.tool.DefaultSmoothToolErrorHandler;
import sh.smooth.spring.tool.SmoothToolErrorHandler;
import sh.smooth.spring.tool.SmoothToolMethodProcessor;
import sh.smooth.spring.tool.ToolCallLedger;
import sh.smooth.spring.tool.ToolDispatcher;
import sh.smooth.spring.tool.ToolInputSchemas;
import sh.smooth.spring.tool.ToolRegistry;

/**
 * Auto-configuration of custom tools: discovers {@code @SmoothTool} methods and
 * {@code SmoothToolCallback} beans, offers each task and session the tools it selects (by
 * default those of {@code smooth.tools.attach} and {@code smooth.tools.default-groups}),
 * and answers their calls on a bounded executor. The {@link ToolDispatcher} is the tool
 * attachment the task launcher offers every task and session; it drives a task's browser
 * through the session feature's browser actions, both given by constructor.
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
	ToolDispatcher smoothToolDispatcher(SmoothProperties properties, ToolRegistry registry,
			SmoothToolErrorHandler errorHandler, ObjectProvider<JsonMapper> jsonMapper, SmoothApiClient api,
			ObjectProvider<BrowserActionsFactory> browserActions, ObjectProvider<ObservationRegistry> observations,
			ObjectProvider<SmoothToolCallObservationConvention> convention,
			ObjectProvider<ToolAnswerRecorder> lostAnswers, ObjectProvider<ToolCallLedger> ledger,
			Environment environment) {
		SmoothProperties.Tools tools = properties.tools();
		return new ToolDispatcher(registry,
				ToolDispatcher.boundedExecutor(tools.executor().threads(), tools.executor().queueCapacity(),
						toolThreads(environment)),
				errorHandler, mapper(jsonMapper),
				new ToolDispatcher.Settings(tools.timeout(), tools.executor().queueTimeout(), api.retrySettings()),
				browserActions.getIfAvailable(() -> BrowserActionsFactory.NONE),
				new ToolCallObservations(SmoothAutoConfiguration.observations(properties, observations),
						convention.getIfUnique()),
				lostAnswers.getIfAvailable(() -> ToolAnswerRecorder.NONE),
				ledger.getIfAvailable(() -> ToolCallLedger.NONE));
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
