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

package sh.smooth.spring.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The input of {@code run_task} (reference section 7.2), every key always sent, in the
 * SDKs' order: {@code {"task", "max_steps", "response_model", "url", "metadata",
 * "secrets"}}, unset ones as {@code null}. No secret value appears in
 * {@link #toString()}.
 *
 * @param task what the agent should do
 * @param maxSteps the step budget
 * @param responseModel the JSON Schema of a structured answer, or {@code null}
 * @param url the page to open first, or {@code null} for the current one
 * @param metadata free-form values for the agent, or {@code null}
 * @param secrets values the agent may type, by name, each only on matching URLs; an empty
 * map is sent as {@code null}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunTaskInput(String task, @JsonProperty("max_steps") int maxSteps,
		@JsonProperty("response_model") @Nullable JsonNode responseModel, @Nullable String url,
		@Nullable Map<String, ?> metadata, @Nullable Map<String, Secret> secrets) implements ActionInput {

	public RunTaskInput {
		secrets = (secrets == null || secrets.isEmpty()) ? null : new LinkedHashMap<>(secrets);
	}

	@Override
	public String action() {
		return "run_task";
	}

	@Override
	public String eventName() {
		return TaskEvent.SESSION_ACTION;
	}

	@Override
	public String toString() {
		return "RunTaskInput[task=" + this.task + ", maxSteps=" + this.maxSteps + ", responseModel="
				+ ((this.responseModel != null) ? "(schema)" : null) + ", url=" + this.url + ", metadata="
				+ this.metadata + ", secrets=" + ((this.secrets != null) ? this.secrets.keySet() : null) + "]";
	}

	/**
	 * One secret: {@code {"value": "<value>", "allowed_urls": ["<glob>", ...]}}.
	 *
	 * @param value the value; never in {@link #toString()}
	 * @param allowedUrls the URL globs where it may be used
	 */
	public record Secret(String value, @JsonProperty("allowed_urls") List<String> allowedUrls) {

		public Secret {
			allowedUrls = List.copyOf(allowedUrls);
		}

		@Override
		public String toString() {
			return "Secret[value=******, allowedUrls=" + this.allowedUrls + "]";
		}

	}

}
