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
 * The graceful {@code close} session action. It has no input: its payload is
 * {@code {"name": "close"}}, without an {@code input} key, as the SDKs send it. (A forced
 * close is {@code DELETE /task/{id}}, {@link SmoothApiClient#cancelTask(String)}.)
 */
public record CloseInput() implements ActionInput {

	@Override
	public String action() {
		return "close";
	}

	@Override
	public String eventName() {
		return TaskEvent.SESSION_ACTION;
	}

}
