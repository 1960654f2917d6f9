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

import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.ai.SmoothAiTaskGuard;
import sh.smooth.spring.ai.SmoothAiToolCallbackProvider;
import sh.smooth.spring.ai.SpringAiToolRegistrar;
import sh.smooth.spring.tool.ToolRegistry;

/**
 * Auto-configuration of the Spring AI bridge, when Spring AI's tool API is on the
 * classpath and {@code smooth.ai.enabled} is not {@code false}: Smooth as Spring AI tools
 * (a {@link SmoothAiToolCallbackProvider} bean), and the application's Spring AI tools as
 * Smooth custom tools ({@code smooth.ai.agent-tools.*}). Ordered before the tools
 * auto-configuration so that Spring AI tools are registered before the default tool
 * selection is checked and logged.
 */
@AutoConfiguration(afterName = "sh.smooth.spring.autoconfigure.SmoothAutoConfiguration",
		beforeName = "sh.smooth.spring.autoconfigure.SmoothToolsAutoConfiguration")
@ConditionalOnClass(ToolCallbackProvider.class)
@ConditionalOnProperty(prefix = "smooth.ai", name = "enabled", matchIfMissing = true)
@ConditionalOnBean(SmoothOperations.class)
@EnableConfigurationProperties(SmoothAiProperties.class)
public final class SmoothAiAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	SmoothAiToolCallbackProvider smoothAiToolCallbackProvider(SmoothOperations smooth, SmoothAiProperties properties,
			ObjectProvider<SmoothAiTaskGuard> guard, ObjectProvider<JsonMapper> jsonMapper) {
		return SmoothAiToolCallbackProvider.builder(smooth)
			.maxSteps(properties.maxSteps())
			.allowedUrls(properties.allowedUrls().toArray(String[]::new))
			.maxConcurrentTasks(properties.maxConcurrentTasks())
			.guard(guard.getIfUnique())
			.sessionTools(properties.sessionTools())
			.sessionIdleTimeout(properties.sessionIdleTimeout())
			.jsonMapper(mapper(jsonMapper))
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(prefix = "smooth.ai.agent-tools", name = "enabled", matchIfMissing = true)
	SpringAiToolRegistrar smoothSpringAiToolRegistrar(ListableBeanFactory beans, ObjectProvider<ToolRegistry> registry,
			SmoothAiProperties properties, ObjectProvider<JsonMapper> jsonMapper) {
		return new SpringAiToolRegistrar(beans, registry, properties.agentTools().offerByDefault(), mapper(jsonMapper));
	}

	private static JsonMapper mapper(ObjectProvider<JsonMapper> jsonMapper) {
		return jsonMapper.getIfAvailable(() -> JsonMapper.builder().build());
	}

}
