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

package sh.smooth.spring.sample.customer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import sh.smooth.spring.tool.SmoothTool;
import sh.smooth.spring.tool.SmoothToolContext;
import sh.smooth.spring.tool.SmoothToolException;
import sh.smooth.spring.tool.SmoothToolParam;

import org.springframework.stereotype.Component;

/**
 * Tools the agent can call while it works: they answer from the application's own data.
 * Discovered automatically; no registration code.
 */
@Component
public class CustomerTools {

	private final CustomerRepository customers;

	private final List<String> calls = new CopyOnWriteArrayList<>();

	CustomerTools(CustomerRepository customers) {
		this.customers = customers;
	}

	/**
	 * Looks a customer up by e-mail.
	 * @param email the address
	 * @param context the tool call
	 * @return the customer
	 */
	@SmoothTool(description = "Look up a customer of the shop by e-mail address",
			output = "JSON object with id, name, email and order numbers (newest first)")
	public Customer lookupCustomer(@SmoothToolParam(description = "The customer's e-mail address") String email,
			SmoothToolContext context) {
		Customer customer = this.customers.findByEmail(email)
			.orElseThrow(() -> new SmoothToolException("No customer with e-mail " + email));
		this.calls.add("lookupCustomer(" + email + ") -> " + customer.name() + " [task " + context.taskId() + "]");
		return customer;
	}

	/**
	 * The delivery status of an order.
	 * @param orderNumber the order number
	 * @return the status
	 */
	@SmoothTool(description = "Get the delivery status of an order by its number",
			output = "One of PROCESSING, SHIPPED, DELIVERED")
	public String orderStatus(@SmoothToolParam(description = "The order number, e.g. A-1001") String orderNumber) {
		String status = this.customers.orderStatus(orderNumber)
			.orElseThrow(() -> new SmoothToolException("Unknown order " + orderNumber));
		this.calls.add("orderStatus(" + orderNumber + ") -> " + status);
		return status;
	}

	/**
	 * The calls answered so far, for the demo report.
	 * @return the calls
	 */
	public List<String> calls() {
		return List.copyOf(this.calls);
	}

}
