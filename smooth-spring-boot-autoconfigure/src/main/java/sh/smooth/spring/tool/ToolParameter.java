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

import java.lang.reflect.Type;

import org.jspecify.annotations.Nullable;

/**
 * One parameter of a tool method, as bound from the call's input.
 *
 * @param index the position in the method signature
 * @param name the argument name in the input and the schema
 * @param valueType the type bound from JSON ({@code T} for {@code Optional<T>})
 * @param optionalWrapper whether the parameter is an {@code Optional}
 * @param required whether the argument must be given
 * @param description the description for the agent, or {@code null}
 * @param context whether this is the injected {@link SmoothToolContext} (not an argument)
 */
record ToolParameter(int index, String name, Type valueType, boolean optionalWrapper, boolean required,
		@Nullable String description, boolean context) {

	/**
	 * Whether the value type is a primitive, which cannot hold {@code null}.
	 * @return whether primitive
	 */
	boolean primitive() {
		return this.valueType instanceof Class<?> type && type.isPrimitive();
	}

}
