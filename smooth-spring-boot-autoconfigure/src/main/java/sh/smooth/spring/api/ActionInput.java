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

/**
 * The {@code input} of a session action, one record per action (reference section 7.1).
 * {@link SmoothApiClient#actionEvent(String, ActionInput)} wraps one in its event:
 * {@code {"name": <event>, "payload": {"name": <action>, "input": {...}}, "id": ...}}.
 */
public sealed interface ActionInput permits GotoInput, ExtractInput, EvaluateJsInput, RunTaskInput, CloseInput {

	/**
	 * The action's name on the wire, such as {@code goto}.
	 * @return the {@code payload.name}
	 */
	String action();

	/**
	 * The event that carries the action: {@link TaskEvent#BROWSER_ACTION} or
	 * {@link TaskEvent#SESSION_ACTION}.
	 * @return the event {@code name}
	 */
	String eventName();

}
