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

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The input of {@code extract}: {@code {"schema": {...}, "prompt": "<text>" | null}}. The
 * {@code prompt} key is always sent, {@code null} when there is none, as the SDKs do.
 *
 * @param schema the JSON Schema of the data to extract
 * @param prompt what to extract, or {@code null}
 */
public record ExtractInput(JsonNode schema,
		@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String prompt) implements ActionInput {

	@Override
	public String action() {
		return "extract";
	}

	@Override
	public String eventName() {
		return TaskEvent.BROWSER_ACTION;
	}

}
