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

import java.util.Set;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import sh.smooth.spring.observation.SmoothObservationDocumentation.CommonHighCardinalityKeyNames;
import sh.smooth.spring.observation.SmoothObservationDocumentation.SessionActionKeyNames;

/**
 * The default {@link SmoothSessionActionObservationConvention}: name
 * {@code smooth.session.action}, tagged with the action and its outcome.
 */
public class DefaultSmoothSessionActionObservationConvention implements SmoothSessionActionObservationConvention {

	/** The observation name. */
	public static final String NAME = "smooth.session.action";

	private static final String OTHER = "other";

	private static final Set<String> ACTIONS = Set.of("goto", "extract", "evaluate_js", "run_task", "close");

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(SmoothSessionActionObservationContext context) {
		return "smooth session " + action(context);
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(SmoothSessionActionObservationContext context) {
		SessionActionOutcome outcome = context.getOutcome();
		return KeyValues.of(KeyValue.of(SessionActionKeyNames.ACTION, action(context)),
				KeyValue.of(SessionActionKeyNames.OUTCOME,
						(outcome == null) ? SmoothObservationDocumentation.UNKNOWN : outcome.value()),
				KeyValue.of(SessionActionKeyNames.EXCEPTION,
						DefaultSmoothTaskObservationConvention.exception(context.getError())));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(SmoothSessionActionObservationContext context) {
		return KeyValues.of(KeyValue.of(CommonHighCardinalityKeyNames.TASK_ID, context.getSessionId()));
	}

	private static String action(SmoothSessionActionObservationContext context) {
		return ACTIONS.contains(context.getAction()) ? context.getAction() : OTHER;
	}

}
