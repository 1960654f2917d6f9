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

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The input of {@code evaluate_js}: {@code {"js": "<code>", "args": {...} | null}}. The
 * {@code args} key is always sent, {@code null} when there are none, as the SDKs do.
 *
 * @param js an expression, a statement with {@code return}, or a function source (which
 * receives {@code args})
 * @param args the arguments, or {@code null}
 */
public record EvaluateJsInput(String js,
		@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Map<String, ?> args) implements ActionInput {

	@Override
	public String action() {
		return "evaluate_js";
	}

	@Override
	public String eventName() {
		return TaskEvent.BROWSER_ACTION;
	}

}
