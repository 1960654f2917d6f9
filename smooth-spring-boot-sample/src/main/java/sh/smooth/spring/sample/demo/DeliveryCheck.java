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

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The typed answer of the delivery task: its JSON Schema is sent as the response model.
 *
 * @param customerName the customer's name
 * @param orderNumber the latest order
 * @param status the delivery status
 * @param eta the expected delivery date, ISO format
 * @param summary one sentence for the customer
 */
public record DeliveryCheck(@JsonPropertyDescription("Full name of the customer") String customerName,
		@JsonPropertyDescription("Number of the customer's latest order") String orderNumber,
		@JsonPropertyDescription("PROCESSING, SHIPPED or DELIVERED") String status,
		@JsonPropertyDescription("Expected delivery date, ISO 8601") String eta,
		@JsonPropertyDescription("One friendly sentence for the customer") String summary) {
}
