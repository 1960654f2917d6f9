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

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * Derives the credit meters from the Smooth observations, so there is one instrumentation
 * point: {@code smooth.credits.used} (counter) and {@code smooth.task.credits}
 * (distribution summary, one sample per task or session), both in {@code credits} and
 * tagged with the task observation's low-cardinality key values.
 * <p>
 * A session action adds its credits when it ends, under its session's tags. When the
 * session ends, only the part of its final {@code credits_used} not already counted
 * through its actions is added, so credits are never counted twice whether or not the
 * server includes action credits in the session's total.
 */
public final class SmoothCreditsObservationHandler implements ObservationHandler<Observation.Context> {

	/** The counter of credits. */
	public static final String CREDITS_USED = "smooth.credits.used";

	/** The distribution of credits per task or session. */
	public static final String TASK_CREDITS = "smooth.task.credits";

	private static final String BASE_UNIT = "credits";

	private final MeterRegistry meterRegistry;

	/**
	 * Creates the handler.
	 * @param meterRegistry where the meters are registered
	 */
	public SmoothCreditsObservationHandler(MeterRegistry meterRegistry) {
		this.meterRegistry = meterRegistry;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof SmoothTaskObservationContext
				|| context instanceof SmoothSessionActionObservationContext;
	}

	@Override
	public void onStop(Observation.Context context) {
		if (context instanceof SmoothTaskObservationContext task) {
			onTaskStop(task);
		}
		else if (context instanceof SmoothSessionActionObservationContext action) {
			onActionStop(action);
		}
	}

	private void onTaskStop(SmoothTaskObservationContext task) {
		Long reported = task.getCreditsUsed();
		long counted = task.getCountedActionCredits();
		if (reported == null && counted == 0) {
			// never created, or nothing known about its cost
			return;
		}
		long total = Math.max((reported != null) ? reported : 0, counted);
		Tags tags = tags(task.getLowCardinalityKeyValues());
		counter(tags).increment(total - counted);
		DistributionSummary.builder(TASK_CREDITS)
			.description("Credits used per Smooth task or session")
			.baseUnit(BASE_UNIT)
			.tags(tags)
			.register(this.meterRegistry)
			.record(total);
	}

	private void onActionStop(SmoothSessionActionObservationContext action) {
		long credits = action.getCreditsUsed();
		if (credits <= 0) {
			return;
		}
		SmoothTaskObservationContext session = action.getSession();
		if (session != null) {
			session.addCountedActionCredits(credits);
		}
		counter(tags(action.getCreditTags())).increment(credits);
	}

	private Counter counter(Tags tags) {
		return Counter.builder(CREDITS_USED)
			.description("Credits used by Smooth tasks, sessions and session actions (1 credit = USD 0.01)")
			.baseUnit(BASE_UNIT)
			.tags(tags)
			.register(this.meterRegistry);
	}

	private static Tags tags(KeyValues keyValues) {
		Tags tags = Tags.empty();
		for (KeyValue keyValue : keyValues) {
			tags = tags.and(Tag.of(keyValue.getKey(), keyValue.getValue()));
		}
		return tags;
	}

}
