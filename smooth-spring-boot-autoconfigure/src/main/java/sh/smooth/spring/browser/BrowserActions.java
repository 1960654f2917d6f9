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

package sh.smooth.spring.browser;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ParameterizedTypeReference;

/**
 * The actions that drive a browser, blocking: what a {@code SmoothSession} offers, and
 * what a custom tool gets for the task that called it
 * ({@code SmoothToolContext.actions()}). Each call sends one event to the task and waits
 * for its result, up to {@code smooth.session.action-timeout} unless its options say
 * otherwise; options that do not apply to an action are rejected before anything is sent.
 */
public interface BrowserActions {

	/**
	 * Navigates to a page.
	 * @param url an absolute http(s) URL
	 * @return the result (navigation is free: no output, no credits)
	 */
	default ActionResult goTo(String url) {
		return goTo(url, null);
	}

	/**
	 * Navigates to a page.
	 * @param url an absolute http(s) URL
	 * @param options the options ({@code timeout})
	 * @return the result
	 */
	ActionResult goTo(String url, @Nullable Consumer<ActionOptions> options);

	/**
	 * Extracts data of a type from the current page; its JSON Schema is sent.
	 * @param <T> the type
	 * @param type the type
	 * @return the data, {@code null} when the server returned none
	 */
	default <T> @Nullable T extract(Class<T> type) {
		return extract(type, null);
	}

	/**
	 * Extracts data of a type from the current page.
	 * @param <T> the type
	 * @param type the type
	 * @param options the options ({@code prompt}, {@code timeout})
	 * @return the data, {@code null} when the server returned none
	 */
	<T> @Nullable T extract(Class<T> type, @Nullable Consumer<ActionOptions> options);

	/**
	 * Extracts data of a generic type, such as {@code List<Flight>}.
	 * @param <T> the type
	 * @param type the type reference
	 * @return the data, {@code null} when the server returned none
	 */
	default <T> @Nullable T extract(ParameterizedTypeReference<T> type) {
		return extract(type, null);
	}

	/**
	 * Extracts data of a generic type.
	 * @param <T> the type
	 * @param type the type reference
	 * @param options the options ({@code prompt}, {@code timeout})
	 * @return the data, {@code null} when the server returned none
	 */
	<T> @Nullable T extract(ParameterizedTypeReference<T> type, @Nullable Consumer<ActionOptions> options);

	/**
	 * Evaluates JavaScript in the page: an expression ({@code document.title}), a
	 * statement with {@code return}, or a function source.
	 * @param js the code
	 * @return its JSON return value
	 */
	default JsonNode evaluateJs(String js) {
		return evaluateJs(js, null);
	}

	/**
	 * Evaluates JavaScript in the page, such as {@code (a) => a.x + a.y} with
	 * {@code (o) -> o.args(Map.of("x", 1, "y", 2))}.
	 * @param js the code
	 * @param options the options ({@code args}, {@code timeout})
	 * @return its JSON return value
	 */
	JsonNode evaluateJs(String js, @Nullable Consumer<ActionOptions> options);

	/**
	 * Lets the agent do a step in this browser (a sub-agent when called from a tool).
	 * @param task the task
	 * @return the result; its output is the agent's answer
	 */
	default ActionResult runTask(SessionTask task) {
		return runTask(task, null);
	}

	/**
	 * Lets the agent do a step in this browser.
	 * @param task the task
	 * @param options the options ({@code timeout})
	 * @return the result
	 */
	ActionResult runTask(SessionTask task, @Nullable Consumer<ActionOptions> options);

}
