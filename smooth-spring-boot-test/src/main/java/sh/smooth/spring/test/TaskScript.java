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
import java.util.Objects;

/**
 * Scripted behaviour of the tasks a {@link TaskMatcher} selects. Steps run one after the
 * other, each timed from the end of the previous one: the task turns {@code running}
 * {@link #runningAfter(Duration)} after it was created, then emits its tool calls in
 * order (each blocks the task until answered), then ends {@link #doneAfter(Duration)}
 * after the last answer (or after it started running when there are no tool calls).
 * <p>
 * Defaults: running after 10 ms, done 50 ms later, status {@code done}, 1 credit, output
 * generated from {@code response_model} (a simple example value of the schema) or else a
 * string naming the task, recording URL 20 ms after the end, downloads URL on request.
 * <p>
 * A script is read when a task is submitted: changing it later does not affect tasks
 * already running.
 */
public final class TaskScript {

	final TaskMatcher matcher;

	volatile Duration runningAfter = Duration.ofMillis(10);

	volatile Duration doneAfter = Duration.ofMillis(50);

	volatile Object output;

	volatile boolean outputSet;

	volatile int credits = 1;

	volatile SimulatedTaskStatus finalStatus = SimulatedTaskStatus.DONE;

	volatile String liveUrl;

	volatile String recordingUrl;

	volatile String downloadsUrl;

	final List<ToolCallStep> toolCalls = new ArrayList<>();

	TaskScript(TaskMatcher matcher) {
		this.matcher = Objects.requireNonNull(matcher, "matcher");
	}

	/**
	 * How long the task stays {@code waiting} after it was submitted.
	 * @param delay the delay, zero for at once
	 * @return this script
	 */
	public TaskScript runningAfter(Duration delay) {
		this.runningAfter = requirePositiveOrZero(delay);
		return this;
	}

	/**
	 * How long the agent works after its previous step (start of running or the last tool
	 * answer) before the task reaches its final status.
	 * @param delay the delay
	 * @return this script
	 */
	public TaskScript doneAfter(Duration delay) {
		this.doneAfter = requirePositiveOrZero(delay);
		return this;
	}

	/**
	 * The final {@code output}: a {@code JsonNode}, or any object Jackson can convert (a
	 * {@code String} becomes a JSON string). Also used as the error description when the
	 * final status is {@code failed}.
	 * @param output the output, may be {@code null}
	 * @return this script
	 */
	public TaskScript output(Object output) {
		this.output = output;
		this.outputSet = true;
		return this;
	}

	/**
	 * The {@code credits_used} reported once the task has ended.
	 * @param credits the credits
	 * @return this script
	 */
	public TaskScript credits(int credits) {
		this.credits = credits;
		return this;
	}

	/**
	 * Emits a {@code tool_call} event as soon as the previous step is over.
	 * @param name the tool name
	 * @param input the tool input: any object Jackson can convert, {@code null} for
	 * {@code {}}, or a {@code JsonNode} sent verbatim (see
	 * {@link #toolCall(Duration, String, Object)})
	 * @return this script
	 */
	public TaskScript toolCall(String name, Object input) {
		return toolCall(Duration.ZERO, name, input);
	}

	/**
	 * Emits a {@code tool_call} event some time after the previous step is over. The task
	 * then waits for the answer; an answer with code 500 fails the task, as the real
	 * service does for an essential tool.
	 * <p>
	 * The input is normally an object (a {@code Map}, a record, an {@code ObjectNode});
	 * {@code null} sends {@code {}}. To play a hostile server, pass any other value: a
	 * {@code String}, a {@code List} or a number is sent as that JSON value, a
	 * {@code NullNode} sends {@code "input": null}, and a {@code MissingNode} leaves
	 * {@code input} out of the payload.
	 * @param delayBeforeEmit time between the previous step and the event
	 * @param name the tool name
	 * @param input the tool input
	 * @return this script
	 */
	public TaskScript toolCall(Duration delayBeforeEmit, String name, Object input) {
		synchronized (this.toolCalls) {
			this.toolCalls.add(new ToolCallStep(requirePositiveOrZero(delayBeforeEmit), name, input, false));
		}
		return this;
	}

	/**
	 * Emits a {@code tool_call} event in the same millisecond as the tool call before it,
	 * right after the simulator answered a poll that returned that earlier call: the race
	 * in which a server answers a poll between two events of one millisecond (as when the
	 * agent calls two tools at once). Both calls are then pending; the task goes on once
	 * both are answered. A client that moves {@code event_t} to that millisecond (the
	 * server returns only events strictly after it) never sees this call.
	 * @param name the tool name
	 * @param input the tool input (object or {@code JsonNode})
	 * @return this script
	 * @throws IllegalStateException when no tool call comes before it
	 */
	public TaskScript toolCallInSameMillisecond(String name, Object input) {
		synchronized (this.toolCalls) {
			if (this.toolCalls.isEmpty()) {
				throw new IllegalStateException("A tool call in the same millisecond needs a tool call before it");
			}
			this.toolCalls.add(new ToolCallStep(Duration.ZERO, name, input, true));
		}
		return this;
	}

	/**
	 * The status the task ends with.
	 * @param status {@code DONE}, {@code FAILED} or {@code CANCELLED}
	 * @return this script
	 */
	public TaskScript finalStatus(SimulatedTaskStatus status) {
		if (!status.isTerminal()) {
			throw new IllegalArgumentException("A final status must be terminal: " + status);
		}
		this.finalStatus = status;
		return this;
	}

	/**
	 * The {@code live_url} shown while running (default: a fake URL with the task id).
	 * @param url the URL
	 * @return this script
	 */
	public TaskScript liveUrl(String url) {
		this.liveUrl = url;
		return this;
	}

	/**
	 * The {@code recording_url} that appears shortly after the end; {@code ""} means "no
	 * recording". Default: a fake URL, or {@code ""} when {@code enable_recording} is
	 * false.
	 * @param url the URL
	 * @return this script
	 */
	public TaskScript recordingUrl(String url) {
		this.recordingUrl = url;
		return this;
	}

	/**
	 * The {@code downloads_url} returned for {@code downloads=true} after the end;
	 * {@code ""} means "nothing was downloaded". Default: a fake zip URL.
	 * @param url the URL
	 * @return this script
	 */
	public TaskScript downloadsUrl(String url) {
		this.downloadsUrl = url;
		return this;
	}

	List<ToolCallStep> toolCallSteps() {
		synchronized (this.toolCalls) {
			return List.copyOf(this.toolCalls);
		}
	}

	private static Duration requirePositiveOrZero(Duration delay) {
		if (delay == null || delay.isNegative()) {
			throw new IllegalArgumentException("Delay must be zero or positive: " + delay);
		}
		return delay;
	}

	record ToolCallStep(Duration delay, String name, Object input, boolean sameMillisecond) {
	}

}
