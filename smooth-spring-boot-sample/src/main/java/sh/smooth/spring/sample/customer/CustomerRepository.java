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
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Repository;

/**
 * An in-memory customer store, standing in for the application's database.
 */
@Repository
public class CustomerRepository {

	private final List<Customer> customers = List.of(
			new Customer("c-42", "Ada Lovelace", "ada@example.com", List.of("A-1001", "A-0987")),
			new Customer("c-43", "Alan Turing", "alan@example.com", List.of("A-1002")));

	private final Map<String, String> orderStatus = Map.of("A-1001", "SHIPPED", "A-0987", "DELIVERED", "A-1002",
			"PROCESSING");

	/**
	 * Finds a customer by e-mail.
	 * @param email the address
	 * @return the customer
	 */
	public Optional<Customer> findByEmail(String email) {
		return this.customers.stream().filter((c) -> c.email().equalsIgnoreCase(email)).findFirst();
	}

	/**
	 * The status of an order.
	 * @param orderNumber the order number
	 * @return the status
	 */
	public Optional<String> orderStatus(String orderNumber) {
		return Optional.ofNullable(this.orderStatus.get(orderNumber));
	}

}
