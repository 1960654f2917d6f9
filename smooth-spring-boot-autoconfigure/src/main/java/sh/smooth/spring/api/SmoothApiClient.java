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

import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.netty.handler.timeout.ReadTimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriBuilder;

import sh.smooth.spring.error.Redaction;
import sh.smooth.spring.error.SmoothApiException;
import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.error.SmoothNetworkException;
import sh.smooth.spring.error.SmoothProtocolException;
import sh.smooth.spring.error.SmoothRateLimitException;
import sh.smooth.spring.error.SmoothServerException;
import sh.smooth.spring.error.SmoothTimeoutException;
import sh.smooth.spring.task.TaskStatus;

/**
 * The Smooth HTTP API as non-blocking calls. Unwraps the {@code r} envelope, maps errors
 * to typed exceptions, and retries only what is safe to repeat (see {@link CallSafety}).
 * A 429 with {@code Retry-After} on a call that is retried pauses the calls to the same
 * endpoint (all polls, or all event posts, or all cancels), for at most
 * {@link RetrySettings#maxRetryAfter()}; a call that is not retried (a submit, a session
 * action) reports its 429 to its caller and pauses nothing. Thread-safe; one instance
 * serves every task.
 */
public final class SmoothApiClient {

	private static final Log logger = LogFactory.getLog(SmoothApiClient.class);

	private static final int MAX_REDIRECTS = 5;

	/** The longest body excerpt kept on an exception. */
	private static final int MAX_RAW_BODY = 4096;

	private static final byte[] EMPTY = new byte[0];

	private final WebClient webClient;

	private final JsonMapper mapper;

	private final RetrySettings retry;

	private final Scheduler timer;

	private final ErrorMapper errors;

	/**
	 * One pause per endpoint (method and path template): a 429 pauses only the calls it
	 * limits, so a refused submit never holds up polls or tool answers.
	 */
	private final Map<String, RateGate> gates = new ConcurrentHashMap<>();

	/**
	 * Creates a client.
	 * @param webClient a WebClient configured by {@link SmoothWebClients} (base URL, key,
	 * timeouts)
	 * @param mapper the JSON mapper for the wire
	 * @param retry the retry settings
	 * @param timer the scheduler that times retry backoffs
	 */
	public SmoothApiClient(WebClient webClient, JsonMapper mapper, RetrySettings retry, Scheduler timer) {
		this.webClient = webClient;
		this.mapper = mapper;
		this.retry = retry;
		this.timer = timer;
		this.errors = new ErrorMapper(mapper);
	}

	/**
	 * The JSON mapper used on the wire.
	 * @return the mapper
	 */
	public JsonMapper mapper() {
		return this.mapper;
	}

	/**
	 * The retry settings, including the bound of {@code Retry-After} pauses that any
	 * retry loop built on this client should share.
	 * @return the settings
	 */
	public RetrySettings retrySettings() {
		return this.retry;
	}

	/**
	 * {@code POST /task}: submits a task or opens a session. Never repeated once it may
	 * have reached the server.
	 * @param request the body
	 * @return the created task
	 */
	public Mono<TaskResponse> createTask(TaskRequest request) {
		return call(HttpMethod.POST, "/task", (uri) -> uri.build(), json(request), null, CallSafety.NOT_IDEMPOTENT)
			.map(this::createdTask);
	}

	/**
	 * The task a {@code POST /task} created. Only {@code r.id} is required (reference
	 * 3.2); without it the task, if the server made one, cannot be followed.
	 */
	private TaskResponse createdTask(Reply reply) {
		JsonNode r = reply.r();
		if (!r.isObject()) {
			String problem = (reply.body().length == 0) ? "an empty body"
					: (r.isNull() || r.isMissingNode()) ? "no task in its \"r\" member"
							: "\"r\" is " + r.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not a task";
			throw protocolError(reply, problem, null);
		}
		JsonNode id = r.get("id");
		if (id == null || !id.isString() || id.asString().isBlank()) {
			throw protocolError(reply, "the created task has no id", null);
		}
		JsonNode status = r.get("status");
		if (status == null || !status.isString()) {
			// only r.id is required of a submit's answer; its status is read by the polls
			r = ((ObjectNode) r.deepCopy()).put("status", TaskStatus.WAITING.value());
		}
		return convert(r, TaskResponse.class, null);
	}

	private SmoothProtocolException protocolError(Reply reply, String problem, @Nullable String taskId) {
		String text = new String(reply.body(), StandardCharsets.UTF_8);
		return new SmoothProtocolException(reply.status(),
				"Smooth answered POST /task with " + reply.status() + " but " + problem
						+ "; a task may have been created that cannot be followed without its id",
				taskId, (text.length() > MAX_RAW_BODY) ? text.substring(0, MAX_RAW_BODY) : text);
	}

	/**
	 * {@code GET /task/{id}?event_t=}: the task and the events after {@code eventT}.
	 * @param taskId the task
	 * @param eventT the last event timestamp seen, 0 for all
	 * @return the task
	 */
	public Mono<TaskResponse> getTask(String taskId, long eventT) {
		return exchange(HttpMethod.GET, "/task/{id}", (uri) -> uri.queryParam("event_t", eventT).build(taskId), null,
				taskId, CallSafety.IDEMPOTENT)
			.map((r) -> convert(r, TaskResponse.class, taskId));
	}

	/**
	 * {@code GET /task/{id}}, optionally with {@code downloads=true}.
	 * @param taskId the task
	 * @param downloads whether to ask for the downloads archive
	 * @return the task
	 */
	public Mono<TaskResponse> getTask(String taskId, boolean downloads) {
		return exchange(HttpMethod.GET, "/task/{id}", (uri) -> {
			if (downloads) {
				uri.queryParam("downloads", "true");
			}
			return uri.build(taskId);
		}, null, taskId, CallSafety.IDEMPOTENT).map((r) -> convert(r, TaskResponse.class, taskId));
	}

	/**
	 * {@code DELETE /task/{id}}: cancels a task or force-closes a session. The server
	 * answers 404 for a task that has already ended (and for one it does not know); for a
	 * task the caller holds that means "already ended", which is what a cancel or close
	 * wants, so a 404 is not an error here: it completes with {@code false}.
	 * @param taskId the task
	 * @return {@code true} when the server accepted the cancel, {@code false} when it
	 * answered 404 because the task had already ended
	 */
	public Mono<Boolean> cancelTask(String taskId) {
		return exchange(HttpMethod.DELETE, "/task/{id}", (uri) -> uri.build(taskId), null, taskId,
				CallSafety.IDEMPOTENT)
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
		return exchange(HttpMethod.POST, "/task/{id}/event", (uri) -> uri.build(taskId), json(event), taskId, safety)
			.then();
	}

	/**
	 * A call whose {@code r} member is returned as JSON. The building block for the
	 * resource endpoints (profiles, files, extensions, task listing).
	 * @param method the method
	 * @param uri builds the path and query from the base URL
	 * @param body the body, or {@code null}
	 * @param taskId the task the call is about, for error messages
	 * @param safety whether it may be retried
	 * @return the {@code r} member (a JSON null node if absent)
	 */
	public Mono<JsonNode> exchange(HttpMethod method, Function<UriBuilder, URI> uri,
			@Nullable BodyInserter<?, ? super ClientHttpRequest> body, @Nullable String taskId, CallSafety safety) {
		return exchange(method, null, uri, body, taskId, safety);
	}

	/**
	 * A call whose {@code r} member is returned as JSON, with a path template. The
	 * template (such as {@code /task/{id}}) becomes the {@code uri} tag of Boot's
	 * {@code http.client.requests} observation, so ids and query values never do.
	 * @param method the method
	 * @param uriTemplate the path template, relative to the base URL, without query
	 * @param uri finishes the URI from a builder made of the template (query, variables)
	 * @param body the body, or {@code null}
	 * @param taskId the task the call is about, for error messages
	 * @param safety whether it may be retried
	 * @return the {@code r} member (a JSON null node if absent)
	 */
	public Mono<JsonNode> exchange(HttpMethod method, @Nullable String uriTemplate, Function<UriBuilder, URI> uri,
			@Nullable BodyInserter<?, ? super ClientHttpRequest> body, @Nullable String taskId, CallSafety safety) {
		return call(method, uriTemplate, uri, body, taskId, safety).map(Reply::r);
	}

	/**
	 * One call, gated and retried as its safety allows; a success keeps its status and
	 * body beside the {@code r} member.
	 */
	private Mono<Reply> call(HttpMethod method, @Nullable String uriTemplate, Function<UriBuilder, URI> uri,
			@Nullable BodyInserter<?, ? super ClientHttpRequest> body, @Nullable String taskId, CallSafety safety) {
		Mono<Reply> once = Mono.defer(() -> {
			WebClient.RequestBodySpec spec = (uriTemplate != null) ? this.webClient.method(method).uri(uriTemplate, uri)
					: this.webClient.method(method).uri(uri);
			WebClient.RequestHeadersSpec<?> request = (body != null) ? spec.body(body) : spec;
			return request.exchangeToMono((response) -> read(response, taskId));
		}).onErrorMap((ex) -> !(ex instanceof SmoothException), (ex) -> translate(ex, taskId));
		RateGate gate = this.gates.computeIfAbsent(scope(method, uriTemplate), (key) -> new RateGate());
		// a cancel (shutdown, a caller giving up) must not land inside the delivery of a
		// response: see ConnectionLoop
		return ConnectionLoop.cancelOnConnectionLoop(gated(gate, once).retryWhen(retrySpec(gate, safety)));
	}

	/**
	 * What a 429 on this call limits: its endpoint. Calls without a template (resource
	 * management) share one scope per method.
	 */
	private static String scope(HttpMethod method, @Nullable String uriTemplate) {
		return method.name() + " " + ((uriTemplate != null) ? uriTemplate : "(resources)");
	}

	/**
	 * Converts JSON to a type with the wire mapper, mapping failures to a typed
	 * exception.
	 * @param <T> the type
	 * @param node the JSON
	 * @param type the type
	 * @param taskId the task, for messages
	 * @return the value, never {@code null}: a missing or {@code null} value is an
	 * unexpected response shape too
	 */
	public <T> T convert(JsonNode node, Class<T> type, @Nullable String taskId) {
		T value;
		try {
			value = this.mapper.treeToValue(node, type);
		}
		catch (JacksonException ex) {
			throw new SmoothNetworkException(
					"Unexpected response shape for " + type.getSimpleName() + ": " + ex.getOriginalMessage(), taskId,
					ex);
		}
		if (value == null) {
			// no "r" member, an empty body or "r": null, where the protocol promises an
			// object
			throw new SmoothNetworkException("Unexpected response shape for " + type.getSimpleName()
					+ ": no value (empty body, or no 'r' member)", taskId, null);
		}
		return value;
	}

	private BodyInserter<byte[], ? super ClientHttpRequest> json(Object value) {
		byte[] bytes = this.mapper.writeValueAsBytes(value);
		return (outputMessage, context) -> {
			outputMessage.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			return BodyInserters.fromValue(bytes).insert(outputMessage, context);
		};
	}

	private Mono<Reply> read(ClientResponse response, @Nullable String taskId) {
		int status = response.statusCode().value();
		if (response.statusCode().is2xxSuccessful()) {
			return response.bodyToMono(byte[].class)
				.map((bytes) -> new Reply(status, unwrap(bytes, taskId), bytes))
				.defaultIfEmpty(new Reply(status, this.mapper.nullNode(), EMPTY));
		}
		String retryAfter = response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER);
		return errorText(response).flatMap((text) -> Mono
			.error(this.errors.toException(status, text, retryAfter, taskId, response.request().getURI())));
	}

	private JsonNode unwrap(byte[] bytes, @Nullable String taskId) {
		if (bytes.length == 0) {
			return this.mapper.nullNode();
		}
		try {
			JsonNode root = this.mapper.readTree(bytes);
			JsonNode r = (root != null) ? root.get("r") : null;
			return (r != null) ? r : this.mapper.nullNode();
		}
		catch (JacksonException ex) {
			// a 2xx body that is not JSON (truncated, or a proxy page): treat it like a
			// broken
			// connection, so idempotent calls are repeated
			throw new SmoothNetworkException(
					"Unreadable JSON in a successful response (" + bytes.length + " bytes): " + ex.getOriginalMessage(),
					taskId, ex);
		}
	}

	private Mono<Reply> gated(RateGate gate, Mono<Reply> call) {
		return Mono.defer(() -> {
			Duration wait = gate.remaining();
			return wait.isZero() ? call : Mono.delay(wait, this.timer).then(call);
		});
	}

	private Retry retrySpec(RateGate gate, CallSafety safety) {
		return Retry.from((signals) -> signals.concatMap((signal) -> {
			Throwable failure = signal.failure();
			long attempt = signal.totalRetries() + 1;
			if (failure instanceof SmoothRateLimitException limited && isRetryable(failure, safety)) {
				// only a call that is retried pauses its endpoint, for at most
				// max-retry-after; a refused submit or action goes to its caller at once
				// and pauses nothing
				limited.retryAfter().map(this.retry::pauseFor).ifPresent(gate::closeFor);
			}
			if (attempt >= this.retry.maxAttempts() || !isRetryable(failure, safety)) {
				// the companion's error ends the retries and reaches the caller as is
				return Mono.error(failure);
			}
			Duration delay = backoff(attempt, failure);
			if (logger.isDebugEnabled()) {
				logger.debug("Retrying Smooth call after " + failure.getClass().getSimpleName() + " (attempt "
						+ (attempt + 1) + " of " + this.retry.maxAttempts() + ", in " + delay.toMillis() + " ms)");
			}
			return Mono.delay(delay, this.timer);
		}));
	}

	static boolean isRetryable(Throwable failure, CallSafety safety) {
		if (safety == CallSafety.NOT_IDEMPOTENT) {
			return failure instanceof SmoothNetworkException && hasCause(failure, ConnectException.class);
		}
		return failure instanceof SmoothServerException || failure instanceof SmoothRateLimitException
				|| failure instanceof SmoothNetworkException || failure instanceof SmoothTimeoutException;
	}

	private Duration backoff(long attempt, Throwable failure) {
		if (failure instanceof SmoothRateLimitException limited && limited.retryAfter().isPresent()) {
			// the rest of the advertised wait, if longer, is spent at the gate
			Duration asked = this.retry.pauseFor(limited.retryAfter().get());
			return (asked.compareTo(this.retry.maxBackoff()) > 0) ? this.retry.maxBackoff() : asked;
		}
		long base = this.retry.initialBackoff().toMillis() << Math.min(20, attempt - 1);
		long capped = Math.min(base, this.retry.maxBackoff().toMillis());
		// "equal jitter": half fixed, half random, so many clients do not retry in
		// lockstep
		long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
		return Duration.ofMillis(jittered);
	}

	private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	private static SmoothException translate(Throwable ex, @Nullable String taskId) {
		if (hasCause(ex, ReadTimeoutException.class) || hasCause(ex, TimeoutException.class)) {
			return new SmoothTimeoutException("No response from Smooth within the read timeout"
					+ ((taskId != null) ? " (task " + taskId + ")" : ""), taskId, null, ex);
		}
		if (ex instanceof WebClientRequestException || hasCause(ex, java.io.IOException.class)) {
			return new SmoothNetworkException("Request to Smooth failed: " + rootMessage(ex), taskId, ex);
		}
		return new SmoothNetworkException("Smooth call failed: " + rootMessage(ex), taskId, ex);
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return root.getClass().getSimpleName() + ((message != null) ? ": " + Redaction.text(message) : "");
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

	/**
	 * {@code GET} of an absolute URL outside the Smooth API, such as the downloads
	 * archive, streamed as buffers. The request goes through the same connection pool and
	 * timeouts but through none of the client's filters, so it never carries the
	 * {@code apikey} header, even when the URL is on the API's host. Up to 5 redirects
	 * are followed. Not retried: a repeat after some bytes were written would corrupt the
	 * file.
	 * @param url the absolute http(s) URL
	 * @param taskId the task the file belongs to, for error messages
	 * @return the body; the subscriber must release every buffer (as
	 * {@code DataBufferUtils.write} does)
	 */
	public Flux<DataBuffer> download(URI url, @Nullable String taskId) {
		WebClient plain = this.webClient.mutate().filters(List::clear).build();
		return fetch(plain, url, taskId, MAX_REDIRECTS);
	}

	private Flux<DataBuffer> fetch(WebClient client, URI url, @Nullable String taskId, int redirectsLeft) {
		return client.get().uri(url).exchangeToFlux((response) -> {
			URI location = response.headers().asHttpHeaders().getLocation();
			if (response.statusCode().is3xxRedirection() && location != null && redirectsLeft > 0) {
				URI next = url.resolve(location);
				return response.releaseBody()
					.thenMany(Flux.defer(() -> fetch(client, next, taskId, redirectsLeft - 1)));
			}
			if (response.statusCode().is2xxSuccessful()) {
				return response.bodyToFlux(DataBuffer.class);
			}
			int status = response.statusCode().value();
			return errorText(response).flatMapMany((text) -> {
				SmoothApiException mapped = this.errors.toException(status, text, null, taskId);
				// only the host: the query of a signed URL is a credential
				return Flux.error(new SmoothApiException(status,
						"fetching the file from " + url.getHost() + " failed: " + mapped.detail(), taskId,
						mapped.rawBody()));
			});
		}).onErrorMap((ex) -> !(ex instanceof SmoothException), (ex) -> translate(ex, taskId));
	}

	/**
	 * The text of an error body. Read as bytes, not with the String decoder, which logs
	 * the whole text at DEBUG: a 422 body echoes the rejected input, secrets included.
	 */
	private static Mono<String> errorText(ClientResponse response) {
		Charset charset = response.headers().contentType().map(MediaType::getCharset).orElse(StandardCharsets.UTF_8);
		return response.bodyToMono(byte[].class).map((bytes) -> new String(bytes, charset)).defaultIfEmpty("");
	}

	/**
	 * A successful response: its status, its {@code r} member (a JSON null node when
	 * absent) and the body it came in.
	 */
	private record Reply(int status, JsonNode r, byte[] body) {
	}

}
