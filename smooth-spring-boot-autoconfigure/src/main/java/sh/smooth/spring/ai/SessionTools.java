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
package sh.smooth.spring.ai;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.ai.tool.ToolCallback;

import sh.smooth.spring.session.SmoothSession;

/**
 * The session tools: open, goto, extract, evaluate_js, run_task, close. Each call after
 * open names its session by the id open returned; only sessions a model opened through
 * these tools can be used.
 */
final class SessionTools {

	private final SmoothCalls calls;

	private final GuardRails guardRails;

	private final ModelSessions sessions;

	private final JsonMapper mapper;

	SessionTools(SmoothCalls calls, GuardRails guardRails, ModelSessions sessions, JsonMapper mapper) {
		this.calls = calls;
		this.guardRails = guardRails;
		this.sessions = sessions;
		this.mapper = mapper;
	}

	void addTo(List<ToolCallback> tools) {
		tools.add(new SmoothAiTool(ToolDefinitions.sessionOpen(), ToolDefinitions.SESSION_OPEN_FIELDS, this::open,
				this.mapper));
		tools.add(new SmoothAiTool(ToolDefinitions.sessionGoto(), ToolDefinitions.SESSION_GOTO_FIELDS, this::goTo,
				this.mapper));
		tools.add(new SmoothAiTool(ToolDefinitions.sessionExtract(), ToolDefinitions.SESSION_EXTRACT_FIELDS,
				this::extract, this.mapper));
		tools.add(new SmoothAiTool(ToolDefinitions.sessionEvaluateJs(), ToolDefinitions.SESSION_EVALUATE_JS_FIELDS,
				this::evaluateJs, this.mapper));
		tools.add(new SmoothAiTool(ToolDefinitions.sessionRunTask(), ToolDefinitions.SESSION_RUN_TASK_FIELDS,
				this::runTask, this.mapper));
		tools.add(new SmoothAiTool(ToolDefinitions.sessionClose(), ToolDefinitions.SESSION_CLOSE_FIELDS, this::close,
				this.mapper));
	}

	private Object open(ModelInput input) {
		String url = input.text("url");
		List<String> allowedUrls = this.guardRails.allowedUrls(input.texts("allowed_urls"));
		this.guardRails.checkUrl("url", url);
		this.guardRails.ask(new SmoothAiTaskRequest(ToolDefinitions.SESSION_OPEN, null, url, null, allowedUrls, null));
		this.guardRails.acquire();
		SmoothSession session;
		try {
			session = this.calls.openSession(allowedUrls);
		}
		catch (RuntimeException ex) {
			this.guardRails.release();
			throw ex;
		}
		this.sessions.add(session);
		Map<String, @Nullable Object> answer = new LinkedHashMap<>();
		answer.put("session_id", session.id());
		if (url != null) {
			this.sessions.use(session.id(), (s) -> SmoothCalls.goTo(s, url));
		}
		answer.put("live_url", this.sessions.use(session.id(), SmoothCalls::liveUrl));
		return answer;
	}

	private Object goTo(ModelInput input) {
		String sessionId = input.requiredText("session_id");
		String url = input.requiredText("url");
		this.guardRails.checkUrl("url", url);
		this.guardRails
			.ask(new SmoothAiTaskRequest(ToolDefinitions.SESSION_GOTO, null, url, null, List.of(), sessionId));
		return this.sessions.use(sessionId, (session) -> SmoothCalls.goTo(session, url));
	}

	private Object extract(ModelInput input) {
		String sessionId = input.requiredText("session_id");
		ObjectNode schema = input.object("output_schema");
		if (schema == null) {
			throw new SmoothAiRefusal("'output_schema' is required: the JSON Schema of the data to read");
		}
		String prompt = input.text("prompt");
		return this.sessions.use(sessionId, (session) -> SmoothCalls.extract(session, schema, prompt));
	}

	private Object evaluateJs(ModelInput input) {
		String sessionId = input.requiredText("session_id");
		String js = input.requiredText("js");
		ObjectNode args = input.object("args");
		Map<String, Object> arguments = (args != null) ? this.mapper.convertValue(args, Map.class) : null;
		this.guardRails
			.ask(new SmoothAiTaskRequest(ToolDefinitions.SESSION_EVALUATE_JS, js, null, null, List.of(), sessionId));
		return Map.of("result",
				this.sessions.use(sessionId, (session) -> SmoothCalls.evaluateJs(session, js, arguments)));
	}

	private Object runTask(ModelInput input) {
		String sessionId = input.requiredText("session_id");
		String task = input.requiredText("task");
		String url = input.text("url");
		Integer maxSteps = this.guardRails.steps(input.integer("max_steps"));
		ObjectNode outputSchema = input.object("output_schema");
		this.guardRails.checkUrl("url", url);
		this.guardRails
			.ask(new SmoothAiTaskRequest(ToolDefinitions.SESSION_RUN_TASK, task, url, maxSteps, List.of(), sessionId));
		return this.sessions.use(sessionId,
				(session) -> SmoothCalls.runTask(session, task, url, maxSteps, outputSchema));
	}

	private Object close(ModelInput input) {
		String sessionId = input.requiredText("session_id");
		return this.sessions.close(sessionId, SmoothCalls::close);
	}

}
