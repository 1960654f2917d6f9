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

import java.time.Duration;
import java.util.List;
import java.util.Map;

import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.TaskMatcher;

/**
 * What the simulated agent does in the demo: it calls the sample's two tools, then
 * answers with a delivery check; in the session it logs in, extracts the orders and reads
 * the page title.
 */
final class DemoScenario {

	private DemoScenario() {
	}

	static void script(SmoothSimulator simulator) {
		simulator.onTask(TaskMatcher.textContains("delivery"))
			.runningAfter(Duration.ofMillis(50))
			.toolCall(Duration.ofMillis(100), "lookupCustomer", Map.of("email", "ada@example.com"))
			.toolCall(Duration.ofMillis(100), "orderStatus", Map.of("orderNumber", "A-1001"))
			.doneAfter(Duration.ofMillis(150))
			.output(Map.of("customerName", "Ada Lovelace", "orderNumber", "A-1001", "status", "SHIPPED", "eta",
					"2026-12-02", "summary", "Order A-1001 shipped and arrives on 2 December."))
			.credits(4);
		simulator.onSessionAction("run_task")
			.latency(Duration.ofMillis(200))
			.respond("Logged in as ada@example.com and opened the orders page", 3);
		simulator.onSessionAction("extract")
			.latency(Duration.ofMillis(80))
			.respond(List.of(Map.of("number", "A-1001", "total", 129.90, "status", "SHIPPED"),
					Map.of("number", "A-0987", "total", 24.50, "status", "DELIVERED")), 1);
		simulator.onSessionAction("evaluate_js")
			.latency(Duration.ofMillis(20))
			.respond("Your orders - Example Shop", 0);
	}

}
