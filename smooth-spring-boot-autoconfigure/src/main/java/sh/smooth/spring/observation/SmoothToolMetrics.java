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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * The {@code smooth.tool.answers.lost} counter, tagged {@code smooth.tool.name}: tool
 * answers that never reached the server. An answer is sent until the server accepts it or
 * its task ends; one that is still unaccepted then (or that the server refuses for good)
 * counts here, next to a WARN line. A plain counter, as the {@code smooth.tool.call}
 * observation already timed the call.
 */
public final class SmoothToolMetrics implements ToolAnswerRecorder, MeterBinder {

	/** The counter name. */
	public static final String ANSWERS_LOST = "smooth.tool.answers.lost";

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	private volatile @Nullable MeterRegistry registry;

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void answerLost(String toolName) {
		MeterRegistry registry = this.registry;
		if (registry == null) {
			// not bound yet: there is nowhere to count
			return;
		}
		// the names are those of tools attached to tasks (the application's own, fixed
		// at startup) or "unknown": a bounded tag
		this.counters
			.computeIfAbsent(toolName,
					(name) -> Counter.builder(ANSWERS_LOST)
						.description("Custom tool answers that never reached the server before the task ended")
						.tag(SmoothObservationDocumentation.ToolCallKeyNames.TOOL_NAME.asString(), name)
						.register(registry))
			.increment();
	}

}
