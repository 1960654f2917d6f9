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

package sh.smooth.spring.sample.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the demo's steps and prints them as a readable report.
 */
public final class DemoReport {

	private final List<String> lines = new ArrayList<>();

	private long credits;

	/**
	 * Records a step.
	 * @param step what was done
	 * @param took how long it took
	 * @param outcome what came back
	 */
	public void step(String step, Duration took, Object outcome) {
		this.lines.add(String.format("  %-34s %6d ms  %s", step, took.toMillis(), outcome));
	}

	/**
	 * Records a note.
	 * @param text the note
	 */
	public void note(String text) {
		this.lines.add("  " + text);
	}

	/**
	 * Adds credits spent.
	 * @param used the credits
	 */
	public void credits(long used) {
		this.credits += used;
	}

	/**
	 * The credits spent in total.
	 * @return the credits
	 */
	public long credits() {
		return this.credits;
	}

	/**
	 * The report lines.
	 * @return the lines
	 */
	public List<String> lines() {
		return List.copyOf(this.lines);
	}

	/**
	 * Prints the report.
	 * @param out where to
	 * @param title the title
	 */
	public void print(PrintStream out, String title) {
		out.println();
		out.println("=== " + title + " ===");
		this.lines.forEach(out::println);
		out.println("  credits used: " + this.credits + " (USD " + String.format("%.2f", this.credits / 100.0) + ")");
		out.println();
	}

}
