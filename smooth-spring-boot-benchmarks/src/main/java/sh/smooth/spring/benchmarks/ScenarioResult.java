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

package sh.smooth.spring.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one scenario run, in print order.
 *
 * @param scenario the scenario name
 * @param mode {@code default} or {@code long-poll}
 * @param figures name to value
 */
public record ScenarioResult(String scenario, String mode, Map<String, Object> figures) {

	/**
	 * Starts an empty result.
	 * @param scenario the scenario
	 * @param mode the mode
	 * @return the result
	 */
	public static ScenarioResult of(String scenario, String mode) {
		return new ScenarioResult(scenario, mode, new LinkedHashMap<>());
	}

	/**
	 * Adds a figure.
	 * @param name the name
	 * @param value the value
	 * @return this result
	 */
	public ScenarioResult put(String name, Object value) {
		this.figures.put(name, value);
		return this;
	}

}
