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

package sh.smooth.spring.session;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import sh.smooth.spring.browser.Instruction;
import sh.smooth.spring.browser.SessionTask;
import sh.smooth.spring.runtime.TaskRequestMapper;

/**
 * The {@code input} of each session action, in the shape the official SDKs send: every
 * key present, {@code null} when unset.
 */
final class ActionInputs {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final TaskRequestMapper mapper;

	ActionInputs(TaskRequestMapper mapper) {
		this.mapper = mapper;
	}

	ObjectNode goTo(String url) {
		ObjectNode input = NODES.objectNode();
		input.put("url", url);
		return input;
	}

	ObjectNode extract(JsonNode schema, @Nullable String prompt) {
		ObjectNode input = NODES.objectNode();
		input.set("schema", schema);
		// the SDKs always send the key, null when there is no prompt
		input.put("prompt", prompt);
		return input;
	}

	ObjectNode evaluateJs(String js, @Nullable Map<String, ?> args) {
		ObjectNode input = NODES.objectNode();
		input.put("js", js);
		input.set("args", this.mapper.toJson(args));
		return input;
	}

	ObjectNode runTask(SessionTask task) {
		Instruction instruction = task.instruction();
		ObjectNode input = NODES.objectNode();
		input.put("task", instruction.text());
		input.put("max_steps", this.mapper.maxSteps(instruction));
		JsonNode responseModel = this.mapper.responseModel(instruction);
		input.set("response_model", (responseModel != null) ? responseModel : NODES.nullNode());
		input.put("url", instruction.url());
		input.set("metadata", this.mapper.toJson(instruction.metadata()));
		if (task.secrets().isEmpty()) {
			input.set("secrets", NODES.nullNode());
		}
		else {
			ObjectNode secrets = input.putObject("secrets");
			task.secrets().forEach((name, secret) -> {
				ObjectNode entry = secrets.putObject(name);
				entry.put("value", secret.value());
				entry.set("allowed_urls", this.mapper.toJson(secret.allowedUrls()));
			});
		}
		return input;
	}

}
