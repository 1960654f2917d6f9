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
