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

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The context of a {@code smooth.tool.call} observation. It carries the tool name only
 * when the tool is one the task declared; never the arguments.
 */
public class SmoothToolCallObservationContext extends Observation.Context {

	private final String taskId;

	private final String eventId;

	private final String toolName;

	private volatile @Nullable ToolCallOutcome outcome;

	/**
	 * Creates a context.
	 * @param taskId the task id
	 * @param eventId the tool-call event id
	 * @param toolName the tool name, already bounded: a declared tool or {@code unknown}
	 */
	public SmoothToolCallObservationContext(String taskId, String eventId, String toolName) {
		this.taskId = taskId;
		this.eventId = eventId;
		this.toolName = toolName;
	}

	/**
	 * The task id.
	 * @return the id
	 */
	public String getTaskId() {
		return this.taskId;
	}

	/**
	 * The tool-call event id.
	 * @return the id
	 */
	public String getEventId() {
		return this.eventId;
	}

	/**
	 * The tool name: one the task declared, or {@code unknown}.
	 * @return the name
	 */
	public String getToolName() {
		return this.toolName;
	}

	/**
	 * How the call ended.
	 * @return the outcome, or {@code null} while in flight
	 */
	public @Nullable ToolCallOutcome getOutcome() {
		return this.outcome;
	}

	/**
	 * Sets how the call ended.
	 * @param outcome the outcome
	 */
	public void setOutcome(ToolCallOutcome outcome) {
		this.outcome = outcome;
	}

}
