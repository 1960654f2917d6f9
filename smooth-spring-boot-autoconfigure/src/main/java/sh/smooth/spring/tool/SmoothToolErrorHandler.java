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

/**
 * Turns every failed tool call (unknown tool, bad arguments, an exception, a timeout)
 * into the answer the agent gets. Declare a bean to replace
 * {@link DefaultSmoothToolErrorHandler}. Called on the tool executor or the polling
 * scheduler: it must return quickly and not block.
 */
@FunctionalInterface
public interface SmoothToolErrorHandler {

	/**
	 * The answer to a failed call.
	 * @param failure what went wrong
	 * @return the reply, normally code 400 or 500
	 */
	ToolReply handle(ToolFailure failure);

}
