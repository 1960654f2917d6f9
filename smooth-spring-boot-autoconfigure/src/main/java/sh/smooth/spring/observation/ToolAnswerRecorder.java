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

package sh.smooth.spring.observation;

/**
 * Counts the tool answers that never reached the server; handed to the tool dispatcher
 * when it is built ({@link SmoothToolMetrics} is the {@code smooth.tool.answers.lost}
 * counter). A recorder that throws does not break the answer path.
 */
@FunctionalInterface
public interface ToolAnswerRecorder {

	/** A recorder that counts nothing. */
	ToolAnswerRecorder NONE = (toolName) -> {
	};

	/**
	 * One answer was lost.
	 * @param toolName the tool ({@code unknown} for a tool nobody declared)
	 */
	void answerLost(String toolName);

}
