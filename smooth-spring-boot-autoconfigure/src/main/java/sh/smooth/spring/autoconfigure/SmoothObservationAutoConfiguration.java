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

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import sh.smooth.spring.observation.SmoothCreditsObservationHandler;
import sh.smooth.spring.observation.SmoothPollMetrics;
import sh.smooth.spring.observation.SmoothToolMetrics;
import sh.smooth.spring.observation.ToolAnswerRecorder;
import sh.smooth.spring.polling.PollRecorder;
import sh.smooth.spring.polling.PollingEngine;
import sh.smooth.spring.store.FleetMember;

/**
 * Auto-configuration of Smooth's meters: the credit meters derived from the
 * {@code smooth.task} and {@code smooth.session.action} observations, and the plain
 * counters of polls and lost tool answers, which the polling engine and the tool
 * dispatcher are given when they are built, and the {@code smooth.fleet.queued} gauge of
 * submits waiting for a slot of {@code smooth.fleet.max-concurrent-tasks}. The
 * observations themselves are recorded where the work happens (the task launcher, session
 * actions, tool calls) on the application's {@code ObservationRegistry}. Off with
 * {@code smooth.metrics.enabled=false}; Boot's
 * {@code management.observations.enable.smooth=false} turns off the observations and the
 * credit meters derived from them.
 */
@AutoConfiguration(
		after = { SmoothAutoConfiguration.class, SmoothToolsAutoConfiguration.class,
				SmoothStoreAutoConfiguration.class },
		afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(PollingEngine.class)
@ConditionalOnProperty(name = "smooth.metrics.enabled", havingValue = "true", matchIfMissing = true)
public final class SmoothObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(PollRecorder.class)
	SmoothPollMetrics smoothPollMetrics() {
		return new SmoothPollMetrics();
	}

	@Bean
	@ConditionalOnMissingBean(ToolAnswerRecorder.class)
	SmoothToolMetrics smoothToolMetrics() {
		return new SmoothToolMetrics();
	}

	/**
	 * The submits waiting for a slot of the fleet-wide limit: fleet-wide as of the last
	 * lease renewal, or this instance's own when more are waiting here.
	 * @param fleet this instance in the fleet
	 * @return the binder of the gauge
	 */
	@Bean
	@ConditionalOnMissingBean(name = "smoothFleetMetrics")
	@ConditionalOnBean(FleetMember.class)
	MeterBinder smoothFleetMetrics(FleetMember fleet) {
		return (registry) -> Gauge.builder("smooth.fleet.queued", fleet, FleetMember::queued)
			.description("Submits waiting for a slot of smooth.fleet.max-concurrent-tasks, fleet-wide")
			.register(registry);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(MeterRegistry.class)
	SmoothCreditsObservationHandler smoothCreditsObservationHandler(MeterRegistry meterRegistry) {
		return new SmoothCreditsObservationHandler(meterRegistry);
	}

}
