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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a parameter of a {@link SmoothTool} method, or a field or record component of
 * a type used as a parameter, in the tool's input schema.
 */
@Target({ ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SmoothToolParam {

	/**
	 * The argument name, on method parameters only. Defaults to the parameter name, which
	 * needs the {@code -parameters} compiler flag (Spring Boot's Maven parent and Gradle
	 * plugin turn it on, a BOM import does not); without it and without this name,
	 * startup fails naming the method and both fixes. On fields and record components use
	 * {@code @JsonProperty} instead.
	 * @return the name
	 */
	String name() default "";

	/**
	 * What the argument means, for the agent.
	 * @return the description
	 */
	String description() default "";

	/**
	 * Whether the argument must be given. {@code Optional} and {@code @Nullable}
	 * parameters are optional without it; {@code @JsonProperty(required = true)} makes
	 * any parameter required.
	 * @return whether the argument is required
	 */
	boolean required() default true;

}
