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

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import sh.smooth.spring.api.EvaluateJsInput;
import sh.smooth.spring.api.ExtractInput;
import sh.smooth.spring.api.GotoInput;
import sh.smooth.spring.api.RunTaskInput;
import sh.smooth.spring.browser.Instruction;
import sh.smooth.spring.browser.SessionTask;
import sh.smooth.spring.runtime.TaskRequestMapper;

/**
 * The {@code input} of each session action, in the shape the official SDKs send: every
 * key present, {@code null} when unset.
 */
final class ActionInputs {

	private final TaskRequestMapper mapper;

	ActionInputs(TaskRequestMapper mapper) {
		this.mapper = mapper;
	}

	GotoInput goTo(String url) {
		return new GotoInput(url);
	}

	ExtractInput extract(JsonNode schema, @Nullable String prompt) {
		return new ExtractInput(schema, prompt);
	}

	EvaluateJsInput evaluateJs(String js, @Nullable Map<String, ?> args) {
		return new EvaluateJsInput(js, args);
	}

	RunTaskInput runTask(SessionTask task) {
		Instruction instruction = task.instruction();
		Map<String, RunTaskInput.Secret> secrets = new LinkedHashMap<>();
		task.secrets()
			.forEach(
					(name, secret) -> secrets.put(name, new RunTaskInput.Secret(secret.value(), secret.allowedUrls())));
		// the one outputType -> response_model rule and the max-steps default: the
		// mapper's
		return new RunTaskInput(instruction.text(), this.mapper.maxSteps(instruction),
				this.mapper.responseModel(instruction), instruction.url(), instruction.metadata(), secrets);
	}

}
