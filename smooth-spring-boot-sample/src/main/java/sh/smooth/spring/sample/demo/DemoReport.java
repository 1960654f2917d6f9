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
