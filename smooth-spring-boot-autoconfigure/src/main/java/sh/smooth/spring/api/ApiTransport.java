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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;

import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.error.SmoothNetworkException;

/**
 * One call to the API: sent with its URI template (the {@code uri} tag of Boot's
 * {@code http.client.requests}), gated by its endpoint's 429 pause, retried by the
 * {@link RetryPolicy}, its {@code r} member unwrapped and its errors typed. Shared by
 * every endpoint of {@link SmoothApiClient}; thread-safe.
 */
final class ApiTransport {

	private static final byte[] EMPTY = new byte[0];

	private final WebClient webClient;

	private final JsonMapper mapper;

	private final RetryPolicy retry;

	private final Scheduler timer;

	private final ErrorMapper errors;

	/**
	 * One pause per endpoint (method and path template): a 429 pauses only the calls it
	 * limits, so a refused submit never holds up polls or tool answers.
	 */
	private final Map<String, RateGate> gates;

	ApiTransport(WebClient webClient, JsonMapper mapper, RetrySettings retry, Scheduler timer) {
		this(webClient, mapper, new RetryPolicy(retry, timer), timer, new ConcurrentHashMap<>());
	}

	private ApiTransport(WebClient webClient, JsonMapper mapper, RetryPolicy retry, Scheduler timer,
			Map<String, RateGate> gates) {
		this.webClient = webClient;
		this.mapper = mapper;
		this.retry = retry;
		this.timer = timer;
		this.errors = new ErrorMapper(mapper);
		this.gates = gates;
	}

	/**
	 * The same transport and 429 pauses, but no call is sent twice.
	 * @return the transport
	 */
	ApiTransport withoutRetries() {
		return new ApiTransport(this.webClient, this.mapper, this.retry.withoutRetries(), this.timer, this.gates);
	}

	/**
	 * A transport whose requests never leave the process: {@code exchange} answers them,
	 * no filter (the application's included) and no observation sees them, and their 429
	 * pauses are their own.
	 * @param exchange what answers the requests
	 * @return the transport
	 */
	ApiTransport offline(ExchangeFunction exchange) {
		WebClient local = this.webClient.mutate()
			.filters(List::clear)
			.exchangeFunction(exchange)
			.observationRegistry(ObservationRegistry.NOOP)
			.build();
		return new ApiTransport(local, this.mapper, this.retry, this.timer, new ConcurrentHashMap<>());
	}

	JsonMapper mapper() {
		return this.mapper;
	}

	RetrySettings retrySettings() {
		return this.retry.settings();
	}

	/**
	 * A call whose {@code r} member is returned as JSON.
	 * @param method the method
	 * @param uriTemplate the path template, relative to the base URL, without query
	 * @param uri finishes the URI from a builder made of the template (query, variables)
	 * @param body the body, or {@code null}
	 * @param taskId the task the call is about, for error messages
	 * @param safety whether it may be retried
	 * @return the {@code r} member (a JSON null node if absent)
	 */
	Mono<JsonNode> exchange(HttpMethod method, String uriTemplate, Function<UriBuilder, URI> uri,
			@Nullable BodyInserter<?, ? super ClientHttpRequest> body, @Nullable String taskId, CallSafety safety) {
		return call(method, uriTemplate, uri, body, taskId, safety).map(Reply::r);
	}

	/**
	 * One call, gated and retried as its safety allows; a success keeps its status and
	 * body beside the {@code r} member.
	 */
	Mono<Reply> call(HttpMethod method, String uriTemplate, Function<UriBuilder, URI> uri,
			@Nullable BodyInserter<?, ? super ClientHttpRequest> body, @Nullable String taskId, CallSafety safety) {
		Mono<Reply> once = Mono.defer(() -> {
			WebClient.RequestBodySpec spec = this.webClient.method(method).uri(uriTemplate, uri);
			WebClient.RequestHeadersSpec<?> request = (body != null) ? spec.body(body) : spec;
			return request.exchangeToMono((response) -> read(response, taskId));
		}).onErrorMap((ex) -> !(ex instanceof SmoothException), (ex) -> ErrorMapper.translate(ex, taskId));
		RateGate gate = this.gates.computeIfAbsent(method.name() + " " + uriTemplate, (key) -> new RateGate());
		// a cancel (shutdown, a caller giving up) must not land inside the delivery of a
		// response: see ConnectionLoop
		return ConnectionLoop.cancelOnConnectionLoop(gated(gate, once).retryWhen(this.retry.retriesOf(gate, safety)));
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
	<T> T convert(JsonNode node, Class<T> type, @Nullable String taskId) {
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

	/**
	 * Converts the {@code r} of a list endpoint: an array of items, or nothing (no
	 * {@code r}, or {@code null}) for an empty list.
	 */
	<T> List<T> convertList(JsonNode r, Class<T> type) {
		List<T> items = new ArrayList<>();
		if (r.isNull() || r.isMissingNode()) {
			return items;
		}
		if (!r.isArray()) {
			throw new SmoothNetworkException(
					"Unexpected response shape for a list of " + type.getSimpleName() + ": " + r.getNodeType(), null,
					null);
		}
		for (JsonNode item : r) {
			items.add(convert(item, type, null));
		}
		return items;
	}

	/**
	 * A JSON body written with the wire mapper, so the application's Jackson settings
	 * (such as leaving out nulls) never change what the API receives.
	 */
	BodyInserter<byte[], ? super ClientHttpRequest> json(Object value) {
		return RequestBodies.json(this.mapper, value);
	}

	Flux<DataBuffer> download(URI url, @Nullable String taskId) {
		return Downloads.fetch(this.webClient, this.errors, url, taskId);
	}

	private Mono<Reply> read(ClientResponse response, @Nullable String taskId) {
		int status = response.statusCode().value();
		if (response.statusCode().is2xxSuccessful()) {
			return response.bodyToMono(byte[].class)
				.map((bytes) -> new Reply(status, unwrap(bytes, taskId), bytes))
				.defaultIfEmpty(new Reply(status, this.mapper.nullNode(), EMPTY));
		}
		String retryAfter = response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER);
		return ErrorMapper.errorText(response)
			.flatMap((text) -> Mono
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
			// broken connection, so idempotent calls are repeated
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

	/**
	 * A successful response: its status, its {@code r} member (a JSON null node when
	 * absent) and the body it came in.
	 */
	record Reply(int status, JsonNode r, byte[] body) {
	}

}
