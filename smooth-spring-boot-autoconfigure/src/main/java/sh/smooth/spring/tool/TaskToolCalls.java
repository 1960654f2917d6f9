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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.JsonNode;

import sh.smooth.spring.api.TaskEvent;
import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.polling.TaskEventListener;
import sh.smooth.spring.polling.TaskPoller;

/**
 * The tool calls of one task: takes each new {@code tool_call} event once, starts a
 * {@link ToolCallRun} for it, and cancels the runs still going when the task ends. Runs
 * on the polling scheduler and returns at once: tools run on the dispatcher's executor.
 */
final class TaskToolCalls implements TaskEventListener {

	private static final Log logger = LogFactory.getLog(TaskToolCalls.class);

	private final ToolDispatcher dispatcher;

	private final Map<String, SmoothToolCallback> tools = new LinkedHashMap<>();

	private final List<String> names;

	private final Map<String, ToolCallRun> running = new ConcurrentHashMap<>();

	/** Whether this task holds a steady-polling reference to release at the end. */
	private final boolean steady;

	TaskToolCalls(ToolDispatcher dispatcher, List<SmoothToolCallback> tools, boolean steady) {
		this.steady = steady;
		this.dispatcher = dispatcher;
		tools.forEach((tool) -> this.tools.put(tool.name(), tool));
		this.names = this.tools.keySet().stream().sorted().toList();
	}

	@Override
	public void onEvents(TaskPoller poller, List<TaskEvent> events) {
		TaskResponse latest = poller.latest();
		boolean finalResponse = latest != null && latest.isTerminal();
		for (TaskEvent event : events) {
			if (isAnswer(event)) {
				// our own answer, replayed after a re-attach: its call needs nothing more
				this.dispatcher.handled().claim(poller.taskId(), event.id());
			}
		}
		for (TaskEvent event : events) {
			if (isCall(event) && this.dispatcher.handled().claim(poller.taskId(), event.id())) {
				dispatch(poller, event, finalResponse);
			}
		}
	}

	private static boolean isCall(TaskEvent event) {
		return TaskEvent.TOOL_CALL.equals(event.name()) && event.id() != null && event.payloadName() != null
				&& event.payloadCode() == null;
	}

	private static boolean isAnswer(TaskEvent event) {
		return TaskEvent.TOOL_CALL.equals(event.name()) && event.id() != null && event.payloadCode() != null;
	}

	private void dispatch(TaskPoller poller, TaskEvent event, boolean finalResponse) {
		String name = event.payloadName();
		JsonNode input = (event.payload() != null) ? event.payload().get("input") : null;
		SmoothToolContext context = new SmoothToolContext(poller.taskId(), event.id(), name,
				() -> this.dispatcher.actionsFor(poller));
		SmoothToolCallback tool = this.tools.get(name);
		ToolCallRun run = new ToolCallRun(this.dispatcher, poller, context, tool, input, this.names,
				() -> this.running.remove(context.eventId()), finalResponse);
		if (finalResponse && logger.isInfoEnabled()) {
			logger.info("Smooth tool call '" + name + "' (event " + context.eventId() + ") arrived with the final "
					+ "status of task " + poller.taskId() + ": it is handled, but the server may reject the answer");
		}
		if (tool == null) {
			logger.warn("The Smooth agent called unknown tool '" + name + "' on task " + poller.taskId() + " (event "
					+ context.eventId() + "); available: " + String.join(", ", this.names));
			run.unknownTool();
			return;
		}
		this.running.put(context.eventId(), run);
		run.start();
	}

	@Override
	public void onTerminal(TaskPoller poller, TaskResponse response) {
		for (ToolCallRun run : this.running.values()) {
			// calls that came with the final status were started knowingly: let them
			// answer
			if (!run.cameWithFinalResponse()) {
				run.cancel("task " + poller.taskId() + " ended with status " + response.status().value());
			}
		}
		if (this.steady) {
			poller.releaseSteadyPolling();
		}
	}

	@Override
	public void onFailure(TaskPoller poller, Throwable error) {
		for (ToolCallRun run : this.running.values()) {
			run.cancel("polling of task " + poller.taskId() + " stopped (" + error.getMessage() + ")");
		}
		if (this.steady) {
			poller.releaseSteadyPolling();
		}
	}

}
