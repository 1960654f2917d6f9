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

import java.util.Locale;
import java.util.Set;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

import sh.smooth.spring.api.TaskRequest;
import sh.smooth.spring.observation.SmoothObservationDocumentation.CommonHighCardinalityKeyNames;
import sh.smooth.spring.observation.SmoothObservationDocumentation.TaskKeyNames;

/**
 * The default {@link SmoothTaskObservationConvention}: name {@code smooth.task}, tagged
 * with status, agent, device, kind, origin and exception; the task id only as a
 * high-cardinality key.
 */
public class DefaultSmoothTaskObservationConvention implements SmoothTaskObservationConvention {

	/** The observation name. */
	public static final String NAME = "smooth.task";

	private static final Set<String> AGENTS = Set.of("smooth", "smooth-lite");

	private static final Set<String> DEVICES = Set.of("desktop", "mobile", "desktop-lg");

	private static final Set<String> STATUSES = Set.of(SmoothTaskObservationContext.RUNNING, "done", "failed",
			"cancelled", SmoothTaskObservationContext.ERROR, SmoothTaskObservationContext.TIMEOUT);

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(SmoothTaskObservationContext context) {
		return "smooth " + context.getKind().value();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(SmoothTaskObservationContext context) {
		TaskRequest request = context.getRequest();
		return KeyValues.of(KeyValue.of(TaskKeyNames.STATUS, bounded(context.getStatus(), STATUSES)),
				KeyValue.of(TaskKeyNames.AGENT, bounded((request != null) ? request.agent() : null, AGENTS)),
				KeyValue.of(TaskKeyNames.DEVICE, bounded((request != null) ? request.device() : null, DEVICES)),
				KeyValue.of(TaskKeyNames.KIND, context.getKind().value()),
				KeyValue.of(TaskKeyNames.ORIGIN, context.getOrigin()),
				KeyValue.of(TaskKeyNames.EXCEPTION, exception(context.getError())));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(SmoothTaskObservationContext context) {
		String taskId = context.getTaskId();
		return (taskId != null) ? KeyValues.of(KeyValue.of(CommonHighCardinalityKeyNames.TASK_ID, taskId))
				: KeyValues.empty();
	}

	/**
	 * A value from a known set, or {@code unknown}: a server that sends something new
	 * must not create unbounded tags.
	 * @param value the value
	 * @param allowed the known values
	 * @return the tag value
	 */
	static String bounded(@Nullable String value, Set<String> allowed) {
		if (value == null) {
			return SmoothObservationDocumentation.UNKNOWN;
		}
		String normalized = value.toLowerCase(Locale.ROOT);
		return allowed.contains(normalized) ? normalized : SmoothObservationDocumentation.UNKNOWN;
	}

	/**
	 * The tag value of an exception.
	 * @param error the exception
	 * @return its simple class name, or {@code none}
	 */
	static String exception(@Nullable Throwable error) {
		if (error == null) {
			return SmoothObservationDocumentation.NONE;
		}
		String name = error.getClass().getSimpleName();
		return name.isEmpty() ? error.getClass().getName() : name;
	}

}
