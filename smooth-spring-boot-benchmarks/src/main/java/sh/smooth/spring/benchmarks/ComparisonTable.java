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

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The figures of the side-by-side harness: one row per figure, one column per client, in
 * the order they were first put. Every figure is a cost (time, requests, CPU): lower is
 * better, so a ratio {@code starter / TS SDK} under 1 means the starter wins the row.
 */
final class ComparisonTable {

	static final String TS = "TS SDK";

	static final String STARTER = "starter";

	private final Map<String, Row> rows = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	/**
	 * Adds an empty row, so rows print in this order whatever order the scenarios run in.
	 * @param section the table it is printed in
	 * @param figure the row label, with its unit
	 */
	void declare(String section, String figure) {
		this.rows.computeIfAbsent(figure, (key) -> new Row(section, figure, new LinkedHashMap<>()));
	}

	/**
	 * Sets a figure.
	 * @param section the table it is printed in
	 * @param figure the row label, with its unit
	 * @param column {@link #TS} or {@link #STARTER}
	 * @param value the value
	 */
	void put(String section, String figure, String column, double value) {
		this.rows.computeIfAbsent(figure, (key) -> new Row(section, figure, new LinkedHashMap<>()))
			.values()
			.put(column, value);
	}

	/**
	 * Marks declared rows as failed for one client.
	 * @param figures the rows the scenario would have filled
	 * @param column the client
	 */
	void failed(List<String> figures, String column) {
		figures.forEach((figure) -> this.rows.get(figure).values().put(column, Double.NaN));
	}

	/**
	 * A figure, for the goal checks.
	 * @param figure the row label
	 * @param column {@link #TS} or {@link #STARTER}
	 * @return the value, {@code NaN} when missing or failed
	 */
	double value(String figure, String column) {
		Row row = this.rows.get(figure);
		Double value = (row != null) ? row.values().get(column) : null;
		return (value != null) ? value : Double.NaN;
	}

	void note(String note) {
		this.notes.add(note);
	}

	void print(PrintStream out, String section, String title, boolean tsSkipped) {
		out.println();
		out.println("### " + title);
		out.println();
		out.println("| figure | " + TS + " | " + STARTER + " | ratio |");
		out.println("|---|---:|---:|---:|");
		for (Row row : this.rows.values()) {
			if (!row.section().equals(section)) {
				continue;
			}
			Double ts = row.values().get(TS);
			Double starter = row.values().get(STARTER);
			String ratio = (ts == null || starter == null || ts.isNaN() || starter.isNaN()) ? "–"
					: (ts == 0) ? ((starter == 0) ? "1.00" : "∞") : format(starter / ts, 2);
			out.println("| " + row.figure() + " | " + (tsSkipped ? "skipped" : cell(ts)) + " | " + cell(starter) + " | "
					+ ratio + " |");
		}
	}

	void printNotes(PrintStream out) {
		out.println();
		this.notes.forEach((note) -> out.println("- " + note));
		out.println();
	}

	ObjectNode toJson() {
		ObjectNode json = JsonNodeFactory.instance.objectNode();
		ObjectNode figures = json.putObject("figures");
		for (Row row : this.rows.values()) {
			ObjectNode entry = figures.putObject(row.figure()).put("section", row.section());
			row.values().forEach((column, value) -> {
				if (value.isNaN()) {
					entry.putNull(column);
				}
				else {
					entry.put(column, value);
				}
			});
			Double ts = row.values().get(TS);
			Double starter = row.values().get(STARTER);
			if (ts != null && starter != null && ts > 0 && !ts.isNaN() && !starter.isNaN()) {
				entry.put("ratio", Math.round(starter / ts * 1000) / 1000.0);
			}
		}
		json.putPOJO("notes", this.notes);
		return json;
	}

	private static String cell(Double value) {
		if (value == null) {
			return "–";
		}
		if (value.isNaN()) {
			return "failed";
		}
		return format(value, (Math.abs(value) >= 100) ? 0 : 1);
	}

	private static String format(double value, int decimals) {
		return String.format(Locale.ROOT, "%." + decimals + "f", value);
	}

	/**
	 * One figure.
	 *
	 * @param section the table
	 * @param figure the label
	 * @param values column to value
	 */
	private record Row(String section, String figure, Map<String, Double> values) {
	}

}
