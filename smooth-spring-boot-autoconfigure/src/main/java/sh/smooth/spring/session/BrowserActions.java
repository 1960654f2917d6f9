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

package sh.smooth.spring.session;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ParameterizedTypeReference;

/**
 * The actions that drive a task's browser: what a {@link SmoothSession} offers, and what
 * a custom tool gets for the task that called it ({@code SmoothToolContext.actions()}).
 * Each call sends one event to the task and waits for its result, up to
 * {@code smooth.session.action-timeout}.
 */
public interface BrowserActions {

	/**
	 * Navigates to a page.
	 * @param url an absolute http(s) URL
	 * @return the result
	 */
	ActionResult goTo(String url);

	/**
	 * Extracts data of a type from the current page.
	 * @param <T> the type
	 * @param prompt what to extract, or {@code null}
	 * @param type the type; its JSON Schema is sent
	 * @return the data, or {@code null}
	 */
	<T> @Nullable T extract(@Nullable String prompt, Class<T> type);

	/**
	 * Extracts data of a generic type from the current page.
	 * @param <T> the type
	 * @param prompt what to extract, or {@code null}
	 * @param type the type reference
	 * @return the data, or {@code null}
	 */
	<T> @Nullable T extract(@Nullable String prompt, ParameterizedTypeReference<T> type);

	/**
	 * Runs JavaScript in the page.
	 * @param js an expression, a statement with {@code return}, or a function source
	 * @return the JSON result
	 */
	JsonNode evaluateJs(String js);

	/**
	 * Runs a JavaScript function with arguments.
	 * @param js a function source taking the arguments object
	 * @param args the arguments
	 * @return the JSON result
	 */
	JsonNode evaluateJs(String js, Map<String, ?> args);

	/**
	 * Lets the agent do a step in this browser (a sub-agent when called from a tool).
	 * @param task the task
	 * @return the result
	 */
	ActionResult runTask(SessionTask task);

}
