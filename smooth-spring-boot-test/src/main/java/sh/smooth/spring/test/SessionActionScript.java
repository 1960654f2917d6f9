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

package sh.smooth.spring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * Scripted result of one session action ({@code goto}, {@code extract},
 * {@code evaluate_js}, {@code exec_js}, {@code run_task}, {@code close} or any other
 * name). The last call of {@link #respond} or {@link #fail} wins.
 * <p>
 * Defaults: {@code goto} answers no output and 0 credits; {@code evaluate_js} and
 * {@code exec_js} answer {@code null}; {@code extract} answers an example of its
 * {@code schema}; {@code run_task} answers an example of its {@code response_model}, or
 * else a string; {@code close} answers {@code true} and ends the session; 1 credit for
 * {@code extract} and {@code run_task}; latency 5 ms; no tool calls.
 */
public final class SessionActionScript {

	final String action;

	volatile Duration latency;

	volatile Function<JsonNode, Object> output;

	volatile Integer credits;

	volatile int failCode;

	volatile String failMessage;

	private final List<ToolCallStep> toolCalls = new ArrayList<>();

	SessionActionScript(String action) {
		this.action = action;
	}

	/**
	 * Answers with code 200 and this output.
	 * @param output the output (any object, {@code JsonNode} or {@code null})
	 * @param credits the {@code credits_used}
	 * @return this script
	 */
	public SessionActionScript respond(Object output, int credits) {
		return respond((input) -> output, credits);
	}

	/**
	 * Answers with code 200 and an output computed from the action's {@code input}.
	 * @param output computes the output from the input ({@code null} for close)
	 * @param credits the {@code credits_used}
	 * @return this script
	 */
	public SessionActionScript respond(Function<JsonNode, Object> output, int credits) {
		this.output = output;
		this.credits = credits;
		this.failCode = 0;
		this.failMessage = null;
		return this;
	}

	/**
	 * Answers with an error code ({@code 400}: user-level failure, {@code 500}: internal
	 * failure) and a message as output.
	 * @param code the result code
	 * @param message the message
	 * @return this script
	 */
	public SessionActionScript fail(int code, String message) {
		this.failCode = code;
		this.failMessage = message;
		return this;
	}

	/**
	 * How long after the action was posted its result appears (also reported as
	 * {@code duration}).
	 * @param latency the latency
	 * @return this script
	 */
	public SessionActionScript latency(Duration latency) {
		if (latency == null || latency.isNegative()) {
			throw new IllegalArgumentException("Latency must be zero or positive: " + latency);
		}
		this.latency = latency;
		return this;
	}

	/**
	 * While the action runs, its agent calls a custom tool: {@code delayBeforeEmit} after
	 * the action was accepted (or after the answer to the previous call of this script),
	 * a {@code tool_call} event appears, and the action goes on only once it is answered.
	 * The result appears {@link #latency(Duration) latency} after the last answer. Calls
	 * add up, in order; the script applies to actions posted after this call.
	 * @param delayBeforeEmit time before the call appears
	 * @param name the tool name
	 * @param input the tool input (object or {@code JsonNode})
	 * @return this script
	 */
	public SessionActionScript toolCall(Duration delayBeforeEmit, String name, Object input) {
		if (delayBeforeEmit == null || delayBeforeEmit.isNegative()) {
			throw new IllegalArgumentException("Delay must be zero or positive: " + delayBeforeEmit);
		}
		synchronized (this.toolCalls) {
			this.toolCalls.add(new ToolCallStep(delayBeforeEmit, name, input));
		}
		return this;
	}

	List<ToolCallStep> toolCallSteps() {
		synchronized (this.toolCalls) {
			return List.copyOf(this.toolCalls);
		}
	}

	record ToolCallStep(Duration delay, String name, Object input) {
	}

}
