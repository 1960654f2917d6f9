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

package sh.smooth.spring.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.ExchangeFunctions;
import org.springframework.web.reactive.function.client.ExchangeStrategies;

import sh.smooth.spring.api.CallSafety;
import sh.smooth.spring.api.ConnectionSettings;
import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.api.SmoothResources;
import sh.smooth.spring.api.SmoothWebClients;
import sh.smooth.spring.api.TaskEvent;
import sh.smooth.spring.api.TaskRequest;
import sh.smooth.spring.schema.SmoothSchemaGenerator;

/**
 * Does the one-time work of the first call when the context starts, so the first task is
 * not the one that pays for it: Reactor Netty's event loops, resolver and native
 * transport ({@link HttpClient#warmup()}), the polling scheduler's threads, the schema
 * generator, and one submit, one poll and one event answer through the client's codecs,
 * wire mapper and retry operators and through Reactor Netty's connection pool, channel
 * pipeline and HTTP codec. Those three calls never reach Smooth: they go to a
 * {@link LoopbackSmooth} server of the warm-up's own on 127.0.0.1, through a copy of the
 * client that has no filter (so no API key, and none of the application's filters) and no
 * observation, on a connector built like the client's but without the application's
 * connector customizers (one could add a proxy). No DNS name is resolved. When no
 * loopback server can start, the calls are answered in the process instead
 * ({@linkplain SmoothApiClient#offline offline}), which warms everything but the
 * connector.
 * <p>
 * The work runs in {@link #start()}, before the application's runners, and is bounded:
 * after {@link #bound} it stops where it is and startup goes on. A failure is logged at
 * DEBUG and never fails startup.
 */
final class SmoothWarmUp implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(SmoothWarmUp.class);

	/** The body of a submit with every kind of member, read and then written. */
	private static final String REQUEST = """
			{"task":"warm up","response_model":{"type":"object"},"url":null,"metadata":{"k":"v"},
			"files":["f"],"agent":"smooth","max_steps":32,"device":"desktop","allowed_urls":["https://a"],
			"enable_recording":true,"use_stealth":true,"profile_id":null,"profile_read_only":false,
			"stealth_mode":true,"proxy_server":null,"proxy_username":null,"proxy_password":null,
			"certificates":null,"use_adblock":true,"use_captcha_solver":true,"additional_tools":null,
			"custom_tools":[{"name":"warmUp","description":"d","inputs":{"type":"object"},"output":"o"}],
			"experimental_features":null,"extensions":null,"show_cursor":false}""";

	private final SmoothApiClient api;

	private final SmoothResources resources;

	private final SmoothSchemaGenerator schemas;

	private final ClientHttpConnector connector;

	private final ExchangeStrategies strategies;

	private final Duration bound;

	private final Loopbacks loopbacks;

	private volatile List<String> loopbackRequests = List.of();

	private volatile boolean running;

	private volatile long tookMillis = -1;

	private volatile int stepsDone;

	SmoothWarmUp(SmoothApiClient api, SmoothResources resources, SmoothSchemaGenerator schemas,
			ClientHttpConnector connector, ConnectionSettings connection, Duration bound) {
		this(api, resources, schemas, connector, connection, bound, LoopbackSmooth::start);
	}

	/**
	 * Creates the warm-up with what starts its loopback server (tests make it fail).
	 */
	SmoothWarmUp(SmoothApiClient api, SmoothResources resources, SmoothSchemaGenerator schemas,
			ClientHttpConnector connector, ConnectionSettings connection, Duration bound, Loopbacks loopbacks) {
		this.loopbacks = loopbacks;
		this.api = api;
		this.resources = resources;
		this.schemas = schemas;
		this.connector = connector;
		this.strategies = ExchangeStrategies.builder().codecs(SmoothWebClients.codecs(connection)).build();
		this.bound = bound;
	}

	@Override
	public void start() {
		this.running = true;
		long start = System.nanoTime();
		long deadline = start + this.bound.toNanos();
		AtomicInteger done = new AtomicInteger();
		List<Step> steps = List.of(
				new Step("Reactor Netty",
						() -> HttpClient.create(this.resources.connectionProvider()).warmup().block(left(deadline))),
				new Step("the polling scheduler",
						() -> Mono.delay(Duration.ZERO, this.resources.scheduler()).block(left(deadline))),
				new Step("a submit, a poll and an answer", () -> calls(deadline)),
				new Step("the schema generator", () -> this.schemas.schemaFor(Shape.class)));
		StringBuilder times = new StringBuilder();
		for (Step step : steps) {
			if (System.nanoTime() >= deadline) {
				break;
			}
			long stepStart = System.nanoTime();
			try {
				step.work().run();
				done.incrementAndGet();
				times.append((times.length() > 0) ? ", " : "")
					.append(step.name())
					.append(' ')
					.append(Duration.ofNanos(System.nanoTime() - stepStart).toMillis())
					.append(" ms");
			}
			catch (RuntimeException ex) {
				if (logger.isDebugEnabled()) {
					logger.debug("Smooth warm-up: " + step.name() + " failed (the first call will do it): " + ex);
				}
			}
		}
		this.stepsDone = done.get();
		this.tookMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		if (logger.isDebugEnabled()) {
			logger.debug("Smooth warm-up: " + done.get() + " of " + steps.size() + " steps in " + this.tookMillis
					+ " ms (bound " + this.bound.toMillis() + " ms): " + times);
		}
	}

	private void calls(long deadline) {
		LoopbackSmooth loopback;
		try {
			loopback = this.loopbacks.start();
		}
		catch (IOException | LinkageError ex) {
			// no jdk.httpserver module, or no loopback port: warm all but the connector
			if (logger.isDebugEnabled()) {
				logger.debug("Smooth warm-up: no loopback server (" + ex + "), the calls are answered in the process");
			}
			calls(this.api.offline((request) -> Mono.just(answer(request))), deadline);
			return;
		}
		try (loopback) {
			ExchangeFunction exchange = ExchangeFunctions.create(this.connector, this.strategies);
			URI target = loopback.uri();
			// the copy has no filters, so no API key; the headers go anyway in case a
			// default header carries one
			calls(this.api.offline((request) -> exchange
				.exchange(ClientRequest.from(request).url(redirect(request.url(), target)).headers((headers) -> {
					headers.remove("apikey");
					headers.remove(HttpHeaders.AUTHORIZATION);
				}).build())), deadline);
		}
		finally {
			this.loopbackRequests = loopback.requests();
		}
	}

	private void calls(SmoothApiClient client, long deadline) {
		TaskRequest request = this.api.mapper().readValue(REQUEST, TaskRequest.class);
		client.createTask(request).block(left(deadline));
		client.getTask("warm-up", 0).block(left(deadline));
		client
			.sendEvent("warm-up", TaskEvent.toolResponse("e1", 200, this.api.mapper().nullNode()),
					CallSafety.IDEMPOTENT)
			.block(left(deadline));
	}

	/** The same path and query on the loopback server: nothing reaches the real host. */
	private static URI redirect(URI url, URI target) {
		String query = (url.getRawQuery() != null) ? "?" + url.getRawQuery() : "";
		return URI.create(target + url.getRawPath() + query);
	}

	private static ClientResponse answer(ClientRequest request) {
		return ClientResponse.create(HttpStatus.OK)
			.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.body(LoopbackSmooth.body(request.method().name(), request.url().getPath()))
			.build();
	}

	private static Duration left(long deadline) {
		return Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
	}

	/**
	 * How long the warm-up took.
	 * @return the milliseconds, or -1 before it ran
	 */
	long tookMillis() {
		return this.tookMillis;
	}

	/**
	 * What the loopback server received, as {@code METHOD path with|without a key}.
	 * @return the requests, empty when the calls were answered in the process
	 */
	List<String> loopbackRequests() {
		return this.loopbackRequests;
	}

	/**
	 * How many of its steps the warm-up completed.
	 * @return the number, 4 when all did
	 */
	int stepsDone() {
		return this.stepsDone;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// before the default phase of web servers and message listeners: the client is
		// warm before anything can call it
		return SmartLifecycle.DEFAULT_PHASE - 1024;
	}

	private record Step(String name, Runnable work) {
	}

	/**
	 * Starts the loopback server.
	 */
	@FunctionalInterface
	interface Loopbacks {

		LoopbackSmooth start() throws IOException;

	}

	/**
	 * A small structured-output type whose schema loads the generator.
	 *
	 * @param title a string
	 * @param count a number
	 * @param tags a list
	 */
	record Shape(String title, int count, List<String> tags) {
	}

}
