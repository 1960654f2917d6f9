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

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import sh.smooth.spring.SmoothTemplate;
import sh.smooth.spring.api.TaskKind;
import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.observation.DefaultSmoothTaskObservationConvention;
import sh.smooth.spring.observation.SmoothCreditsObservationHandler;
import sh.smooth.spring.observation.SmoothPollMetrics;
import sh.smooth.spring.observation.SmoothSessionActionObserver;
import sh.smooth.spring.observation.SmoothTaskObservationConvention;
import sh.smooth.spring.observation.SmoothTaskObservationSupport;
import sh.smooth.spring.observation.SmoothToolCallObserver;
import sh.smooth.spring.session.SessionActionObserver;
import sh.smooth.spring.task.TaskStart;
import sh.smooth.spring.task.TaskSupport;
import sh.smooth.spring.task.ToolSelection;
import sh.smooth.spring.tool.ToolCallObserver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link SmoothObservationAutoConfiguration} applies and when it backs off.
 */
class SmoothObservationAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(SmoothAutoConfiguration.class, SmoothObservationAutoConfiguration.class))
		.withPropertyValues("smooth.api-key=test-key-0123456789");

	@Test
	void observationsAreOnByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(SmoothTaskObservationSupport.class)
				.hasSingleBean(SmoothSessionActionObserver.class)
				.hasSingleBean(SmoothToolCallObserver.class)
				.hasSingleBean(SmoothPollMetrics.class)
				.hasSingleBean(SmoothTemplate.class);
			assertThat(context.getBeanProvider(TaskSupport.class).orderedStream())
				.containsExactly(context.getBean(SmoothTaskObservationSupport.class));
			// no MeterRegistry bean: nothing to count credits in
			assertThat(context).doesNotHaveBean(SmoothCreditsObservationHandler.class);
		});
	}

	@Test
	void creditsAreCountedWhenThereIsAMeterRegistry() {
		this.runner.withUserConfiguration(MeterRegistryConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(SmoothCreditsObservationHandler.class));
	}

	@Test
	void backsOffWhenMetricsAreDisabled() {
		this.runner.withUserConfiguration(MeterRegistryConfiguration.class)
			.withPropertyValues("smooth.metrics.enabled=false")
			.run((context) -> {
				assertThat(context).hasSingleBean(SmoothTemplate.class)
					.doesNotHaveBean(SmoothTaskObservationSupport.class)
					.doesNotHaveBean(SessionActionObserver.class)
					.doesNotHaveBean(ToolCallObserver.class)
					.doesNotHaveBean(SmoothPollMetrics.class)
					.doesNotHaveBean(SmoothCreditsObservationHandler.class);
			});
	}

	@Test
	void metersBackOffWithoutMicrometerCore() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(SmoothTemplate.class)
				.doesNotHaveBean(SmoothPollMetrics.class)
				.doesNotHaveBean(SmoothCreditsObservationHandler.class);
			// observations need only micrometer-observation, which Spring itself depends
			// on
			assertThat(context).hasSingleBean(SmoothTaskObservationSupport.class);
		});
	}

	@Test
	void backsOffWithoutMicrometer() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer.")).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(SmoothTemplate.class)
				.doesNotHaveBean(SmoothTaskObservationSupport.class)
				.doesNotHaveBean(SessionActionObserver.class)
				.doesNotHaveBean(ToolCallObserver.class)
				.doesNotHaveBean(SmoothPollMetrics.class);
		});
	}

	@Test
	void usersReplaceObserversAndConventions() {
		this.runner.withUserConfiguration(UserConfiguration.class).run((context) -> {
			assertThat(context.getBean(ToolCallObserver.class)).isSameAs(ToolCallObserver.NOOP);
			assertThat(context.getBean(SessionActionObserver.class)).isSameAs(SessionActionObserver.NOOP);
			assertThat(context).doesNotHaveBean(SmoothToolCallObserver.class)
				.doesNotHaveBean(SmoothSessionActionObserver.class)
				.hasSingleBean(SmoothTaskObservationSupport.class);
		});
	}

	@Test
	void theRegistryAndAUserConventionAreUsed() {
		this.runner.withUserConfiguration(ConventionConfiguration.class).run((context) -> {
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
			context.getBean(SmoothTaskObservationSupport.class)
				.failed(new TaskStart(TaskKind.TASK, null, ToolSelection.DEFAULT), new SmoothException("refused"));

			assertThat(registry).hasObservationWithNameEqualTo("acme.browser")
				.that()
				.hasBeenStopped()
				.hasLowCardinalityKeyValue("smooth.task.status", "error");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class MeterRegistryConfiguration {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserConfiguration {

		@Bean
		ToolCallObserver toolCallObserver() {
			return ToolCallObserver.NOOP;
		}

		@Bean
		SessionActionObserver sessionActionObserver() {
			return SessionActionObserver.NOOP;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ConventionConfiguration {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

		@Bean
		SmoothTaskObservationConvention acmeConvention() {
			return new DefaultSmoothTaskObservationConvention() {
				@Override
				public String getName() {
					return "acme.browser";
				}
			};
		}

	}

}
