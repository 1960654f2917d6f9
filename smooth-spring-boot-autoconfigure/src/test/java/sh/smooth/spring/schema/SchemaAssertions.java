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

package sh.smooth.spring.schema;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares schemas as JSON trees: key order inside objects is irrelevant, array order
 * (for example {@code required}) is not.
 */
final class SchemaAssertions {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private SchemaAssertions() {
	}

	static void assertSchema(JsonNode actual, String expectedJson) {
		JsonNode expected = MAPPER.readTree(expectedJson);
		assertThat(actual).as("actual schema:%n%s", actual.toPrettyString()).isEqualTo(expected);
	}

}
