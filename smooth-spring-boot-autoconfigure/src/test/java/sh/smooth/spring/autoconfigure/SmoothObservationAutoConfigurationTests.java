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

import sh.smooth.spring.ReactiveSmoothTemplate;
import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.SmoothTemplate;
import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.observation.DefaultSmoothTaskObservationConvention;
import sh.smooth.spring.observation.SmoothCreditsObservationHandler;
import sh.smooth.spring.observation.SmoothPollMetrics;
import sh.smooth.spring.observation.SmoothTaskObservationConvention;
import sh.smooth.spring.observation.SmoothToolMetrics;
import sh.smooth.spring.observation.ToolAnswerRecorder;
import sh.smooth.spring.polling.PollRecorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * When {@link SmoothObservationAutoConfiguration} applies and when it backs off, and that
 * the observations go to the application's registry, with its convention, unless
 * {@code smooth.metrics.enabled=false}.
 */
class SmoothObservationAutoConfigurationTests {

	/** Nothing listens there: a submit is refused at once, before any task exists. */
	private static final String NOWHERE = "smooth.base-url=http://127.0.0.1:1/api/v1";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(SmoothAutoConfiguration.class, SmoothObservationAutoConfiguration.class))
		.withPropertyValues("smooth.api-key=test-key-0123456789", "smooth.retry.max-attempts=1", NOWHERE);

	@Test
	void metersAreOnByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(SmoothPollMetrics.class)
				.hasSingleBean(SmoothToolMetrics.class)
				.hasSingleBean(SmoothTemplate.class)
				.hasSingleBean(ReactiveSmoothTemplate.class);
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
		this.runner.withUserConfiguration(MeterRegistryConfiguration.class, ConventionConfiguration.class)
			.withPropertyValues("smooth.metrics.enabled=false")
			.run((context) -> {
				assertThat(context).hasSingleBean(SmoothTemplate.class)
					.doesNotHaveBean(SmoothPollMetrics.class)
					.doesNotHaveBean(SmoothToolMetrics.class)
					.doesNotHaveBean(SmoothCreditsObservationHandler.class);
				refusedSubmit(context.getBean(SmoothOperations.class));
				// the launcher was given no registry: nothing was observed
				assertThat(context.getBean(TestObservationRegistry.class)).doesNotHaveAnyObservation();
			});
	}

	@Test
	void metersBackOffWithoutMicrometerCore() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(SmoothTemplate.class)
				.doesNotHaveBean(SmoothPollMetrics.class)
				.doesNotHaveBean(SmoothCreditsObservationHandler.class);
		});
	}

	@Test
	void backsOffWithoutMicrometer() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer.")).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(SmoothTemplate.class)
				.doesNotHaveBean(SmoothPollMetrics.class)
				.doesNotHaveBean(SmoothToolMetrics.class);
		});
	}

	@Test
	void usersReplaceTheRecorders() {
		this.runner.withUserConfiguration(UserConfiguration.class).run((context) -> {
			assertThat(context.getBean(PollRecorder.class)).isSameAs(PollRecorder.NONE);
			assertThat(context.getBean(ToolAnswerRecorder.class)).isSameAs(ToolAnswerRecorder.NONE);
			assertThat(context).doesNotHaveBean(SmoothPollMetrics.class).doesNotHaveBean(SmoothToolMetrics.class);
		});
	}

	@Test
	void theRegistryAndAUserConventionAreUsed() {
		this.runner.withUserConfiguration(ConventionConfiguration.class).run((context) -> {
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
			refusedSubmit(context.getBean(SmoothOperations.class));

			assertThat(registry).hasObservationWithNameEqualTo("acme.browser")
				.that()
				.hasBeenStopped()
				.hasLowCardinalityKeyValue("smooth.task.status", "error");
		});
	}

	private static void refusedSubmit(SmoothOperations smooth) {
		assertThatExceptionOfType(SmoothException.class).isThrownBy(() -> smooth.submit("read the page"));
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
		PollRecorder pollRecorder() {
			return PollRecorder.NONE;
		}

		@Bean
		ToolAnswerRecorder toolAnswerRecorder() {
			return ToolAnswerRecorder.NONE;
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
