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

package sh.smooth.spring.autoconfigure;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code smooth.*} property has a description in the metadata the configuration
 * processor generates, so IDEs can explain it.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyHasADescription() throws Exception {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated metadata").isNotNull();
			metadata = JsonMapper.builder().build().readTree(in);
		}
		List<String> names = new ArrayList<>();
		List<String> undocumented = new ArrayList<>();
		for (JsonNode property : metadata.get("properties")) {
			String name = property.get("name").asString();
			names.add(name);
			JsonNode description = property.get("description");
			if (description == null || description.asString().isBlank()) {
				undocumented.add(name);
			}
		}
		assertThat(names).contains("smooth.api-key", "smooth.base-url", "smooth.connect-timeout", "smooth.read-timeout",
				"smooth.polling.first-delay", "smooth.polling.max-interval", "smooth.polling.backoff-factor",
				"smooth.retry.max-attempts", "smooth.retry.initial-backoff", "smooth.task.agent", "smooth.task.device",
				"smooth.task.max-steps", "smooth.task.enable-recording", "smooth.task.use-stealth",
				"smooth.task.use-adblock", "smooth.task.use-captcha-solver", "smooth.task.show-cursor");
		assertThat(undocumented).as("properties without a description").isEmpty();
	}

}
