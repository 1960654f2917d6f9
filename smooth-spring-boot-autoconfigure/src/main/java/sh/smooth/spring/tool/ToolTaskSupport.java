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

import java.util.List;

import sh.smooth.spring.api.TaskKind;
import sh.smooth.spring.api.TaskRequest;
import sh.smooth.spring.api.ToolSignature;
import sh.smooth.spring.polling.TaskPoller;
import sh.smooth.spring.task.TaskStart;
import sh.smooth.spring.task.TaskSupport;

/**
 * Attaches custom tools to every task and session: their signatures go into
 * {@code custom_tools} (all tools, none, or the ones the task names), and their calls are
 * dispatched from the first poll on.
 */
public final class ToolTaskSupport implements TaskSupport {

	private final ToolRegistry registry;

	private final ToolDispatcher dispatcher;

	private final boolean attachAllByDefault;

	/**
	 * Creates the support.
	 * @param registry the tools
	 * @param dispatcher answers their calls
	 * @param attachAllByDefault whether a task that does not choose gets every tool
	 * ({@code smooth.tools.attach=all})
	 */
	public ToolTaskSupport(ToolRegistry registry, ToolDispatcher dispatcher, boolean attachAllByDefault) {
		this.registry = registry;
		this.dispatcher = dispatcher;
		this.attachAllByDefault = attachAllByDefault;
	}

	@Override
	public TaskStart prepare(TaskStart start) {
		TaskRequest request = start.request();
		// validates the names even when there is no body, before any HTTP call
		List<SmoothToolCallback> tools = this.registry.select(start.tools(), this.attachAllByDefault);
		if (request == null || tools.isEmpty()) {
			return start;
		}
		List<ToolSignature> signatures = tools.stream().map(SmoothToolCallback::signature).toList();
		return start.withRequest(request.withCustomTools(signatures));
	}

	@Override
	public void started(TaskStart start, TaskPoller poller) {
		List<SmoothToolCallback> tools = this.registry.select(start.tools(), this.attachAllByDefault);
		if (!tools.isEmpty()) {
			this.dispatcher.attach(poller, tools, start.kind() == TaskKind.TASK);
		}
	}

}
