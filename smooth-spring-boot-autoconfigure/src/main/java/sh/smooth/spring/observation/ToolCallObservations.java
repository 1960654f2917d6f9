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

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Records one {@code smooth.tool.call} observation per custom tool call, as a child of
 * its task's {@code smooth.task} observation; used by the tool feature where the call
 * runs. The tool name becomes a tag only when the task declared that tool or it is one of
 * the application's tools; anything else the agent sends is tagged {@code unknown}, so
 * the tag stays bounded.
 */
public final class ToolCallObservations {

	private static final DefaultSmoothToolCallObservationConvention DEFAULT_CONVENTION = new DefaultSmoothToolCallObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable SmoothToolCallObservationConvention convention;

	/**
	 * Creates the recorder.
	 * @param registry the registry ({@link ObservationRegistry#NOOP} records nothing)
	 * @param convention a convention replacing the default, or {@code null}
	 */
	public ToolCallObservations(ObservationRegistry registry,
			@Nullable SmoothToolCallObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	/**
	 * A tool call was received.
	 * @param taskId the task
	 * @param eventId the tool-call event id
	 * @param toolName the tool name as the agent sent it (may be unknown)
	 * @param task the task's observation, the parent
	 * @param knownToolNames the application's tools (fixed at startup)
	 * @return the observation to stop when the answer is accepted
	 */
	public Stoppable start(String taskId, String eventId, @Nullable String toolName, Observation task,
			Set<String> knownToolNames) {
		SmoothToolCallObservationContext context = new SmoothToolCallObservationContext(taskId, eventId,
				boundedName(toolName, task, knownToolNames));
		Observation observation = SmoothObservationDocumentation.TOOL_CALL
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.parentObservation(task.isNoop() ? null : task)
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

	private static String boundedName(@Nullable String toolName, Observation task, Set<String> known) {
		if (toolName == null) {
			return SmoothObservationDocumentation.UNKNOWN;
		}
		if (task.getContext() instanceof SmoothTaskObservationContext context
				&& context.getToolNames().contains(toolName)) {
			return toolName;
		}
		return known.contains(toolName) ? toolName : SmoothObservationDocumentation.UNKNOWN;
	}

	/**
	 * One tool call in progress.
	 */
	@FunctionalInterface
	public interface Stoppable {

		/**
		 * The answer was accepted (or could not be sent); the first call counts.
		 * @param outcome the outcome
		 * @param error the error, if any
		 */
		void stop(ToolCallOutcome outcome, @Nullable Throwable error);

	}

}
