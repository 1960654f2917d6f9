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

package sh.smooth.spring.tool;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;

import sh.smooth.spring.schema.Nullness;

/**
 * Reads the parameters of a tool method: names, required-ness, descriptions, and whether
 * each type can be bound from JSON. Every problem fails with a message naming the method.
 */
final class ToolParameters {

	/** Types that can never come out of a JSON document. */
	private static final List<Class<?>> UNBINDABLE = List.of(CompletionStage.class, Future.class, Publisher.class,
			Runnable.class, Callable.class, java.util.function.Function.class, java.util.function.Supplier.class,
			java.util.function.Consumer.class, InputStream.class, OutputStream.class, Reader.class, Writer.class,
			Class.class, Thread.class, ClassLoader.class);

	/** Abstract types Jackson binds without type information. */
	private static final List<Class<?>> ABSTRACT_BINDABLE = List.of(Collection.class, Map.class, Iterable.class,
			CharSequence.class, Number.class, JsonNode.class);

	private ToolParameters() {
	}

	/**
	 * Introspects a method.
	 * @param method the method (on the target class)
	 * @param source the bean and method, for error messages
	 * @return the parameters, in declaration order
	 * @throws IllegalStateException when a name is missing or duplicated, or a type
	 * cannot be bound
	 */
	static List<ToolParameter> of(Method method, String source) {
		List<ToolParameter> result = new ArrayList<>();
		Set<String> names = new HashSet<>();
		Parameter[] parameters = method.getParameters();
		Type[] types = method.getGenericParameterTypes();
		for (int i = 0; i < parameters.length; i++) {
			Parameter parameter = parameters[i];
			Type type = (types.length == parameters.length) ? types[i] : parameter.getParameterizedType();
			if (parameter.getType() == SmoothToolContext.class) {
				result.add(new ToolParameter(i, "", SmoothToolContext.class, false, false, null, true));
				continue;
			}
			MergedAnnotation<SmoothToolParam> param = MergedAnnotations.from(parameter).get(SmoothToolParam.class);
			JsonProperty json = parameter.getAnnotation(JsonProperty.class);
			String name = name(parameter, param, json);
			if (name == null) {
				throw new IllegalStateException(source + ": parameter " + i + " (" + parameter.getType().getSimpleName()
						+ ") has no name: compile with the -parameters flag or set @SmoothToolParam(name = \"...\")"
						+ " on it. The class was compiled without -parameters, which Spring Boot's Maven parent and "
						+ "Gradle plugin turn on but a BOM import does not: with Maven set <parameters>true</parameters>"
						+ " in the maven-compiler-plugin's <configuration>, then rebuild with clean (mvn clean verify):"
						+ " Maven does not recompile unchanged classes when only the compiler configuration changes;"
						+ " with Gradle add "
						+ "tasks.withType(JavaCompile).configureEach { options.compilerArgs << '-parameters' }");
			}
			if (!names.add(name)) {
				throw new IllegalStateException(source + ": two parameters are named '" + name + "'");
			}
			boolean optional = parameter.getType() == Optional.class;
			Type valueType = optional ? optionalValueType(type) : type;
			String unbindable = unbindableReason(valueType);
			if (unbindable != null) {
				throw new IllegalStateException(source + ": parameter '" + name + "' of type " + type.getTypeName()
						+ " cannot be bound from the tool input: " + unbindable);
			}
			boolean notRequired = Nullness.mayBeAbsent(parameter)
					|| (param.isPresent() && !param.getBoolean("required"));
			boolean required = !notRequired || (json != null && json.required());
			result.add(new ToolParameter(i, name, valueType, optional, required, description(parameter, param), false));
		}
		return List.copyOf(result);
	}

	private static @Nullable String name(Parameter parameter, MergedAnnotation<SmoothToolParam> param,
			@Nullable JsonProperty json) {
		if (param.isPresent() && !param.getString("name").isEmpty()) {
			return param.getString("name");
		}
		if (json != null && !json.value().isEmpty()) {
			return json.value();
		}
		return parameter.isNamePresent() ? parameter.getName() : null;
	}

	private static @Nullable String description(Parameter parameter, MergedAnnotation<SmoothToolParam> param) {
		if (param.isPresent() && !param.getString("description").isBlank()) {
			return param.getString("description");
		}
		JsonPropertyDescription json = parameter.getAnnotation(JsonPropertyDescription.class);
		return (json != null && !json.value().isBlank()) ? json.value() : null;
	}

	private static Type optionalValueType(Type type) {
		if (type instanceof ParameterizedType parameterized) {
			return parameterized.getActualTypeArguments()[0];
		}
		// a raw Optional carries any JSON value
		return Object.class;
	}

	/**
	 * Why a type cannot be read from JSON, or {@code null} when it can.
	 * @param type the type
	 * @return the reason, or {@code null}
	 */
	static @Nullable String unbindableReason(Type type) {
		ResolvableType resolvable = ResolvableType.forType(type);
		Class<?> raw = resolvable.toClass();
		for (Class<?> unbindable : UNBINDABLE) {
			if (unbindable.isAssignableFrom(raw)) {
				return "a " + unbindable.getSimpleName() + " cannot be read from JSON";
			}
		}
		if (raw == SmoothToolContext.class) {
			return "a SmoothToolContext is injected, declare it without a wrapper";
		}
		if (!raw.isPrimitive() && !raw.isArray() && (raw.isInterface() || Modifier.isAbstract(raw.getModifiers()))
				&& ABSTRACT_BINDABLE.stream().noneMatch((bindable) -> bindable.isAssignableFrom(raw))
				&& !raw.isAnnotationPresent(JsonTypeInfo.class) && !raw.isAnnotationPresent(JsonSubTypes.class)
				&& !raw.isAnnotationPresent(JsonDeserialize.class)) {
			return raw.getName() + " is abstract: use a concrete type, or declare its subtypes with @JsonTypeInfo";
		}
		if (raw.isArray()) {
			return unbindableReason(raw.getComponentType());
		}
		for (ResolvableType generic : resolvable.getGenerics()) {
			if (generic.getType() instanceof Class<?> || generic.getType() instanceof ParameterizedType) {
				String reason = unbindableReason(generic.getType());
				if (reason != null) {
					return reason;
				}
			}
		}
		return null;
	}

}
