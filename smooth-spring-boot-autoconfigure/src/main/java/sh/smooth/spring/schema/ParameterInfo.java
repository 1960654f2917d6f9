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

import java.lang.reflect.Parameter;

import org.jspecify.annotations.Nullable;

/**
 * What the caller knows about a method parameter beyond its Java type: its name on the
 * wire, its description and whether it is required. The tools feature implements this
 * from its own annotation, so this package never depends on it.
 * <p>
 * Every method has a default, so an implementation overrides only what it knows.
 * {@link #defaults()} uses the Java parameter name, no description and
 * {@link #isRequiredByDefault(Parameter)}.
 */
public interface ParameterInfo {

	/**
	 * The property name for a parameter.
	 * @param parameter the parameter
	 * @return the name, or {@code null} to use {@link Parameter#getName()} (which needs
	 * the {@code -parameters} compiler flag)
	 */
	default @Nullable String name(Parameter parameter) {
		return null;
	}

	/**
	 * The description of a parameter, shown to the agent.
	 * @param parameter the parameter
	 * @return the description, or {@code null} (or blank) for none
	 */
	default @Nullable String description(Parameter parameter) {
		return null;
	}

	/**
	 * Whether the agent must send a value for the parameter.
	 * @param parameter the parameter
	 * @return {@code true} to list the parameter in {@code required}
	 */
	default boolean required(Parameter parameter) {
		return isRequiredByDefault(parameter);
	}

	/**
	 * The default rule: a parameter is required unless its type is {@code Optional},
	 * {@code OptionalInt}, {@code OptionalLong} or {@code OptionalDouble}, or it carries
	 * an annotation (declaration or type use) whose simple name is {@code Nullable}
	 * (JSpecify, Spring, JSR-305 and others alike).
	 * @param parameter the parameter
	 * @return whether the parameter is required by default
	 */
	static boolean isRequiredByDefault(Parameter parameter) {
		return !Nullness.isOptionalType(parameter.getType())
				&& !Nullness.isMarkedNullable(parameter, parameter.getAnnotatedType());
	}

	/**
	 * The defaults: Java parameter names, no descriptions,
	 * {@link #isRequiredByDefault(Parameter)}.
	 * @return the shared default instance
	 */
	static ParameterInfo defaults() {
		return DefaultParameterInfo.INSTANCE;
	}

}
