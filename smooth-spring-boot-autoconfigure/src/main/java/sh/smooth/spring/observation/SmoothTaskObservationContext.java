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
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import sh.smooth.spring.api.TaskKind;
import sh.smooth.spring.api.TaskRequest;
import sh.smooth.spring.api.TaskResponse;

/**
 * The context of a {@code smooth.task} observation: the request that created the task or
 * session, and how it ended.
 */
public class SmoothTaskObservationContext extends Observation.Context {

	/** The status while the task is in flight. */
	public static final String RUNNING = "running";

	/** The status when creating or polling the task failed. */
	public static final String ERROR = "error";

	/** The status when polling timed out. */
	public static final String TIMEOUT = "timeout";

	/** The origin of tasks an application starts itself, and of attached tasks. */
	public static final String APPLICATION = "application";

	private final TaskKind kind;

	private final @Nullable TaskRequest request;

	private final @Nullable String taskId;

	private final Set<String> toolNames;

	private final String origin;

	private final AtomicLong countedActionCredits = new AtomicLong();

	private volatile String status = RUNNING;

	private volatile @Nullable TaskResponse response;

	private volatile @Nullable Long creditsUsed;

	/**
	 * Creates a context.
	 * @param kind task or session
	 * @param request the request body, {@code null} when attaching to an existing task
	 * @param taskId the task id, {@code null} when the task could not be created
	 * @param toolNames the custom tools declared to the task
	 */
	public SmoothTaskObservationContext(TaskKind kind, @Nullable TaskRequest request, @Nullable String taskId,
			Set<String> toolNames) {
		this(kind, request, taskId, toolNames, APPLICATION);
	}

	/**
	 * Creates a context.
	 * @param kind task or session
	 * @param request the request body, {@code null} when attaching to an existing task
	 * @param taskId the task id, {@code null} when the task could not be created
	 * @param toolNames the custom tools declared to the task
	 * @param origin who started the task ({@code BrowserOptions.origin()}), never sent
	 */
	public SmoothTaskObservationContext(TaskKind kind, @Nullable TaskRequest request, @Nullable String taskId,
			Set<String> toolNames, String origin) {
		this.kind = kind;
		this.request = request;
		this.taskId = taskId;
		this.toolNames = Set.copyOf(toolNames);
		this.origin = origin;
	}

	/**
	 * Task or session.
	 * @return the kind
	 */
	public TaskKind getKind() {
		return this.kind;
	}

	/**
	 * The request body that created the task. Conventions must not turn its free-text
	 * fields (task, URLs, metadata, secrets) into key values.
	 * @return the request, or {@code null} when attached to an existing task
	 */
	public @Nullable TaskRequest getRequest() {
		return this.request;
	}

	/**
	 * The task id.
	 * @return the id, or {@code null} when the task could not be created
	 */
	public @Nullable String getTaskId() {
		return this.taskId;
	}

	/**
	 * Who started the task: {@value #APPLICATION}, or the origin its browser options
	 * named, such as {@code spring-ai}. Not part of the request: never sent.
	 * @return the origin
	 */
	public String getOrigin() {
		return this.origin;
	}

	/**
	 * The names of the custom tools declared to the task: the only tool names that may
	 * become tags.
	 * @return the names
	 */
	public Set<String> getToolNames() {
		return this.toolNames;
	}

	/**
	 * How the task ended: {@value #RUNNING} until then, then {@code done},
	 * {@code failed}, {@code cancelled}, {@value #ERROR} or {@value #TIMEOUT}.
	 * @return the status
	 */
	public String getStatus() {
		return this.status;
	}

	/**
	 * Sets how the task ended.
	 * @param status the status
	 */
	public void setStatus(String status) {
		this.status = status;
	}

	/**
	 * The final response.
	 * @return the response, or {@code null} while running or when polling failed
	 */
	public @Nullable TaskResponse getResponse() {
		return this.response;
	}

	/**
	 * Sets the final response, its status and its credits.
	 * @param response the final response
	 */
	public void setResponse(TaskResponse response) {
		this.response = response;
		this.status = response.status().value();
		this.creditsUsed = response.creditsUsed();
	}

	/**
	 * The credits the task used: the final {@code credits_used}, or the last value seen
	 * when polling failed.
	 * @return the credits, or {@code null} if unknown
	 */
	public @Nullable Long getCreditsUsed() {
		return this.creditsUsed;
	}

	/**
	 * Sets the credits the task used.
	 * @param creditsUsed the credits, or {@code null} if unknown
	 */
	public void setCreditsUsed(@Nullable Long creditsUsed) {
		this.creditsUsed = creditsUsed;
	}

	/**
	 * Credits of this session's actions already added to {@code smooth.credits.used}, so
	 * that the session's final {@code credits_used} adds only the rest.
	 * @return the credits counted so far
	 */
	public long getCountedActionCredits() {
		return this.countedActionCredits.get();
	}

	/**
	 * Records credits of an action that were added to {@code smooth.credits.used}.
	 * @param credits the credits
	 */
	public void addCountedActionCredits(long credits) {
		this.countedActionCredits.addAndGet(credits);
	}

}
