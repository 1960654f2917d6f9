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

package sh.smooth.spring.observation;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import sh.smooth.spring.polling.PollOutcome;
import sh.smooth.spring.polling.PollRecorder;

/**
 * The {@code smooth.poll.requests} counter, tagged {@code outcome} ({@code events},
 * {@code no_events}, {@code terminal}, {@code error}): what polling costs. A plain
 * counter rather than an observation, so polls do not become spans.
 */
public final class SmoothPollMetrics implements PollRecorder, MeterBinder {

	/** The counter name. */
	public static final String POLL_REQUESTS = "smooth.poll.requests";

	private volatile Map<PollOutcome, Counter> counters = Map.of();

	@Override
	public void bindTo(MeterRegistry registry) {
		Map<PollOutcome, Counter> bound = new EnumMap<>(PollOutcome.class);
		for (PollOutcome outcome : PollOutcome.values()) {
			bound.put(outcome,
					Counter.builder(POLL_REQUESTS)
						.description("Poll requests of Smooth tasks, by what they returned")
						.tag("outcome", outcome.tagValue())
						.register(registry));
		}
		// counters are looked up once: a poll only increments
		this.counters = bound;
	}

	@Override
	public void record(PollOutcome outcome) {
		Counter counter = this.counters.get(outcome);
		if (counter != null) {
			counter.increment();
		}
	}

}
