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

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Parameter;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The one "may be absent" rule, shared by the properties of generated type schemas and
 * the parameters of tool methods: an {@code Optional}, {@code OptionalInt},
 * {@code OptionalLong} or {@code OptionalDouble}, or anything annotated
 * {@code @Nullable}, may be left out.
 */
public final class Nullness {

	private Nullness() {
	}

	/**
	 * Whether a type is one of the JDK's optional wrappers.
	 * @param type the raw type
	 * @return {@code true} for {@code Optional}, {@code OptionalInt},
	 * {@code OptionalLong} and {@code OptionalDouble}
	 */
	public static boolean isOptionalType(Class<?> type) {
		return type == Optional.class || type == OptionalInt.class || type == OptionalLong.class
				|| type == OptionalDouble.class;
	}

	/**
	 * Whether an element is annotated {@code @Nullable}. Matching on the simple name
	 * accepts every flavour (JSpecify, Spring, JSR-305, JetBrains) without depending on
	 * any of them. JSpecify's annotation is {@code TYPE_USE}, so it sits on the annotated
	 * type rather than on the element.
	 * @param element the field or parameter
	 * @param type its annotated type
	 * @return {@code true} if either carries an annotation named {@code Nullable}
	 */
	public static boolean isMarkedNullable(AnnotatedElement element, AnnotatedType type) {
		return hasNullable(element.getAnnotations()) || hasNullable(type.getAnnotations());
	}

	/**
	 * Whether a method parameter may be left out: its type is an optional wrapper or it
	 * is annotated {@code @Nullable}.
	 * @param parameter the parameter
	 * @return {@code true} if the parameter may be absent
	 */
	public static boolean mayBeAbsent(Parameter parameter) {
		return isOptionalType(parameter.getType()) || isMarkedNullable(parameter, parameter.getAnnotatedType());
	}

	private static boolean hasNullable(Annotation[] annotations) {
		for (Annotation annotation : annotations) {
			if (annotation.annotationType().getSimpleName().equals("Nullable")) {
				return true;
			}
		}
		return false;
	}

}
