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
import java.util.List;
import java.util.Locale;

/**
 * The performance goals the side-by-side figures are held against (issue 13), each
 * printed with its measured figure, its bound and whether it is met. A goal needs both
 * columns where its bound is relative to the TS SDK; without them it prints "–".
 */
final class IssueGoals {

	private static final String TS = ComparisonTable.TS;

	private static final String STARTER = ComparisonTable.STARTER;

	private final ComparisonTable table;

	private final List<String> lines = new ArrayList<>();

	private IssueGoals(ComparisonTable table) {
		this.table = table;
	}

	static void print(PrintStream out, ComparisonTable table) {
		IssueGoals goals = new IssueGoals(table);
		goals.check();
		out.println("### Goals");
		out.println();
		out.println("| goal | figure | bound | measured | met |");
		out.println("|---|---|---:|---:|:---:|");
		goals.lines.forEach(out::println);
		out.println();
	}

	private void check() {
		String immediate = ComparisonHarness.curveFigures(0).get(0);
		atMost("1", immediate, 2.0);
		relative("1", ComparisonHarness.curveFigures(0).get(1), 0.1);
		relative("1", ComparisonHarness.QUICK_COLD, 0.1);
		relative("1", ComparisonHarness.QUICK_WARM, 0.1);
		for (int seconds : ComparisonHarness.CURVE_SECONDS) {
			if (seconds == 0) {
				continue;
			}
			List<String> figures = ComparisonHarness.curveFigures(seconds);
			relative("1", figures.get(0), 1.0);
			relative("1", figures.get(1), 1.0);
		}
		atMost("2", ComparisonHarness.IDLE_TOOL, 60);
		relative("2", ComparisonHarness.TOOL_RANDOM, 1.0);
		relative("2", ComparisonHarness.TOOL_FIXED, 1.0);
		atMost("2", ComparisonHarness.TOOL_END, 50);
		atMost("3", ComparisonHarness.SESSION_DELIVERY, 60);
		relative("3", ComparisonHarness.SESSION_REQUESTS, 1.2);
		relative("4", ComparisonHarness.CPU_WARM, 1.0);
		relative("4", ComparisonHarness.CPU_COLD, 2.0);
		relative("4", ComparisonHarness.WALL_COLD, 0.9);
		relative("4", ComparisonHarness.WALL_WARM, 0.9);
		atMost("4", ComparisonHarness.FIRST_CALL, 150);
		for (int seconds : ComparisonHarness.LONG_POLL_SECONDS_CURVE) {
			List<String> figures = ComparisonHarness.longPollFigures(seconds);
			if (seconds == 2) {
				atMost("5", figures.get(0), 2.0);
			}
			else {
				relative("5", figures.get(0), 1.0);
			}
			// one local round trip and the delivery, with room for a loaded machine
			atMost("5", figures.get(1), 50);
		}
		relative("5", ComparisonHarness.LP_TOOL_RANDOM, 1.0);
		atMost("5", ComparisonHarness.LP_TOOL_END, 50);
		atMost("5", ComparisonHarness.LP_SESSION_DELIVERY, 60);
		relative("5", ComparisonHarness.LP_SESSION_REQUESTS, 1.2);
	}

	/** The starter's figure at most {@code bound}. */
	private void atMost(String goal, String figure, double bound) {
		double starter = this.table.value(figure, STARTER);
		line(goal, figure, "≤ " + format(bound), format(starter), Double.isNaN(starter) ? null : starter <= bound);
	}

	/** The starter's figure at most {@code factor} × the TS SDK's. */
	private void relative(String goal, String figure, double factor) {
		double ts = this.table.value(figure, TS);
		double starter = this.table.value(figure, STARTER);
		boolean known = !Double.isNaN(ts) && !Double.isNaN(starter);
		String bound = (factor == 1.0) ? "≤ TS" : "≤ " + format(factor) + " × TS";
		String measured = format(starter) + (known ? " (" + format(starter / ts) + " × TS " + format(ts) + ")" : "");
		line(goal, figure, bound, measured, known ? starter <= factor * ts : null);
	}

	private void line(String goal, String figure, String bound, String measured, Boolean met) {
		this.lines.add("| " + goal + " | " + figure + " | " + bound + " | " + measured + " | "
				+ ((met == null) ? "–" : met ? "yes" : "**no**") + " |");
	}

	private static String format(double value) {
		if (Double.isNaN(value)) {
			return "–";
		}
		return String.format(Locale.ROOT, (Math.abs(value) >= 100) ? "%.0f" : "%.2f", value);
	}

}
