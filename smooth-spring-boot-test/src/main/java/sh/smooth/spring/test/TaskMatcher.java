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

package sh.smooth.spring.test;

import java.util.Objects;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

/**
 * Decides which scripted behaviour a submitted task gets. Matchers see the request body
 * of {@code POST /task} and only ever match tasks, never sessions ({@code task: null}).
 */
@FunctionalInterface
public interface TaskMatcher {

	/**
	 * Whether this matcher accepts the task.
	 * @param taskRequest the {@code POST /task} body
	 * @return {@code true} to apply the script
	 */
	boolean matches(JsonNode taskRequest);

	/**
	 * Matches every task.
	 * @return the matcher
	 */
	static TaskMatcher any() {
		return (request) -> true;
	}

	/**
	 * Matches tasks whose {@code task} text contains the given text, ignoring case.
	 * @param text the text to look for
	 * @return the matcher
	 */
	static TaskMatcher textContains(String text) {
		String needle = text.toLowerCase(java.util.Locale.ROOT);
		return (request) -> {
			JsonNode task = request.get("task");
			return task != null && task.isString()
					&& task.asString().toLowerCase(java.util.Locale.ROOT).contains(needle);
		};
	}

	/**
	 * Matches tasks whose {@code metadata} has the key with the given value (compared as
	 * text, so numbers and booleans match their string form).
	 * @param key the metadata key
	 * @param value the expected value
	 * @return the matcher
	 */
	static TaskMatcher metadata(String key, Object value) {
		String expected = String.valueOf(value);
		return (request) -> {
			JsonNode metadata = request.get("metadata");
			JsonNode actual = (metadata != null && metadata.isObject()) ? metadata.get(key) : null;
			return actual != null && !actual.isNull() && Objects.equals(actual.asString(), expected);
		};
	}

	/**
	 * Matches with any predicate on the request body.
	 * @param predicate the predicate
	 * @return the matcher
	 */
	static TaskMatcher body(Predicate<JsonNode> predicate) {
		return predicate::test;
	}

	/**
	 * Both this and the other matcher must match.
	 * @param other the other matcher
	 * @return the combined matcher
	 */
	default TaskMatcher and(TaskMatcher other) {
		return (request) -> matches(request) && other.matches(request);
	}

}
