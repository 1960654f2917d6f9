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
 * Marks a bean method as a custom tool the Smooth agent can call while it works. By
 * default every discovered tool is offered to every task and session
 * ({@code smooth.tools.attach=all}), or only the tools of
 * {@code smooth.tools.default-groups}; a task chooses its own with a
 * {@code ToolSelection} by name or {@link #groups() group}. Its {@code tool_call} events
 * are answered automatically on a bounded executor.
 * <p>
 * The method is invoked through the bean's proxy, so {@code @Transactional} and similar
 * advice apply. Its parameters are bound from the call's JSON input by name; a
 * {@link SmoothToolContext} parameter is injected instead. It may return any value
 * Jackson can write, or a {@code CompletableFuture}/{@code Mono} of one. Can be used as a
 * meta-annotation.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SmoothTool {

	/**
	 * The tool name the agent sees: 1 to 64 characters out of {@code a-z A-Z 0-9 _ -}.
	 * Defaults to the method name.
	 * @return the name
	 */
	String name() default "";

	/**
	 * What the tool does and when to use it, for the agent.
	 * @return the description
	 */
	String description();

	/**
	 * Free-text description of the result. Defaults to one derived from the return type.
	 * @return the output description
	 */
	String output() default "";

	/**
	 * The groups this tool belongs to, for selecting tools per task
	 * ({@code ToolSelection.groups("crm")}) or by default
	 * ({@code smooth.tools.default-groups}). Same rules as names: 1 to 64 characters out
	 * of {@code a-z A-Z 0-9 _ -}. None by default.
	 * @return the groups
	 */
	String[] groups() default {};

	/**
	 * Whether a failure of this tool is fatal: an exception other than
	 * {@link SmoothToolException}, or a timeout, is answered with code 500 (the server
	 * then fails the task) when essential, 400 (the agent may adapt) when not.
	 * @return whether the tool is essential
	 */
	boolean essential() default true;

	/**
	 * The message sent to the agent in place of the exception text when the method fails
	 * or times out, so internal details are not leaked. Empty to send the exception text.
	 * A {@link SmoothToolException} message is always sent as is.
	 * @return the message
	 */
	String errorMessage() default "";

}
