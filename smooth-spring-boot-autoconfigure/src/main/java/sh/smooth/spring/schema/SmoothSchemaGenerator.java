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

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URL;
import java.time.MonthDay;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.classmate.ResolvedType;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Module;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jackson.JacksonSchemaModule;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates JSON Schemas (draft 2020-12) from Java types with victools, for structured
 * output ({@code response_model}) and for the parameter types of custom tools (the tools
 * feature composes a method's input schema from them).
 * <p>
 * The rules, chosen so that a JSON value matching the schema deserializes with Jackson
 * into the Java type:
 * <ul>
 * <li>records and beans become {@code {"type":"object"}} with their properties in
 * declaration order (record component order; superclass fields first), every property
 * listed in {@code required} except {@code Optional}/{@code OptionalInt}/... properties
 * and properties annotated {@code @Nullable} (any annotation with that simple name);
 * {@code @JsonProperty(required = true)} makes a property required anyway;</li>
 * <li>{@code Optional<T>} is described as {@code T}: absence is expressed by leaving the
 * property out of {@code required}, never by a {@code "null"} type, so optional and
 * nullable properties look alike;</li>
 * <li>{@code "additionalProperties": false} on every object except maps, whose
 * {@code additionalProperties} is the value schema;</li>
 * <li>enums are {@code {"type":"string","enum":[...]}} with Jackson's names
 * ({@code @JsonProperty}/{@code @JsonValue} on the constants are honoured);</li>
 * <li>descriptions come from {@code @JsonPropertyDescription} and
 * {@code @JsonClassDescription} (a property's description wins over its type's);
 * {@code @JsonProperty("x")} renames;</li>
 * <li>types used more than once, map value types and recursive types go to {@code $defs}
 * at the root and are referenced as {@code #/$defs/Name}; no reference points at
 * {@code "#"};</li>
 * <li>no {@code $schema} keyword and no {@code format} keyword anywhere (some model
 * providers reject formats they do not know);</li>
 * <li>numbers and {@code BigDecimal} are {@code number}, integral types {@code integer},
 * {@code java.time} values, {@code UUID}, {@code URI}, {@code URL}, {@code Locale},
 * {@code Currency} and {@code byte[]} (Base64) are {@code string}, {@code Year} is
 * {@code integer}, {@code Object} and {@code JsonNode} accept anything.</li>
 * </ul>
 * Schemas are generated once per type and cached; every call returns a deep copy, safe to
 * modify. Instances are thread-safe.
 */
public final class SmoothSchemaGenerator {

	/**
	 * Types whose victools default is wrong for Jackson's wire form (for example
	 * {@code Year} as an object with no properties, {@code byte[]} as an array).
	 */
	private static final Map<Class<?>, String> FIXED_TYPES = Map.ofEntries(Map.entry(OptionalInt.class, "integer"),
			Map.entry(OptionalLong.class, "integer"), Map.entry(OptionalDouble.class, "number"),
			Map.entry(Year.class, "integer"), Map.entry(YearMonth.class, "string"), Map.entry(MonthDay.class, "string"),
			Map.entry(ZoneOffset.class, "string"), Map.entry(Locale.class, "string"),
			Map.entry(Currency.class, "string"), Map.entry(URL.class, "string"), Map.entry(byte[].class, "string"),
			Map.entry(ObjectNode.class, "object"), Map.entry(ArrayNode.class, "array"), Map.entry(JsonNode.class, ""));

	/** Declaration order; victools sorts alphabetically by default. */
	private static final Comparator<MemberScope<?, ?>> DECLARATION_ORDER = Comparator
		.comparingInt(SmoothSchemaGenerator::hierarchyDepth)
		.thenComparingInt(SmoothSchemaGenerator::declarationIndex)
		.thenComparing(MemberScope::getSchemaPropertyName);

	private final SchemaGenerator generator;

	private final List<SmoothSchemaModule> requiredResolvers;

	private final Map<Type, ObjectNode> cache = new ConcurrentHashMap<>();

	/**
	 * Creates a generator with the default configuration.
	 */
	public SmoothSchemaGenerator() {
		this(List.of());
	}

	/**
	 * Creates a generator with extra victools modules, for example one that reads a
	 * feature's own annotations. The extra modules are registered before the Jackson
	 * module, so where victools takes the first answer (names, descriptions) theirs wins.
	 * Modules implementing {@link SmoothSchemaModule} may also make a property optional.
	 * @param extraModules the modules, in order
	 */
	public SmoothSchemaGenerator(List<Module> extraModules) {
		this.requiredResolvers = extraModules.stream()
			.filter(SmoothSchemaModule.class::isInstance)
			.map(SmoothSchemaModule.class::cast)
			.toList();
		SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
				OptionPreset.PLAIN_JSON)
			.with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES,
					Option.PLAIN_DEFINITION_KEYS, Option.DEFINITION_FOR_MAIN_SCHEMA)
			// FLATTENED_OPTIONALS adds "null" to the type: unwrapOptional instead
			.without(Option.SCHEMA_VERSION_INDICATOR, Option.STANDARD_FORMATS, Option.FLATTENED_OPTIONALS);
		config.forTypesInGeneral()
			.withCustomDefinitionProvider(SmoothSchemaGenerator::fixedTypeDefinition)
			.withPropertySorter(DECLARATION_ORDER::compare);
		config.forFields()
			.withTargetTypeOverridesResolver(SmoothSchemaGenerator::unwrapOptional)
			.withRequiredCheck(this::isRequired);
		extraModules.forEach(config::with);
		config.with(new JacksonSchemaModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED,
				JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE, JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY));
		this.generator = new SchemaGenerator(config.build());
	}

	/**
	 * The schema of a type, generated on first use and cached.
	 * @param type the Java type (a class or a parameterized type)
	 * @return a copy of the cached schema, safe to modify
	 */
	public ObjectNode schemaFor(Type type) {
		Objects.requireNonNull(type, "type must not be null");
		ObjectNode schema = this.cache.computeIfAbsent(type, this::generate);
		return schema.deepCopy();
	}

	private ObjectNode generate(Type type) {
		ObjectNode generated;
		// victools' generator is not documented as thread-safe
		synchronized (this.generator) {
			generated = this.generator.generateSchema(type);
		}
		ObjectNode schema = SchemaTrees.inlineMainDefinition(generated);
		SchemaTrees.stripFormat(schema);
		SchemaTrees.flattenAnnotationAllOf(schema);
		return schema;
	}

	private boolean isRequired(FieldScope field) {
		for (SmoothSchemaModule resolver : this.requiredResolvers) {
			Boolean required = resolver.isRequired(field);
			if (required != null) {
				return required;
			}
		}
		Field raw = field.getRawMember();
		return !Nullness.isOptionalType(raw.getType()) && !Nullness.isMarkedNullable(raw, raw.getAnnotatedType());
	}

	private static @Nullable List<ResolvedType> unwrapOptional(FieldScope field) {
		// getType() is the item type for the "fake" scope of a container's items, so
		// List<Optional<T>> is unwrapped too
		if (!field.getType().isInstanceOf(Optional.class)) {
			return null;
		}
		ResolvedType content = field.getTypeParameterFor(Optional.class, 0);
		return List.of((content != null) ? content : field.getContext().resolve(Object.class));
	}

	private static @Nullable CustomDefinition fixedTypeDefinition(ResolvedType javaType,
			SchemaGenerationContext context) {
		String type = FIXED_TYPES.get(javaType.getErasedType());
		if (type == null) {
			return null;
		}
		ObjectNode definition = context.getGeneratorConfig().createObjectNode();
		if (!type.isEmpty()) {
			definition.put("type", type);
		}
		return new CustomDefinition(definition, CustomDefinition.DefinitionType.INLINE,
				CustomDefinition.AttributeInclusion.YES);
	}

	private static int hierarchyDepth(MemberScope<?, ?> member) {
		if (!(member instanceof FieldScope)) {
			// getters and other methods after all fields
			return Integer.MAX_VALUE;
		}
		int depth = 0;
		for (Class<?> type = member.getRawMember().getDeclaringClass(); type != null; type = type.getSuperclass()) {
			depth++;
		}
		return depth;
	}

	private static int declarationIndex(MemberScope<?, ?> member) {
		if (!(member instanceof FieldScope field)) {
			return 0;
		}
		Field raw = field.getRawMember();
		Class<?> owner = raw.getDeclaringClass();
		if (owner.isRecord()) {
			// the one order the JDK guarantees
			RecordComponent[] components = owner.getRecordComponents();
			for (int i = 0; i < components.length; i++) {
				if (components[i].getName().equals(raw.getName())) {
					return i;
				}
			}
		}
		Field[] fields = owner.getDeclaredFields();
		for (int i = 0; i < fields.length; i++) {
			if (fields[i].equals(raw)) {
				return i;
			}
		}
		return Integer.MAX_VALUE;
	}

}
