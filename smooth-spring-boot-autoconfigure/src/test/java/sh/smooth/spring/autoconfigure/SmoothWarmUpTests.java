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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.SmoothWebClientCustomizer;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.task.TaskStatus;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;

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
				// the submit, poll and answer of the warm-up were answered in the
				// process,
				// unseen by the application's filters
				assertThat(sim.requests()).isEmpty();
				assertThat(filtered).isEmpty();

				assertThat(context.getBean(SmoothOperations.class).run("Say hi").status()).isEqualTo(TaskStatus.DONE);
				assertThat(sim.requests()).isNotEmpty();
				assertThat(filtered).hasSameSizeAs(sim.requests());
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
