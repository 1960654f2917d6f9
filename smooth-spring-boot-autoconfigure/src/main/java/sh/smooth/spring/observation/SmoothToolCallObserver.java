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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import sh.smooth.spring.tool.ToolCallObserver;

/**
 * Records one {@code smooth.tool.call} observation per custom tool call, as a child of
 * its task's {@code smooth.task} observation. The tool name becomes a tag only when the
 * task declared that tool or it is one of the known tool names; anything else the agent
 * sends is tagged {@code unknown}, so the tag stays bounded.
 */
public final class SmoothToolCallObserver implements ToolCallObserver {

	private static final DefaultSmoothToolCallObservationConvention DEFAULT_CONVENTION = new DefaultSmoothToolCallObservationConvention();

	private final ObservationRegistry registry;

	private final SmoothTaskObservationSupport tasks;

	private final Supplier<Set<String>> knownToolNames;

	private final @Nullable SmoothToolCallObservationConvention convention;

	/**
	 * Creates the observer.
	 * @param registry the registry
	 * @param tasks the task observations, for the parent and the declared tools
	 * @param knownToolNames the tools registered in the application (fixed at startup)
	 * @param convention a convention replacing the default, or {@code null}
	 */
	public SmoothToolCallObserver(ObservationRegistry registry, SmoothTaskObservationSupport tasks,
			Supplier<Set<String>> knownToolNames, @Nullable SmoothToolCallObservationConvention convention) {
		this.registry = registry;
		this.tasks = tasks;
		this.knownToolNames = knownToolNames;
		this.convention = convention;
	}

	@Override
	public Observation start(String taskId, String eventId, String toolName) {
		io.micrometer.observation.Observation parent = this.tasks.find(taskId);
		SmoothToolCallObservationContext context = new SmoothToolCallObservationContext(taskId, eventId,
				boundedName(toolName, parent));
		io.micrometer.observation.Observation observation = SmoothObservationDocumentation.TOOL_CALL
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.parentObservation(parent)
			.start();
		AtomicBoolean stopped = new AtomicBoolean();
		return (outcome, error) -> {
			if (!stopped.compareAndSet(false, true)) {
				return;
			}
			context.setOutcome(outcome);
			if (error != null) {
				observation.error(error);
			}
			observation.stop();
		};
	}

	private String boundedName(@Nullable String toolName, io.micrometer.observation.@Nullable Observation parent) {
		if (toolName == null) {
			return SmoothObservationDocumentation.UNKNOWN;
		}
		if (parent != null && parent.getContext() instanceof SmoothTaskObservationContext task
				&& task.getToolNames().contains(toolName)) {
			return toolName;
		}
		Set<String> known = this.knownToolNames.get();
		return (known != null && known.contains(toolName)) ? toolName : SmoothObservationDocumentation.UNKNOWN;
	}

}
