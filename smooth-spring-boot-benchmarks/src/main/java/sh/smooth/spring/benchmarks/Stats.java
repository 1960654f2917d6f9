package sh.smooth.spring.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Percentiles of a sample of durations in milliseconds.
 */
final class Stats {

	private final List<Double> millis = new ArrayList<>();

	synchronized void add(double value) {
		this.millis.add(value);
	}

	synchronized double percentile(double p) {
		if (this.millis.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(this.millis);
		Collections.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	synchronized int count() {
		return this.millis.size();
	}

	static double round(double value) {
		return Math.round(value * 10.0) / 10.0;
	}

}
