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

import java.util.Arrays;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * What the model sees of each Smooth tool: its name, its description and the JSON Schema
 * of its arguments, in the style of Spring AI's generated tool schemas (draft 2020-12, an
 * object, {@code required}, no additional properties). Written for models: short, says
 * when to use the tool and what it returns. Golden-tested.
 */
final class ToolDefinitions {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	static final String RUN_TASK = "smooth_run_task";

	static final String SESSION_OPEN = "smooth_session_open";

	static final String SESSION_GOTO = "smooth_session_goto";

	static final String SESSION_EXTRACT = "smooth_session_extract";

	static final String SESSION_EVALUATE_JS = "smooth_session_evaluate_js";

	static final String SESSION_RUN_TASK = "smooth_session_run_task";

	static final String SESSION_CLOSE = "smooth_session_close";

	private static final String SESSION_ID = """
			"session_id": {
			  "type": "string",
			  "description": "The session_id returned by smooth_session_open."
			}""";

	private static final String OUTPUT_SCHEMA = """
			"output_schema": {
			  "type": "object",
			  "description": "JSON Schema of the answer. Optional: without it the answer is text."
			}""";

	private static final String MAX_STEPS = """
			"max_steps": {
			  "type": "integer",
			  "minimum": 2,
			  "maximum": 128,
			  "description": "Most browser steps the agent may take. Optional."
			}""";

	private static final String ALLOWED_URLS = """
			"allowed_urls": {
			  "type": "array",
			  "items": { "type": "string" },
			  "description": "URL glob patterns the browser may visit, such as https://**.example.com/**. Optional."
			}""";

	static final Set<String> RUN_TASK_FIELDS = Set.of("task", "url", "max_steps", "allowed_urls", "output_schema");

	static ToolDefinition runTask() {
		return definition(RUN_TASK, """
				Runs a task in a real cloud web browser, driven by Smooth's browsing agent, and returns \
				its answer. Use it to find, read or do things on websites. Describe the goal in plain \
				language with every detail needed, such as "find the three cheapest flights from NYC to \
				LA next Friday". Give url to start on a page, and output_schema to get the answer as JSON \
				of that shape. Takes seconds to minutes. Returns task_id, status (done or failed), output, \
				credits_used and recording_url; live_url only if the task is still running.""", """
				"task": {
				  "type": "string",
				  "description": "What the browsing agent should do, in plain language."
				},
				"url": {
				  "type": "string",
				  "description": "Page to start on. Optional: the agent can search the web itself."
				},
				%s,
				%s,
				%s""".formatted(MAX_STEPS, ALLOWED_URLS, OUTPUT_SCHEMA), "task");
	}

	static final Set<String> SESSION_OPEN_FIELDS = Set.of("url", "allowed_urls");

	static ToolDefinition sessionOpen() {
		return definition(SESSION_OPEN, """
				Opens a cloud web browser session to drive step by step with the smooth_session_* tools, \
				and returns its session_id and live_url. Prefer smooth_run_task for a task the browsing \
				agent can do on its own. Close the session with smooth_session_close when done: an \
				unused session is closed after a while.""", """
				"url": {
				  "type": "string",
				  "description": "Page to open first. Optional."
				},
				%s""".formatted(ALLOWED_URLS));
	}

	static final Set<String> SESSION_GOTO_FIELDS = Set.of("session_id", "url");

	static ToolDefinition sessionGoto() {
		return definition(SESSION_GOTO, "Opens a URL in a browser session and waits until the page has loaded.", """
				%s,
				"url": {
				  "type": "string",
				  "description": "The URL to open."
				}""".formatted(SESSION_ID), "session_id", "url");
	}

	static final Set<String> SESSION_EXTRACT_FIELDS = Set.of("session_id", "output_schema", "prompt");

	static ToolDefinition sessionExtract() {
		return definition(SESSION_EXTRACT, """
				Reads data from the current page of a browser session, as JSON of the shape of \
				output_schema.""", """
				%s,
				"output_schema": {
				  "type": "object",
				  "description": "JSON Schema of the data to read."
				},
				"prompt": {
				  "type": "string",
				  "description": "What to read, when the schema alone does not say. Optional."
				}""".formatted(SESSION_ID), "session_id", "output_schema");
	}

	static final Set<String> SESSION_EVALUATE_JS_FIELDS = Set.of("session_id", "js", "args");

	static ToolDefinition sessionEvaluateJs() {
		return definition(SESSION_EVALUATE_JS, """
				Runs JavaScript in the current page of a browser session and returns its JSON result: an \
				expression such as document.title, a statement with return, or a function that receives \
				args.""", """
				%s,
				"js": {
				  "type": "string",
				  "description": "The JavaScript code."
				},
				"args": {
				  "type": "object",
				  "description": "Arguments passed to the function. Optional."
				}""".formatted(SESSION_ID), "session_id", "js");
	}

	static final Set<String> SESSION_RUN_TASK_FIELDS = Set.of("session_id", "task", "url", "max_steps",
			"output_schema");

	static ToolDefinition sessionRunTask() {
		return definition(SESSION_RUN_TASK, """
				Lets the browsing agent do a task in a browser session, from its current page, and returns \
				its answer. The session stays open.""", """
				%s,
				"task": {
				  "type": "string",
				  "description": "What the browsing agent should do, in plain language."
				},
				"url": {
				  "type": "string",
				  "description": "Page to open first. Optional."
				},
				%s,
				%s""".formatted(SESSION_ID, MAX_STEPS, OUTPUT_SCHEMA), "session_id", "task");
	}

	static final Set<String> SESSION_CLOSE_FIELDS = Set.of("session_id");

	static ToolDefinition sessionClose() {
		return definition(SESSION_CLOSE, """
				Closes a browser session and returns its status, credits_used and recording_url.""", SESSION_ID,
				"session_id");
	}

	private static ToolDefinition definition(String name, String description, String properties, String... required) {
		String requiredList = String.join(", ", Arrays.stream(required).map((r) -> "\"" + r + "\"").toList());
		String schema = """
				{
				  "$schema": "https://json-schema.org/draft/2020-12/schema",
				  "type": "object",
				  "properties": {
				%s
				  },
				  "required": [%s],
				  "additionalProperties": false
				}""".formatted(properties, requiredList);
		// compact, as the model's API receives it; parsing also proves the text is JSON
		String compact = MAPPER.readTree(schema).toString();
		return ToolDefinition.builder().name(name).description(description).inputSchema(compact).build();
	}

	private ToolDefinitions() {
	}

}
