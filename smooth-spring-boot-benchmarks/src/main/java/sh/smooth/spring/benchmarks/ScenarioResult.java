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
