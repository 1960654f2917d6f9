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

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.SmoothWebClientCustomizer;
import sh.smooth.spring.api.ConnectionSettings;
import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.api.SmoothResources;
import sh.smooth.spring.schema.SmoothSchemaGenerator;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.task.TaskStatus;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up at context start does its work without sending anything, and the client
 * works as usual after it.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class SmoothWarmUpTests {

	@Test
	void theContextStartsWarmWithoutARequestToSmooth(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.any()).doneAfter(Duration.ZERO);
		List<String> filtered = new CopyOnWriteArrayList<>();
		SmoothWebClientCustomizer recorder = (builder) -> builder.filter((request, next) -> {
			filtered.add(request.method() + " " + request.url().getPath());
			return next.exchange(request);
		});
		SimulatorRig.runner()
			.withBean(SmoothWebClientCustomizer.class, () -> recorder)
			.withUserConfiguration(SimulatorRig.ClockTools.class)
			.withPropertyValues(SimulatorRig.properties(sim))
			.run((context) -> {
				SmoothWarmUp warmUp = context.getBean(SmoothWarmUp.class);
				assertThat(warmUp.isRunning()).isTrue();
				assertThat(warmUp.stepsDone()).isEqualTo(4);
				assertThat(warmUp.tookMillis()).isNotNegative();
				// the submit, poll and answer of the warm-up went to its loopback server,
				// without the key and unseen by the application's filters
				String base = java.net.URI.create(sim.baseUrl()).getPath();
				assertThat(warmUp.loopbackRequests()).containsExactly("POST " + base + "/task without a key",
						"GET " + base + "/task/warm-up without a key",
						"POST " + base + "/task/warm-up/event without a key");
				assertThat(sim.requests()).isEmpty();
				assertThat(filtered).isEmpty();

				assertThat(context.getBean(SmoothOperations.class).run("Say hi").status()).isEqualTo(TaskStatus.DONE);
				assertThat(sim.requests()).isNotEmpty();
				assertThat(filtered).hasSameSizeAs(sim.requests());
			});
	}

	@Test
	void theWarmUpCallsAreNotObserved(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.any()).doneAfter(Duration.ZERO);
		TestObservationRegistry registry = TestObservationRegistry.create();
		SimulatorRig.runner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
					WebClientObservationAutoConfiguration.class))
			.withBean(ObservationRegistry.class, () -> registry)
			.withPropertyValues(SimulatorRig.properties(sim))
			.run((context) -> {
				assertThat(context.getBean(SmoothWarmUp.class).loopbackRequests()).hasSize(3);
				assertThat(registry).doesNotHaveAnyObservation();
				// the registry does see the client's calls: the emptiness above is the
				// warm-up's doing
				context.getBean(SmoothOperations.class).run("Say hi");
				assertThat(registry).hasObservationWithNameEqualTo("http.client.requests");
			});
	}

	@Test
	void withoutALoopbackServerTheCallsAreAnsweredInTheProcess(SmoothSimulator sim) {
		SimulatorRig.runner()
			.withPropertyValues(SimulatorRig.properties(sim, "smooth.warm-up.enabled=false"))
			.run((context) -> {
				ConnectionSettings connection = context.getBean(ConnectionSettings.class);
				SmoothResources resources = context.getBean(SmoothResources.class);
				SmoothWarmUp warmUp = new SmoothWarmUp(context.getBean(SmoothApiClient.class), resources,
						context.getBean(SmoothSchemaGenerator.class), SmoothConnectorConfigurer.connector(connection,
								null, List.of(), resources.connectionProvider()),
						connection, Duration.ofSeconds(10), () -> {
							throw new IOException("no port for you");
						});
				warmUp.start();
				assertThat(warmUp.stepsDone()).isEqualTo(4);
				assertThat(warmUp.loopbackRequests()).isEmpty();
				assertThat(sim.requests()).isEmpty();
			});
	}

	@Test
	void theWarmUpCanBeSwitchedOff(SmoothSimulator sim) {
		SimulatorRig.runner()
			.withPropertyValues(SimulatorRig.properties(sim, "smooth.warm-up.enabled=false"))
			.run((context) -> assertThat(context).doesNotHaveBean(SmoothWarmUp.class)
				.hasSingleBean(SmoothOperations.class));
	}

}
