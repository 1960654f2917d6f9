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
