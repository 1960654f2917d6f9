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

import java.net.URI;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;

import sh.smooth.spring.error.SmoothApiException;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static sh.smooth.spring.api.CallSafety.IDEMPOTENT;
import static sh.smooth.spring.api.CallSafety.NOT_IDEMPOTENT;

/**
 * The Smooth HTTP API as typed, non-blocking calls: one method per endpoint, a record per
 * payload; the task and event endpoints here, the resource endpoints in
 * {@link #resources()}. Each call is sent with its URI template (so
 * {@code http.client.requests} is tagged {@code /task/{id}}, never an id), unwraps the
 * {@code r} envelope, maps errors to typed exceptions, and is retried only as far as it
 * is safe to repeat (see {@link CallSafety} and {@link RetryPolicy}). A 429 with
 * {@code Retry-After} on a call that is retried pauses the calls to the same endpoint,
 * for at most {@link RetrySettings#maxRetryAfter()}; a call that is not retried (a
 * submit, an upload, a session action) reports its 429 to its caller and pauses nothing.
 * Thread-safe; one instance serves every task.
 */
public final class SmoothApiClient {

	private final ApiTransport transport;

	private final ResourceApi resources;

	/**
	 * Creates a client.
	 * @param webClient a WebClient configured by {@link SmoothWebClients} (base URL, key,
	 * timeouts)
	 * @param mapper the JSON mapper for the wire
	 * @param retry the retry settings
	 * @param timer the scheduler that times retry backoffs and 429 pauses
	 */
	public SmoothApiClient(WebClient webClient, JsonMapper mapper, RetrySettings retry, Scheduler timer) {
		this(new ApiTransport(webClient, mapper, retry, timer));
	}

	private SmoothApiClient(ApiTransport transport) {
		this.transport = transport;
		this.resources = new ResourceApi(transport);
	}

	/**
	 * The same client (connections, 429 pauses) with no retries at all: every call is
	 * sent once, whatever its safety, for callers that must answer now, such as a health
	 * probe.
	 * @return the client
	 */
	public SmoothApiClient withoutRetries() {
		return new SmoothApiClient(this.transport.withoutRetries());
	}

	/**
	 * The resource endpoints (profiles, files, extensions, task history), over this
	 * client's connections, retries and 429 pauses.
	 * @return the endpoints
	 */
	public ResourceApi resources() {
		return this.resources;
	}

	/**
	 * A copy of this client whose requests never leave the process: {@code exchange}
	 * answers each one, and no filter (the application's included) and no observation
	 * sees it. For the warm-up at startup, which runs the code of a call (codecs, the
	 * wire mapper, retries) once without sending anything.
	 * @param exchange what answers the requests
	 * @return the copy, with this client's mapper, retry settings and timer
	 */
	public SmoothApiClient offline(ExchangeFunction exchange) {
		return new SmoothApiClient(this.transport.offline(exchange));
	}

	/**
	 * The JSON mapper used on the wire.
	 * @return the mapper
	 */
	public JsonMapper mapper() {
		return this.transport.mapper();
	}

	/**
	 * The retry settings, including the bound of {@code Retry-After} pauses that any
	 * retry loop built on this client should share.
	 * @return the settings
	 */
	public RetrySettings retrySettings() {
		return this.transport.retrySettings();
	}

	/**
	 * {@code POST /task}: submits a task or opens a session. Never repeated once it may
	 * have reached the server. Only {@code r.id} is required of the answer (reference
	 * 3.2): without it a task the server may have made cannot be followed, which is a
	 * {@link sh.smooth.spring.error.SmoothProtocolException}.
	 * @param request the body
	 * @return the created task
	 */
	public Mono<TaskResponse> createTask(TaskRequest request) {
		return this.transport
			.call(POST, "/task", (uri) -> uri.build(), this.transport.json(request), null, NOT_IDEMPOTENT)
			.map((reply) -> CreatedTask.read(reply, this.transport));
	}

	/**
	 * {@code GET /task/{id}?event_t=}: the task and the events after {@code eventT}.
	 * @param taskId the task
	 * @param eventT the last event timestamp seen, 0 for all
	 * @return the task
	 */
	public Mono<TaskResponse> getTask(String taskId, long eventT) {
		return task(taskId, "event_t", eventT);
	}

	/**
	 * {@code GET /task/{id}}, optionally with {@code downloads=true}.
	 * @param taskId the task
	 * @param downloads whether to ask for the downloads archive
	 * @return the task
	 */
	public Mono<TaskResponse> getTask(String taskId, boolean downloads) {
		return task(taskId, downloads ? "downloads" : null, "true");
	}

	private Mono<TaskResponse> task(String taskId, @Nullable String query, Object value) {
		return this.transport.exchange(GET, "/task/{id}", (uri) -> {
			if (query != null) {
				uri.queryParam(query, value);
			}
			return uri.build(taskId);
		}, null, taskId, IDEMPOTENT).map((r) -> this.transport.convert(r, TaskResponse.class, taskId));
	}

	/**
	 * {@code DELETE /task/{id}}: cancels a task or force-closes a session. The server
	 * answers 404 for a task that has already ended (and for one it does not know); for a
	 * task the caller holds that means "already ended", which is what a cancel or close
	 * wants, so a 404 is not an error here.
	 * @param taskId the task
	 * @return {@code true} when the server accepted the cancel, {@code false} when it
	 * answered 404 because the task had already ended
	 */
	public Mono<Boolean> cancelTask(String taskId) {
		return this.transport.exchange(DELETE, "/task/{id}", (uri) -> uri.build(taskId), null, taskId, IDEMPOTENT)
			.thenReturn(true)
			.onErrorResume((ex) -> isStatus(ex, 404), (ex) -> Mono.just(false));
	}

	/**
	 * {@code POST /task/{id}/event}: sends an action or a tool answer.
	 * @param taskId the task
	 * @param event the event, with its client-generated id
	 * @param safety {@link CallSafety#IDEMPOTENT} for tool answers (same id, harmless
	 * twice), {@link CallSafety#NOT_IDEMPOTENT} for actions
	 * @return completes when the server accepted it
	 */
	public Mono<Void> sendEvent(String taskId, TaskEvent event, CallSafety safety) {
		return this.transport
			.exchange(POST, "/task/{id}/event", (uri) -> uri.build(taskId), this.transport.json(event), taskId, safety)
			.then();
	}

	/**
	 * The event of a session action: {@code {"name": <event>, "payload": {"name":
	 * <action>, "input": {...}}, "id": <eventId>}}, with no {@code input} for
	 * {@link CloseInput} and no {@code timestamp}.
	 * @param eventId the client-generated id the result will carry
	 * @param input the action's input
	 * @return the event
	 */
	public TaskEvent actionEvent(String eventId, ActionInput input) {
		ObjectNode payload = mapper().createObjectNode().put("name", input.action());
		if (!(input instanceof CloseInput)) {
			payload.set("input", mapper().valueToTree(input));
		}
		return new TaskEvent(input.eventName(), payload, eventId, null);
	}

	/**
	 * Sends a session action ({@link #actionEvent}); never repeated once it may have
	 * reached the server.
	 * @param taskId the session
	 * @param eventId the client-generated id the result will carry
	 * @param input the action's input
	 * @return completes when the server accepted it
	 */
	public Mono<Void> sendAction(String taskId, String eventId, ActionInput input) {
		return sendEvent(taskId, actionEvent(eventId, input), NOT_IDEMPOTENT);
	}

	/**
	 * {@code GET} of an absolute URL outside the API, such as the downloads archive,
	 * streamed. Sent without the {@code apikey} header (even on the API's host), through
	 * the same connections and timeouts; up to 5 redirects are followed. Not retried: a
	 * repeat after some bytes were written would corrupt the file.
	 * @param url the absolute http(s) URL
	 * @param taskId the task the file belongs to, for error messages
	 * @return the body; the subscriber must release every buffer (as
	 * {@code DataBufferUtils.write} does)
	 */
	public Flux<DataBuffer> download(URI url, @Nullable String taskId) {
		return this.transport.download(url, taskId);
	}

	/**
	 * Whether an exception is a typed API error with the given status.
	 * @param ex the exception
	 * @param status the status
	 * @return whether it matches
	 */
	public static boolean isStatus(Throwable ex, int status) {
		return ex instanceof SmoothApiException api && api.status() == status;
	}

}
