package sh.smooth.spring.benchmarks;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import sh.smooth.spring.tool.SmoothTool;

/**
 * The application the load harness starts: the starter with its default settings and one
 * custom tool.
 */
@SpringBootApplication
public class HarnessApplication {

	@Bean
	CustomerTool customerTool() {
		return new CustomerTool();
	}

	/**
	 * A tool that answers at once, so a round trip measures the client, not the tool.
	 */
	public static class CustomerTool {

		/**
		 * Looks a customer up.
		 * @param customerId the id
		 * @return the customer
		 */
		@SmoothTool(description = "Look up a customer by id")
		public Map<String, Object> lookupCustomer(String customerId) {
			return Map.of("id", customerId, "name", "Ada Lovelace");
		}

	}

}
