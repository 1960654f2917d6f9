package sh.smooth.spring.schema;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Types shared by the type and the method schema tests.
 */
final class TestModels {

	private TestModels() {
	}

	record Address(String street, String city) {
	}

	@JsonClassDescription("A customer")
	record Customer(String name, @JsonPropertyDescription("Postal address") Address address) {
	}

	@JsonClassDescription("A customer order")
	record Order(@JsonPropertyDescription("Order number") String id,
			@JsonPropertyDescription("Who ordered") Customer customer) {
	}

	record Node(String name, List<Node> children) {
	}

	/** Uses {@link Address} twice, so it becomes a definition. */
	record Route(Address from, Address to) {
	}

	/** Marker type whose generation the counting module observes. */
	record Probe(String value) {
	}

}
