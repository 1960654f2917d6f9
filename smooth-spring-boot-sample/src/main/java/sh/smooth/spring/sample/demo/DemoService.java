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

import java.time.Duration;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Service;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.browser.Device;
import sh.smooth.spring.sample.customer.CustomerTools;
import sh.smooth.spring.browser.ActionResult;
import sh.smooth.spring.browser.BrowserOptions;
import sh.smooth.spring.browser.SessionTask;
import sh.smooth.spring.session.SmoothSession;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskResult;

/**
 * The two ways to use Smooth: a one-shot task with typed output (the agent calls the
 * application's tools on the way), and a browser session driven step by step.
 */
@Service
public class DemoService {

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private final SmoothOperations smooth;

	private final CustomerTools tools;

	DemoService(SmoothOperations smooth, CustomerTools tools) {
		this.smooth = smooth;
		this.tools = tools;
	}

	/**
	 * A one-shot task: typed output, and the agent calls {@code lookupCustomer} and
	 * {@code orderStatus}.
	 * @param report where to record the steps
	 * @return the typed answer
	 */
	public DeliveryCheck checkDelivery(DemoReport report) {
		long start = System.nanoTime();
		TaskHandle handle = this.smooth.submit(SmoothTask
			.builder("Find the delivery status of the latest order of the customer ada@example.com "
					+ "on shop.example.com, using the shop's tools")
			.outputType(DeliveryCheck.class)
			.maxSteps(20)
			.build());
		report.step("submit task", since(start), "id " + handle.id());
		TaskResult result = handle.await(TIMEOUT);
		report.step("await result", since(start), result.status().value());
		this.tools.calls().forEach((call) -> report.note("tool call answered: " + call));
		DeliveryCheck check = result.output(DeliveryCheck.class);
		report.step("typed output", since(start), check);
		report.credits(result.creditsUsed());
		return check;
	}

	/**
	 * A session: go to the shop, let the agent log in, extract typed orders, read the
	 * page title, close.
	 * @param report where to record the steps
	 * @return the extracted orders
	 */
	public List<Order> reviewOrders(DemoReport report) {
		long start = System.nanoTime();
		List<Order> orders;
		SmoothSession closed;
		try (SmoothSession session = this.smooth.openSession(BrowserOptions.builder().device(Device.DESKTOP).build())) {
			report.step("open session", since(start), "id " + session.id());
			long t = System.nanoTime();
			session.goTo("https://shop.example.com/login");
			report.step("goTo", since(t), "https://shop.example.com/login");
			t = System.nanoTime();
			ActionResult login = session.runTask(SessionTask.builder("Log in and open the orders page")
				.maxSteps(16)
				.secret("SHOP_PASSWORD", "correct-horse-battery-staple", "https://shop.example.com/*")
				.build());
			report.step("runTask (secret masked)", since(t), login.output().asString());
			t = System.nanoTime();
			orders = session.extract(new ParameterizedTypeReference<List<Order>>() {
			}, (o) -> o.prompt("Extract every order in the table"));
			report.step("extract List<Order>", since(t), orders);
			t = System.nanoTime();
			JsonNode title = session.evaluateJs("document.title");
			report.step("evaluateJs", since(t), title.asString());
			closed = session;
		}
		TaskResult result = closed.result();
		report.step("session closed", since(start), result.status().value());
		// the session's total covers all of its actions
		report.credits(result.creditsUsed());
		return orders;
	}

	private static Duration since(long startNanos) {
		return Duration.ofNanos(System.nanoTime() - startNanos);
	}

}
