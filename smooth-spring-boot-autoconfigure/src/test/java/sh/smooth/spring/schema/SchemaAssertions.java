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
