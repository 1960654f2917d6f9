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
 * Whether {@code POST /task} creates a one-shot task or a browser session
 * ({@code task: null}).
 */
public enum TaskKind {

	/** A one-shot task with a task text. */
	TASK,

	/** A browser session ({@code task: null}) driven by actions. */
	SESSION;

	/**
	 * The tag value.
	 * @return {@code task} or {@code session}
	 */
	public String value() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
