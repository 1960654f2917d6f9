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

package sh.smooth.spring.sample.demo;

import java.io.PrintStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Runs the demo at startup and prints the report. Off with {@code sample.demo=false}.
 */
@Component
@ConditionalOnProperty(name = "sample.demo", havingValue = "true", matchIfMissing = true)
public class DemoRunner implements ApplicationRunner {

	private final DemoService demo;

	private final Environment environment;

	private final ObjectProvider<MeterRegistry> meters;

	private volatile DemoReport lastReport;

	DemoRunner(DemoService demo, Environment environment, ObjectProvider<MeterRegistry> meters) {
		this.demo = demo;
		this.environment = environment;
		this.meters = meters;
	}

	@Override
	public void run(ApplicationArguments args) {
		PrintStream out = System.out;
		String backend = this.environment.getProperty("sample.backend", "smooth");
		out.println();
		out.println("Backend: " + ("simulator".equals(backend)
				? "embedded Smooth simulator at " + this.environment.getProperty("smooth.base-url")
						+ " (offline; set SMOOTH_API_KEY to use the real service)"
				: "Smooth API at " + this.environment.getProperty("smooth.base-url", "https://api.smooth.sh/api/v1")));
		DemoReport report = new DemoReport();
		report.note("1. one-shot task with typed output and custom tools");
		this.demo.checkDelivery(report);
		report.note("2. browser session");
		this.demo.reviewOrders(report);
		MeterRegistry registry = this.meters.getIfAvailable();
		if (registry != null) {
			double credits = Search.in(registry)
				.name("smooth.credits.used")
				.counters()
				.stream()
				.mapToDouble((c) -> c.count())
				.sum();
			report.note("metric smooth.credits.used = " + (long) credits);
		}
		report.print(out, "Smooth demo report");
		this.lastReport = report;
	}

	/**
	 * The report of the last run, for tests.
	 * @return the report, or {@code null}
	 */
	public DemoReport lastReport() {
		return this.lastReport;
	}

}
