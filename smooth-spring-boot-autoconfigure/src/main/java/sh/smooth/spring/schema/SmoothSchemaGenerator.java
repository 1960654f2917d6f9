package sh.smooth.spring.schema;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jackson.JacksonSchemaModule;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates JSON Schemas (draft 2020-12) from Java types with victools, and caches them:
 * a type's schema is built once.
 */
public final class SmoothSchemaGenerator {

	private final SchemaGenerator generator;

	private final Map<Type, ObjectNode> cache = new ConcurrentHashMap<>();

	/**
	 * Creates a generator with the default configuration.
	 */
	public SmoothSchemaGenerator() {
		SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
				OptionPreset.PLAIN_JSON)
			.with(new JacksonSchemaModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED))
			.with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT);
		this.generator = new SchemaGenerator(config.build());
	}

	/**
	 * The schema of a type, generated on first use and cached.
	 * @param type the Java type (a class or a parameterized type)
	 * @return a copy of the cached schema, safe to modify
	 */
	public ObjectNode schemaFor(Type type) {
		ObjectNode schema = this.cache.computeIfAbsent(type, this::generate);
		return schema.deepCopy();
	}

	private ObjectNode generate(Type type) {
		// victools' generator is not documented as thread-safe
		synchronized (this.generator) {
			return this.generator.generateSchema(type);
		}
	}

}
