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
