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

package sh.smooth.spring.tool;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

import sh.smooth.spring.api.RetrySettings;
import sh.smooth.spring.observation.ToolAnswerRecorder;
import sh.smooth.spring.observation.ToolCallObservations;

/**
 * What every {@link ToolCallRun} of a dispatcher works with, handed to it when it is
 * made: the executor and its bounds, how failures are answered, how results are written,
 * how answers are re-sent, and where observations and lost answers are recorded.
 *
 * @param executor runs tool methods
 * @param errors maps failures to replies
 * @param mapper writes results as JSON
 * @param timeout how long a tool may run, counted from its start
 * @param queueTimeout how long a call may wait for a thread
 * @param retry the client's retry settings, for the bound of 429 pauses of answers
 * @param observations records the {@code smooth.tool.call} observations
 * @param lostAnswers counts answers that never reached the server
 * @param knownToolNames the application's tools, for bounded tags
 * @param ledger claims calls and records answers fleet-wide ({@link ToolCallLedger#NONE}
 * for one instance)
 */
record ToolRuntime(ExecutorService executor, SmoothToolErrorHandler errors, JsonMapper mapper, Duration timeout,
		Duration queueTimeout, RetrySettings retry, ToolCallObservations observations, ToolAnswerRecorder lostAnswers,
		Supplier<Set<String>> knownToolNames, ToolCallLedger ledger) {

	/**
	 * Whether the executor was shut down: calls interrupted or refused from then on are
	 * the application's shutdown, not failures of the tools.
	 * @return whether the dispatcher is closed
	 */
	boolean isClosed() {
		return this.executor.isShutdown();
	}

	void answerLost(String toolName) {
		try {
			this.lostAnswers.answerLost(toolName);
		}
		catch (RuntimeException ex) {
			// a broken recorder must not break the answer path
		}
	}

}
