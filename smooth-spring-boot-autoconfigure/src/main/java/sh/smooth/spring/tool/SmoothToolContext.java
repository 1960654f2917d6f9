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

package sh.smooth.spring.tool;

import java.util.function.Supplier;

import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.browser.BrowserActions;

/**
 * The call a tool is answering. Declare it as a parameter of a {@link SmoothTool} method
 * to get it injected; it is not part of the input schema.
 */
public final class SmoothToolContext {

	private final String taskId;

	private final String eventId;

	private final String toolName;

	private final Supplier<BrowserActions> actions;

	/**
	 * Creates a context without browser actions.
	 * @param taskId the task or session that called the tool
	 * @param eventId the id of the {@code tool_call} event
	 * @param toolName the tool name
	 */
	public SmoothToolContext(String taskId, String eventId, String toolName) {
		this(taskId, eventId, toolName, () -> {
			throw new SmoothException("Browser actions are not available to this tool call");
		});
	}

	/**
	 * Creates a context.
	 * @param taskId the task or session that called the tool
	 * @param eventId the id of the {@code tool_call} event
	 * @param toolName the tool name
	 * @param actions gives the browser actions of the calling task, on first use
	 */
	public SmoothToolContext(String taskId, String eventId, String toolName, Supplier<BrowserActions> actions) {
		this.taskId = taskId;
		this.eventId = eventId;
		this.toolName = toolName;
		this.actions = actions;
	}

	/**
	 * The browser of the task that called this tool: {@code goTo}, {@code extract},
	 * {@code evaluateJs} and {@code runTask} go to the same task, while its agent waits
	 * for this tool's answer . Works for sessions and plain tasks. Each call blocks this
	 * tool's thread until its result arrives.
	 * @return the actions
	 */
	public BrowserActions actions() {
		return this.actions.get();
	}

	/**
	 * The task or session that called the tool.
	 * @return the task id
	 */
	public String taskId() {
		return this.taskId;
	}

	/**
	 * The id of the {@code tool_call} event; the answer carries the same id.
	 * @return the event id
	 */
	public String eventId() {
		return this.eventId;
	}

	/**
	 * The tool name.
	 * @return the name
	 */
	public String toolName() {
		return this.toolName;
	}

	@Override
	public String toString() {
		return "SmoothToolContext[task=" + this.taskId + ", event=" + this.eventId + ", tool=" + this.toolName + "]";
	}

}
