package sh.smooth.spring.observation;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import sh.smooth.spring.polling.PollOutcome;
import sh.smooth.spring.polling.PollingEngine;

/**
 * The {@code smooth.poll.requests} counter, tagged {@code outcome} ({@code events},
 * {@code no_events}, {@code terminal}, {@code error}): what polling costs. A plain
 * counter rather than an observation, so polls do not become spans.
 */
public final class SmoothPollMetrics implements MeterBinder {

	/** The counter name. */
	public static final String POLL_REQUESTS = "smooth.poll.requests";

	private final PollingEngine engine;

	/**
	 * Creates the binder.
	 * @param engine the engine whose polls are counted
	 */
	public SmoothPollMetrics(PollingEngine engine) {
		this.engine = engine;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Map<PollOutcome, Counter> counters = new EnumMap<>(PollOutcome.class);
		for (PollOutcome outcome : PollOutcome.values()) {
			counters.put(outcome,
					Counter.builder(POLL_REQUESTS)
						.description("Poll requests of Smooth tasks, by what they returned")
						.tag("outcome", outcome.tagValue())
						.register(registry));
		}
		// counters are looked up once: a poll only increments
		this.engine.setPollRecorder((outcome) -> counters.get(outcome).increment());
	}

}
