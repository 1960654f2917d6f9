package sh.smooth.spring.tool;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;

/**
 * Tool methods whose input schemas are pinned by {@link ToolInputSchemasTests}.
 */
class SchemaFixtures {

	enum Priority {

		LOW, HIGH

	}

	record Street(@SmoothToolParam(description = "Street name and number") String line,
			@JsonPropertyDescription("Floor, if any") Optional<Integer> floor) {
	}

	record Address(@SmoothToolParam(description = "Where to deliver") Street street,
			@SmoothToolParam(description = "ISO country code", required = false) String country) {
	}

	record Category(String name, List<Category> children) {
	}

	record Order(String number, int quantity) {
	}

	void scalars(String text, int count, long big, double ratio, boolean flag, Priority priority) {
	}

	void collections(List<String> tags, Map<String, Integer> counts, String[] names) {
	}

	void nested(@SmoothToolParam(description = "Delivery address") Address address) {
	}

	void optionals(Optional<String> email, @Nullable String note,
			@SmoothToolParam(required = false, description = "How many") Integer limit,
			@JsonProperty(required = true) Optional<String> forced, SmoothToolContext context) {
	}

	void recursive(Category root) {
	}

	void lone(Order order) {
	}

	void renamed(@SmoothToolParam(name = "order_number") String orderNumber,
			@JsonPropertyDescription("Who asks") String requester) {
	}

	void shared(Address from, Address to) {
	}

}
