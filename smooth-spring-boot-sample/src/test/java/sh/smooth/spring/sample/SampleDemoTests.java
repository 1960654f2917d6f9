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

package sh.smooth.spring.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import sh.smooth.spring.sample.demo.DemoReport;
import sh.smooth.spring.sample.demo.DemoRunner;
import sh.smooth.spring.test.SmoothSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's main job, as the README's first command runs it: against the embedded
 * simulator, offline, printing the report.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleDemoTests {

	@Test
	void theDemoRunsEndToEndAgainstTheSimulator(CapturedOutput output) {
		String[] args = { "--sample.backend=simulator" };
		SmoothSimulator simulator;
		DemoReport report;
		try (ConfigurableApplicationContext context = SampleApplication.application(args, false).run(args)) {
			report = context.getBean(DemoRunner.class).lastReport();
			simulator = context.getBean(SmoothSimulator.class);
			simulator.assertNoUnansweredToolCalls();
			assertThat(simulator.duplicateToolAnswers()).isEmpty();
			simulator.assertNoOpenApiViolations();
		}
		assertThat(report).isNotNull();
		assertThat(String.join("\n", report.lines()))
			.contains("tool call answered: lookupCustomer(ada@example.com) -> Ada Lovelace")
			.contains("tool call answered: orderStatus(A-1001) -> SHIPPED")
			.contains("DeliveryCheck[customerName=Ada Lovelace, orderNumber=A-1001, status=SHIPPED")
			.contains("Order[number=A-1001, total=129.9, status=SHIPPED]")
			.contains("Your orders - Example Shop")
			.contains("metric smooth.credits.used = 8");
		assertThat(report.credits()).isEqualTo(8);
		assertThat(output.getOut()).contains("Backend: embedded Smooth simulator")
			.contains("=== Smooth demo report ===")
			// the run_task secret never reaches the output
			.doesNotContain("correct-horse-battery-staple");
	}

	@Test
	void aKeyInTheEnvironmentSelectsTheRealService() {
		assertThat(Backend.choose(new String[0], java.util.Map.of("SMOOTH_API_KEY", "cmzr-x")).simulated()).isFalse();
		assertThat(Backend.choose(new String[0], java.util.Map.of()).simulated()).isTrue();
		assertThat(Backend
			.choose(new String[] { "--sample.backend=simulator" }, java.util.Map.of("SMOOTH_API_KEY", "cmzr-x"))
			.simulated()).isTrue();
	}

}
