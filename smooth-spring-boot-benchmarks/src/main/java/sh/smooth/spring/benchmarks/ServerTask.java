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

package sh.smooth.spring.benchmarks;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One task or session as the simulator saw it; every time is the simulator's
 * {@link System#nanoTime()}, which on Linux is the machine's monotonic clock, the one the
 * drivers read too.
 *
 * @param id the task id
 * @param status the wire status when read
 * @param createdNanos when the simulator created it
 * @param endedNanos when it reached its final status, {@code -1} while running
 * @param requests its requests, its {@code POST /task} first
 * @param actions its session actions in post order
 * @param toolCalls its tool calls in emission order
 */
record ServerTask(String id, String status, long createdNanos, long endedNanos, List<Request> requests,
		List<Action> actions, List<ToolCall> toolCalls) {

	static ServerTask of(JsonNode node) {
		List<Request> requests = new ArrayList<>();
		node.get("requests")
			.forEach((r) -> requests.add(new Request(r.get("route").asString(), r.get("nanos").asLong())));
		List<Action> actions = new ArrayList<>();
		node.get("actions")
			.forEach((a) -> actions.add(new Action(a.get("action").asString(), a.get("postedNanos").asLong(),
					a.get("completedNanos").asLong())));
		List<ToolCall> toolCalls = new ArrayList<>();
		node.get("toolCalls")
			.forEach((t) -> toolCalls
				.add(new ToolCall(t.get("emittedNanos").asLong(), t.get("answeredNanos").asLong())));
		return new ServerTask(node.get("id").asString(), node.get("status").asString(),
				node.get("createdNanos").asLong(), node.get("endedNanos").asLong(), requests, actions, toolCalls);
	}

	/**
	 * Whether it reached its final status.
	 * @return {@code true} once ended
	 */
	boolean ended() {
		return this.endedNanos >= 0;
	}

	/**
	 * How many requests arrived in a window measured from the creation.
	 * @param fromNanos window start after the creation
	 * @param toNanos window end after the creation
	 * @return the count
	 */
	long requestsBetween(long fromNanos, long toNanos) {
		return this.requests.stream()
			.filter((r) -> r.nanos() - this.createdNanos >= fromNanos && r.nanos() - this.createdNanos < toNanos)
			.count();
	}

	/**
	 * A request: its route and arrival.
	 *
	 * @param route the route name
	 * @param nanos when it arrived
	 */
	record Request(String route, long nanos) {
	}

	/**
	 * A session action: posted and completed (result visible).
	 *
	 * @param action the action name
	 * @param postedNanos when accepted
	 * @param completedNanos when its result was visible, {@code -1} if never
	 */
	record Action(String action, long postedNanos, long completedNanos) {
	}

	/**
	 * A tool call: emitted and answered.
	 *
	 * @param emittedNanos when the event became visible
	 * @param answeredNanos when the first answer arrived, {@code -1} if never
	 */
	record ToolCall(long emittedNanos, long answeredNanos) {
	}

}
