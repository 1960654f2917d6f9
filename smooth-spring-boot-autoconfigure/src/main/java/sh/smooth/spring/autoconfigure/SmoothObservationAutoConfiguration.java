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

import java.util.Set;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import sh.smooth.spring.observation.SmoothCreditsObservationHandler;
import sh.smooth.spring.observation.SmoothPollMetrics;
import sh.smooth.spring.observation.SmoothSessionActionObservationConvention;
import sh.smooth.spring.observation.SmoothSessionActionObserver;
import sh.smooth.spring.observation.SmoothTaskObservationConvention;
import sh.smooth.spring.observation.SmoothTaskObservationSupport;
import sh.smooth.spring.observation.SmoothToolCallObservationConvention;
import sh.smooth.spring.observation.SmoothToolCallObserver;
import sh.smooth.spring.observation.SmoothToolMetrics;
import sh.smooth.spring.polling.PollingEngine;
import sh.smooth.spring.session.SessionActionObserver;
import sh.smooth.spring.tool.ToolCallObserver;
import sh.smooth.spring.tool.ToolDispatcher;
import sh.smooth.spring.tool.ToolRegistry;

/**
 * Auto-configuration of Smooth's observations ({@code smooth.task},
 * {@code smooth.session.action}, {@code smooth.tool.call}), the meters derived from them,
 * and the plain counters of polls and lost tool answers. Off with
 * {@code smooth.metrics.enabled=false}; Boot's
 * {@code management.observations.enable.smooth=false} turns off the observations and the
 * credit meters derived from them.
 */
@AutoConfiguration(after = { SmoothAutoConfiguration.class, SmoothToolsAutoConfiguration.class },
		afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(PollingEngine.class)
@ConditionalOnProperty(name = "smooth.metrics.enabled", havingValue = "true", matchIfMissing = true)
public final class SmoothObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SmoothTaskObservationSupport smoothTaskObservationSupport(ObjectProvider<ObservationRegistry> registry,
			ObjectProvider<SmoothTaskObservationConvention> convention) {
		return new SmoothTaskObservationSupport(registry.getIfUnique(() -> ObservationRegistry.NOOP),
				convention.getIfUnique());
	}

	@Bean
	@ConditionalOnMissingBean(SessionActionObserver.class)
	SmoothSessionActionObserver smoothSessionActionObserver(ObjectProvider<ObservationRegistry> registry,
			SmoothTaskObservationSupport tasks, ObjectProvider<SmoothSessionActionObservationConvention> convention) {
		return new SmoothSessionActionObserver(registry.getIfUnique(() -> ObservationRegistry.NOOP), tasks,
				convention.getIfUnique());
	}

	@Bean
	@ConditionalOnMissingBean(ToolCallObserver.class)
	SmoothToolCallObserver smoothToolCallObserver(ObjectProvider<ObservationRegistry> registry,
			SmoothTaskObservationSupport tasks, ObjectProvider<SmoothToolCallObservationConvention> convention,
			ObjectProvider<ToolRegistry> tools) {
		// tool names are bounded: the tools each task declared in custom_tools, and the
		// registry's set, fixed at startup
		// read on every tool call: a lock-free set, not a copy per call
		ToolRegistry toolRegistry = tools.getIfAvailable();
		Supplier<Set<String>> names = (toolRegistry != null) ? toolRegistry::nameSet : Set::of;
		return new SmoothToolCallObserver(registry.getIfUnique(() -> ObservationRegistry.NOOP), tasks, names,
				convention.getIfUnique());
	}

	/**
	 * The meters: only with Micrometer core.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static final class SmoothMeterConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SmoothPollMetrics smoothPollMetrics(PollingEngine engine) {
			return new SmoothPollMetrics(engine);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(ToolDispatcher.class)
		SmoothToolMetrics smoothToolMetrics(ToolDispatcher dispatcher) {
			return new SmoothToolMetrics(dispatcher);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(MeterRegistry.class)
		SmoothCreditsObservationHandler smoothCreditsObservationHandler(MeterRegistry meterRegistry) {
			return new SmoothCreditsObservationHandler(meterRegistry);
		}

	}

}
