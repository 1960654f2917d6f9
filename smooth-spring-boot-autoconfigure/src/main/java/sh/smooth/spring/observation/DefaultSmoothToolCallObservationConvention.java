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

import sh.smooth.spring.observation.SmoothObservationDocumentation.CommonHighCardinalityKeyNames;
import sh.smooth.spring.observation.SmoothObservationDocumentation.ToolCallKeyNames;

/**
 * The default {@link SmoothToolCallObservationConvention}: name {@code smooth.tool.call},
 * tagged with the (bounded) tool name and the outcome.
 */
public class DefaultSmoothToolCallObservationConvention implements SmoothToolCallObservationConvention {

	/** The observation name. */
	public static final String NAME = "smooth.tool.call";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(SmoothToolCallObservationContext context) {
		return "smooth tool " + context.getToolName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(SmoothToolCallObservationContext context) {
		ToolCallOutcome outcome = context.getOutcome();
		return KeyValues.of(KeyValue.of(ToolCallKeyNames.TOOL_NAME, context.getToolName()),
				KeyValue.of(ToolCallKeyNames.OUTCOME,
						(outcome != null) ? outcome.value() : SmoothObservationDocumentation.UNKNOWN),
				KeyValue.of(ToolCallKeyNames.EXCEPTION,
						DefaultSmoothTaskObservationConvention.exception(context.getError())));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(SmoothToolCallObservationContext context) {
		return KeyValues.of(KeyValue.of(CommonHighCardinalityKeyNames.TASK_ID, context.getTaskId()),
				KeyValue.of(CommonHighCardinalityKeyNames.EVENT_ID, context.getEventId()));
	}

}
