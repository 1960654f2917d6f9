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
