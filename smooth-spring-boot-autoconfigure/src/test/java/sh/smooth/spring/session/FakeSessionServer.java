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

package sh.smooth.spring.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small stateful Smooth server for session tests, as a WireMock transformer: it creates
 * sessions, records the actions it receives, lets a {@link Responder} queue result events
 * for later polls, and ends sessions on DELETE. Stub every {@code /api/v1/task...} path
 * with {@code withTransformers(FakeSessionServer.NAME)}.
 */
final class FakeSessionServer implements ResponseDefinitionTransformerV2 {

	static final String NAME = "fake-session-server";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, FakeSession> sessions = new ConcurrentHashMap<>();

	private final AtomicInteger sequence = new AtomicInteger();

	private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);

	volatile Responder responder = Responder.DEFAULT;

	/** Called with every tool answer the server receives. */
	volatile java.util.function.BiConsumer<FakeSession, JsonNode> toolAnswers = (session, answer) -> {
	};

	/** Delay of every event POST response, in ms. */
	volatile int eventPostDelayMillis;

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	FakeSession session(String id) {
		FakeSession session = this.sessions.get(id);
		if (session == null) {
			throw new IllegalStateException("no session " + id);
		}
		return session;
	}

	void reset() {
		this.sessions.clear();
		this.sequence.set(0);
		this.responder = Responder.DEFAULT;
		this.eventPostDelayMillis = 0;
		this.toolAnswers = (session, answer) -> {
		};
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		LoggedRequest request = serveEvent.getRequest();
		String path = request.getUrl().replaceFirst("\\?.*$", "").replaceFirst("^/api/v1", "");
		String method = request.getMethod().getName();
		String[] parts = path.split("/");
		if (method.equals("POST") && path.equals("/task")) {
			String id = "s" + this.sequence.incrementAndGet();
			this.sessions.put(id, new FakeSession(id));
			return json(200, "{\"r\":{\"id\":\"" + id + "\",\"status\":\"waiting\"}}", 0);
		}
		FakeSession session = (parts.length >= 3) ? this.sessions.get(parts[2]) : null;
		if (session == null) {
			return json(404, "{\"detail\":\"Task not found\"}", 0);
		}
		if (method.equals("GET")) {
			return session.poll();
		}
		if (method.equals("DELETE")) {
			return session.delete();
		}
		if (method.equals("POST") && parts.length == 4 && parts[3].equals("event")) {
			JsonNode body = JSON.readTree(request.getBodyAsString());
			session.received.add(body);
			String eventId = body.path("id").asString();
			if (body.path("name").asString().equals("tool_call")) {
				this.toolAnswers.accept(session, body);
			}
			else {
				this.responder.onAction(session, new Action(eventId, body.path("name").asString(),
						body.path("payload").path("name").asString(), body.path("payload").get("input"), body));
			}
			return json(200, "{\"r\":{\"id\":\"" + eventId + "\"}}", this.eventPostDelayMillis);
		}
		return json(400, "{\"detail\":\"unexpected\"}", 0);
	}

	static ResponseDefinition json(int status, String body, int delayMillis) {
		ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition()
			.withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(body);
		if (delayMillis > 0) {
			builder.withFixedDelay(delayMillis);
		}
		return builder.build();
	}

	/** An action the server received. */
	record Action(String id, String eventName, String action, JsonNode input, JsonNode body) {
	}

	/** Decides what the server answers to an action. */
	@FunctionalInterface
	interface Responder {

		/** SDK-shaped success results for every action; close ends the session. */
		Responder DEFAULT = (session, action) -> {
			switch (action.action()) {
				case "goto" -> session.reply(action, 200, JSON.readTree("{\"credits_used\":0,\"duration\":1.2}"));
				case "close" -> {
					session.reply(action, 200, JSON.readTree("{\"output\":true,\"credits_used\":0,\"duration\":0}"));
					session.endWith("done");
				}
				default ->
					session.reply(action, 200, JSON.readTree("{\"output\":null,\"credits_used\":1,\"duration\":0.5}"));
			}
		};

		/** Answers nothing. */
		Responder SILENT = (session, action) -> {
		};

		void onAction(FakeSession session, Action action);

	}

	/** One session on the fake server. */
	final class FakeSession {

		final String id;

		final List<JsonNode> received = new CopyOnWriteArrayList<>();

		final AtomicInteger polls = new AtomicInteger();

		final AtomicInteger deletes = new AtomicInteger();

		private final List<Delivery> outbox = new ArrayList<>();

		private String status = "running";

		private String pendingEnd;

		private long credits;

		FakeSession(String id) {
			this.id = id;
		}

		/** The actions received, in order (tool answers excluded). */
		List<JsonNode> actions() {
			return this.received.stream().filter((e) -> !e.path("name").asString().equals("tool_call")).toList();
		}

		/** The tool answers received. */
		List<JsonNode> toolAnswers() {
			return this.received.stream().filter((e) -> e.path("name").asString().equals("tool_call")).toList();
		}

		void reply(Action action, int code, JsonNode output) {
			replyAfter(0, action.id(), action.eventName(), code, output);
		}

		/** Queues a result, visible after {@code polls} further polls. */
		synchronized void replyAfter(int polls, String id, String eventName, int code, JsonNode output) {
			ObjectNode payload = JSON.createObjectNode();
			payload.put("code", code);
			payload.set("output", output);
			if (code == 200 && output.isObject() && output.has("credits_used")) {
				this.credits += output.get("credits_used").asLong();
			}
			event(polls, id, eventName, payload);
		}

		/** Queues any event. */
		synchronized void event(int polls, String id, String eventName, JsonNode payload) {
			ObjectNode event = JSON.createObjectNode();
			event.put("id", id);
			event.put("name", eventName);
			event.set("payload", payload);
			this.outbox.add(new Delivery(event, polls));
		}

		/** The next poll ends the session with this status, after its events. */
		synchronized void endWith(String status) {
			this.pendingEnd = status;
		}

		synchronized ResponseDefinition poll() {
			this.polls.incrementAndGet();
			ArrayNode events = JSON.createArrayNode();
			List<Delivery> later = new ArrayList<>();
			for (Delivery delivery : this.outbox) {
				if (delivery.polls <= 0) {
					ObjectNode event = (ObjectNode) delivery.event.deepCopy();
					event.put("timestamp", FakeSessionServer.this.clock.incrementAndGet());
					events.add(event);
				}
				else {
					later.add(new Delivery(delivery.event, delivery.polls - 1));
				}
			}
			this.outbox.clear();
			this.outbox.addAll(later);
			if (this.pendingEnd != null && !isTerminal()) {
				this.status = this.pendingEnd;
			}
			ObjectNode r = JSON.createObjectNode();
			r.put("id", this.id);
			r.put("status", this.status);
			r.put("live_url", "https://live.smooth.sh/v/" + this.id + "?b=aGk&interactive=false");
			r.put("credits_used", this.credits);
			if (isTerminal()) {
				r.put("output", "session ended");
			}
			r.set("events", events);
			return json(isTerminal() ? 200 : 202, "{\"r\":" + r + "}", 0);
		}

		synchronized ResponseDefinition delete() {
			this.deletes.incrementAndGet();
			if (isTerminal()) {
				return json(404, "{\"detail\":\"Task already completed\"}", 0);
			}
			this.pendingEnd = "cancelled";
			return json(200, "{\"r\":true}", 0);
		}

		synchronized boolean isTerminal() {
			return this.status.equals("done") || this.status.equals("failed") || this.status.equals("cancelled");
		}

	}

	private record Delivery(JsonNode event, int polls) {
	}

}
