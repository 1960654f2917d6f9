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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * State of one simulated task or session. Every method is synchronized on the task:
 * timers on the event loop, HTTP handlers and test threads all go through here, and a
 * poll must see a status change and the event that caused it together.
 */
final class SimTask {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	static final String FAKE_HOST = "smooth-simulator.invalid";

	final String id;

	final long createdAt;

	final boolean session;

	private final SmoothSimulator simulator;

	private final Plan plan;

	private final String device;

	private final boolean enableRecording;

	private SimulatedTaskStatus status = SimulatedTaskStatus.WAITING;

	private JsonNode output = NODES.nullNode();

	private Integer creditsUsed;

	private int sessionCredits;

	private String liveUrl;

	private String recordingUrl;

	private boolean dataDeleted;

	private final List<ObjectNode> events = new ArrayList<>();

	private long lastTimestamp;

	/** The next tool call of the plan to emit. */
	private int step;

	/**
	 * Tool calls of the plan emitted and not answered yet; the plan goes on when empty.
	 */
	private final java.util.Set<String> pendingToolCalls = new java.util.LinkedHashSet<>();

	/**
	 * A tool call to emit in the millisecond of an earlier event, once a poll returned
	 * it.
	 */
	private Tie tie;

	/** What happens when a tool call of a session action is answered, by call id. */
	private final Map<String, Runnable> actionToolCalls = new LinkedHashMap<>();

	private int toolCallCounter;

	private final Map<String, String> toolCallNames = new LinkedHashMap<>();

	private final Map<String, List<ToolAnswer>> answers = new LinkedHashMap<>();

	private final Map<String, ToolRoundTrip> roundTrips = new LinkedHashMap<>();

	private List<CompletableFuture<Void>> waiters = new ArrayList<>();

	private final long createdNanos = System.nanoTime();

	private long endedNanos = -1;

	private final List<RecordedRequest> requests = new ArrayList<>();

	private final List<SessionActionTiming> actionTimings = new ArrayList<>();

	SimTask(SmoothSimulator simulator, String id, long createdAt, boolean session, String device,
			boolean enableRecording, Plan plan) {
		this.simulator = simulator;
		this.id = id;
		this.createdAt = createdAt;
		this.session = session;
		this.device = device;
		this.enableRecording = enableRecording;
		this.plan = plan;
	}

	void start() {
		this.simulator.schedule(this.plan.runningAfter, this::becomeRunning);
	}

	synchronized SimulatedTaskStatus status() {
		return this.status;
	}

	private synchronized void becomeRunning() {
		if (this.status != SimulatedTaskStatus.WAITING) {
			return;
		}
		this.status = SimulatedTaskStatus.RUNNING;
		this.liveUrl = (this.plan.liveUrl != null) ? this.plan.liveUrl : defaultLiveUrl();
		changed();
		if (!this.session) {
			nextStep();
		}
	}

	private String defaultLiveUrl() {
		// same shape as the service: the browser host travels base64url-encoded in "b"
		String browser = "https://browser-live." + FAKE_HOST + "/" + this.id;
		String b = Base64.getUrlEncoder().withoutPadding().encodeToString(browser.getBytes(StandardCharsets.UTF_8));
		return "https://live." + FAKE_HOST + "/v/" + this.id + "?b=" + b;
	}

	private void nextStep() {
		if (this.step < this.plan.toolCalls.size()) {
			ToolCallPlan call = this.plan.toolCalls.get(this.step);
			this.simulator.schedule(call.delay, () -> emitPlannedToolCall(call));
		}
		else {
			this.simulator.schedule(this.plan.doneAfter,
					() -> finish(this.plan.finalStatus, this.plan.output, this.plan.credits));
		}
	}

	private synchronized void emitPlannedToolCall(ToolCallPlan call) {
		if (this.status.isTerminal()) {
			return;
		}
		this.step++;
		ToolCallEvent emitted = emitToolCall(call.name, call.input, null);
		this.pendingToolCalls.add(emitted.callId());
		if (this.step < this.plan.toolCalls.size() && this.plan.toolCalls.get(this.step).sameMillisecond) {
			// emitted once a poll has returned this call: see view()
			this.tie = new Tie(emitted.callId(), emitted.timestamp(), this.plan.toolCalls.get(this.step));
			this.step++;
		}
		changed();
	}

	/**
	 * Appends a {@code tool_call} event.
	 * @param timestamp the timestamp to use, or {@code null} for the clock
	 */
	private ToolCallEvent emitToolCall(String name, JsonNode input, Long timestamp) {
		String callId = "tc_" + this.id + "_" + (++this.toolCallCounter);
		ObjectNode payload = NODES.objectNode();
		payload.put("name", name);
		if (!input.isMissingNode()) {
			payload.set("input", input);
		}
		long stamped = appendEvent(TaskEventNames.TOOL_CALL, callId, payload, timestamp);
		this.toolCallNames.put(callId, name);
		this.roundTrips.put(callId,
				new ToolRoundTrip(this.id, callId, name, Instant.ofEpochMilli(stamped), System.nanoTime(), -1));
		return new ToolCallEvent(callId, stamped);
	}

	/**
	 * Records a tool answer.
	 * @return {@code false} when the task is already over
	 */
	synchronized boolean answerToolCall(String callId, int code, JsonNode answerOutput) {
		if (this.status.isTerminal()) {
			return false;
		}
		long now = System.nanoTime();
		this.answers.computeIfAbsent(callId, (key) -> new ArrayList<>())
			.add(new ToolAnswer(this.id, callId, code, answerOutput, Instant.now()));
		ToolRoundTrip trip = this.roundTrips.get(callId);
		if (trip != null && !trip.answered()) {
			this.roundTrips.put(callId, new ToolRoundTrip(trip.taskId(), trip.toolCallId(), trip.toolName(),
					trip.emittedAt(), trip.emittedNanos(), now));
		}
		Runnable actionStep = this.actionToolCalls.remove(callId);
		if (actionStep != null) {
			actionStep.run();
		}
		if (this.pendingToolCalls.remove(callId)) {
			if (code >= 500) {
				// an essential tool failed: the service interrupts the agent
				String message = answerOutput.isString() ? answerOutput.asString() : answerOutput.toString();
				finish(SimulatedTaskStatus.FAILED,
						NODES.stringNode("Tool " + this.toolCallNames.get(callId) + " failed: " + message),
						this.plan.credits);
			}
			else if (this.pendingToolCalls.isEmpty() && this.tie == null) {
				nextStep();
			}
		}
		return true;
	}

	/**
	 * Accepts a session action; its result appears after the latency.
	 * @return {@code false} when the task is already over
	 */
	synchronized boolean acceptAction(String eventName, String eventId, String action, ActionResult result,
			Duration latency, List<ToolCallPlan> toolCalls) {
		if (this.status.isTerminal()) {
			return false;
		}
		int index = this.actionTimings.size();
		this.actionTimings.add(new SessionActionTiming(eventId, action, System.nanoTime(), -1));
		actionStep(eventName, eventId, result, latency, toolCalls, 0, index);
		return true;
	}

	/**
	 * The agent of an action calls its tools one after the other, each once the previous
	 * one was answered; the result follows the last answer after the latency.
	 */
	private void actionStep(String eventName, String eventId, ActionResult result, Duration latency,
			List<ToolCallPlan> toolCalls, int next, int index) {
		if (next == toolCalls.size()) {
			this.simulator.schedule(latency, () -> completeAction(eventName, eventId, result, index));
			return;
		}
		ToolCallPlan call = toolCalls.get(next);
		this.simulator.schedule(call.delay, () -> {
			synchronized (this) {
				if (this.status.isTerminal()) {
					return;
				}
				ToolCallEvent emitted = emitToolCall(call.name, call.input, null);
				this.actionToolCalls.put(emitted.callId(),
						() -> actionStep(eventName, eventId, result, latency, toolCalls, next + 1, index));
				changed();
			}
		});
	}

	private synchronized void completeAction(String eventName, String eventId, ActionResult result, int index) {
		if (this.status.isTerminal()) {
			return;
		}
		ObjectNode payload = NODES.objectNode();
		payload.put("code", result.code);
		payload.set("output", result.payloadOutput);
		appendEvent(eventName, eventId, payload);
		SessionActionTiming posted = this.actionTimings.get(index);
		this.actionTimings.set(index,
				new SessionActionTiming(posted.eventId(), posted.action(), posted.postedNanos(), System.nanoTime()));
		this.sessionCredits += result.credits;
		if (result.closes) {
			// same lock as the event: the poll that returns the close result also says
			// "done"
			finish(SimulatedTaskStatus.DONE, NODES.nullNode(), this.sessionCredits);
		}
		else {
			changed();
		}
	}

	/**
	 * Cancels (or force-closes) the task.
	 * @return {@code false} when it was already over
	 */
	synchronized boolean cancel() {
		if (this.status.isTerminal()) {
			return false;
		}
		finish(SimulatedTaskStatus.CANCELLED, NODES.nullNode(), this.session ? this.sessionCredits : 0);
		return true;
	}

	/**
	 * Zero-data-retention wipe.
	 * @return {@code false} when the task is not over yet
	 */
	synchronized boolean deleteData() {
		if (!this.status.isTerminal()) {
			return false;
		}
		this.dataDeleted = true;
		this.output = NODES.nullNode();
		this.events.clear();
		changed();
		return true;
	}

	private synchronized void finish(SimulatedTaskStatus finalStatus, JsonNode finalOutput, int credits) {
		if (this.status.isTerminal()) {
			return;
		}
		this.status = finalStatus;
		this.endedNanos = System.nanoTime();
		this.output = (finalStatus == SimulatedTaskStatus.CANCELLED) ? NODES.nullNode() : finalOutput;
		this.creditsUsed = credits;
		this.pendingToolCalls.clear();
		this.actionToolCalls.clear();
		this.tie = null;
		this.liveUrl = null;
		this.simulator.taskEnded();
		changed();
		this.simulator.schedule(this.simulator.recordingDelay(), this::publishRecording);
	}

	private synchronized void publishRecording() {
		if (this.plan.recordingUrl != null) {
			this.recordingUrl = this.plan.recordingUrl;
		}
		else {
			this.recordingUrl = this.enableRecording ? "https://recordings." + FAKE_HOST + "/" + this.id + ".mp4" : "";
		}
		changed();
	}

	private long appendEvent(String name, String eventId, ObjectNode payload) {
		return appendEvent(name, eventId, payload, null);
	}

	/**
	 * Appends an event.
	 * @param forcedTimestamp the timestamp, or {@code null} for the clock: milliseconds,
	 * strictly increasing per task, so that only a scripted tie shares a millisecond
	 */
	private long appendEvent(String name, String eventId, ObjectNode payload, Long forcedTimestamp) {
		long timestamp = (forcedTimestamp != null) ? forcedTimestamp
				: Math.max(System.currentTimeMillis(), this.lastTimestamp + 1);
		this.lastTimestamp = Math.max(this.lastTimestamp, timestamp);
		ObjectNode event = NODES.objectNode();
		event.put("name", name);
		event.set("payload", payload);
		event.put("id", eventId);
		event.put("timestamp", timestamp);
		this.events.add(event);
		return timestamp;
	}

	private void changed() {
		if (!this.waiters.isEmpty()) {
			List<CompletableFuture<Void>> ready = this.waiters;
			this.waiters = new ArrayList<>();
			// completed from the event loop, not under this lock: the waiting poll
			// re-reads
			// the task and writes its response from there
			ready.forEach((waiter) -> this.simulator.schedule(Duration.ZERO, () -> waiter.complete(null)));
		}
	}

	/**
	 * The task as the API shows it.
	 * @param eventT only events strictly after this timestamp, or {@code null} for no
	 * events at all (list endpoint)
	 * @param downloads whether {@code downloads=true} was asked
	 * @param awaitIfIdle when nothing new is there, register a change waiter
	 */
	synchronized View view(Long eventT, boolean downloads, boolean awaitIfIdle) {
		ObjectNode r = NODES.objectNode();
		r.put("id", this.id);
		r.put("status", this.status.wireName());
		r.set("output", this.output);
		if (this.creditsUsed != null) {
			r.put("credits_used", this.creditsUsed);
		}
		else {
			r.putNull("credits_used");
		}
		r.put("device", this.device);
		r.put("live_url", this.liveUrl);
		r.put("recording_url", this.recordingUrl);
		if (downloads && this.status.isTerminal()) {
			String url = (this.plan.downloadsUrl != null) ? this.plan.downloadsUrl
					: "https://downloads." + FAKE_HOST + "/" + this.id + ".zip";
			r.put("downloads_url", this.dataDeleted ? "" : url);
		}
		else {
			r.putNull("downloads_url");
		}
		r.put("created_at", this.createdAt);
		int newEvents = 0;
		if (eventT != null) {
			ArrayNode list = r.putArray("events");
			int first = this.events.size();
			while (first > 0 && this.events.get(first - 1).get("timestamp").asLong() > eventT) {
				first--;
			}
			for (int i = first; i < this.events.size(); i++) {
				list.add(this.events.get(i).deepCopy());
			}
			newEvents = this.events.size() - first;
			emitTieIfServed(first);
		}
		else {
			r.putNull("events");
		}
		CompletableFuture<Void> change = null;
		if (awaitIfIdle && newEvents == 0 && !this.status.isTerminal()) {
			change = new CompletableFuture<>();
			this.waiters.add(change);
		}
		return new View(r, this.status, change);
	}

	/**
	 * A tie is emitted right after the first response that carries the event it ties with
	 * is built: that poll is served "between" two events of one millisecond.
	 */
	private void emitTieIfServed(int firstServed) {
		if (this.tie == null || this.status.isTerminal()) {
			return;
		}
		for (int i = firstServed; i < this.events.size(); i++) {
			if (this.tie.afterEventId.equals(this.events.get(i).get("id").asString())) {
				Tie served = this.tie;
				this.tie = null;
				ToolCallEvent emitted = emitToolCall(served.call.name, served.call.input, served.timestamp);
				this.pendingToolCalls.add(emitted.callId());
				changed();
				return;
			}
		}
	}

	synchronized Map<String, List<ToolAnswer>> toolAnswers() {
		Map<String, List<ToolAnswer>> copy = new LinkedHashMap<>();
		this.answers.forEach((key, value) -> copy.put(key, List.copyOf(value)));
		return copy;
	}

	synchronized List<String> unansweredToolCalls() {
		List<String> unanswered = new ArrayList<>();
		for (String callId : this.toolCallNames.keySet()) {
			if (!this.answers.containsKey(callId)) {
				unanswered.add(callId);
			}
		}
		return unanswered;
	}

	synchronized List<ToolRoundTrip> roundTrips() {
		return List.copyOf(this.roundTrips.values());
	}

	synchronized void record(RecordedRequest request) {
		this.requests.add(request);
	}

	synchronized List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	synchronized TaskTimeline timeline() {
		return new TaskTimeline(this.id, this.session, this.status, this.createdNanos, this.endedNanos,
				List.copyOf(this.actionTimings));
	}

	/**
	 * What {@link SmoothSimulator} decided for a task when it was submitted.
	 */
	record Plan(Duration runningAfter, Duration doneAfter, List<ToolCallPlan> toolCalls,
			SimulatedTaskStatus finalStatus, JsonNode output, int credits, String liveUrl, String recordingUrl,
			String downloadsUrl) {
	}

	/**
	 * One scripted tool call.
	 *
	 * @param delay the wait before it is emitted
	 * @param name the tool
	 * @param input its input
	 * @param sameMillisecond emitted in the millisecond of the call before it, right
	 * after a poll has returned that call
	 */
	record ToolCallPlan(Duration delay, String name, JsonNode input, boolean sameMillisecond) {
	}

	private record ToolCallEvent(String callId, long timestamp) {
	}

	private record Tie(String afterEventId, long timestamp, ToolCallPlan call) {
	}

	/**
	 * The result of a session action: {@code payloadOutput} is already shaped.
	 */
	record ActionResult(int code, JsonNode payloadOutput, int credits, boolean closes) {
	}

	record View(ObjectNode body, SimulatedTaskStatus status, CompletableFuture<Void> change) {
	}

	/**
	 * Event names on the wire.
	 */
	static final class TaskEventNames {

		static final String TOOL_CALL = "tool_call";

		static final String BROWSER_ACTION = "browser_action";

		static final String SESSION_ACTION = "session_action";

		private TaskEventNames() {
		}

	}

}
