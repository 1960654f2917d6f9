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

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.ai.autoconfigure.SmoothAiAutoConfiguration;
import sh.smooth.spring.observation.SmoothCreditsObservationHandler;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.test.RecordedRequest;
import sh.smooth.spring.test.Route;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credits of a task a model started are tagged {@code origin=spring-ai}, those of the
 * application's own tasks {@code origin=application}, and the origin never goes over the
 * wire.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class SpringAiOriginTests {

	private final ApplicationContextRunner runner = SimulatorRig.runner()
		.withConfiguration(AutoConfigurations.of(SmoothAiAutoConfiguration.class))
		.withUserConfiguration(Meters.class);

	@Test
	void aModelStartedTaskIsTaggedSpringAiAndAPlainOneApplication(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("by the model")).output("ok").credits(3).doneAfter(Duration.ZERO);
		sim.onTask(TaskMatcher.textContains("for the team")).output("ok").credits(5).doneAfter(Duration.ZERO);
		ScriptedChatModel model = new ScriptedChatModel("smooth_run_task", "{\"task\": \"read news by the model\"}");
		this.runner.withPropertyValues(SimulatorRig.properties(sim)).run((context) -> {
			ChatClient.builder(model)
				.build()
				.prompt()
				.user("Help me")
				.toolCallbacks(context.getBean(SmoothAiToolCallbackProvider.class))
				.call()
				.content();
			context.getBean(SmoothOperations.class).run("read news for the team");

			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("smooth.credits.used").tag("origin", "spring-ai").counter().count()).isEqualTo(3);
			assertThat(meters.get("smooth.credits.used").tag("origin", "application").counter().count()).isEqualTo(5);
			assertThat(meters.get("smooth.task").tag("origin", "spring-ai").timer().count()).isEqualTo(1);
			List<RecordedRequest> creates = sim.requests(Route.CREATE_TASK);
			assertThat(creates).hasSize(2).allSatisfy((create) -> {
				assertThat(create.body().has("origin")).isFalse();
				assertThat(create.bodyText()).doesNotContain("spring-ai", "application");
			});
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class Meters {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		ObservationRegistry observationRegistry(SimpleMeterRegistry meters) {
			// what Boot's observation auto-configuration does with the handler bean
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig()
				.observationHandler(
						new io.micrometer.core.instrument.observation.DefaultMeterObservationHandler(meters))
				.observationHandler(new SmoothCreditsObservationHandler(meters));
			return registry;
		}

	}

}
