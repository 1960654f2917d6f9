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
