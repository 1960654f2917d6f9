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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;

import sh.smooth.spring.api.CallSafety;
import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.api.SmoothResources;
import sh.smooth.spring.api.TaskEvent;
import sh.smooth.spring.api.TaskRequest;
import sh.smooth.spring.schema.SmoothSchemaGenerator;

/**
 * Does the one-time work of the first call when the context starts, so the first task is
 * not the one that pays for it: Reactor Netty's event loops, resolver and native
 * transport ({@link HttpClient#warmup()}), the polling scheduler's threads, the schema
 * generator, and one submit, one poll and one event answer run through the client's
 * codecs, wire mapper and retry operators. Those calls never leave the process: an
 * {@linkplain SmoothApiClient#offline offline copy} of the client answers them with
 * canned responses, and no filter (the application's included) and no observation sees
 * them. Nothing is sent to Smooth, no DNS name is resolved, no connection is opened.
 * <p>
 * The work runs in {@link #start()}, before the application's runners, and is bounded:
 * after {@link #bound} it stops where it is and startup goes on. A failure is logged at
 * DEBUG and never fails startup.
 */
final class SmoothWarmUp implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(SmoothWarmUp.class);

	/**
	 * A task as POST /task and GET /task/{id} return it, with a tool call and a result.
	 */
	private static final String TASK = """
			{"r":{"id":"warm-up","status":"running","output":null,"credits_used":0,"device":"desktop",
			"live_url":null,"recording_url":null,"downloads_url":null,
			"events":[{"name":"tool_call","id":"e1","timestamp":1,"payload":{"name":"warmUp","input":{"a":1}}},
			{"name":"browser_action","id":"e2","timestamp":2,"payload":{"code":200,"output":{"title":"t"}}}]}}""";

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

	private final Duration bound;

	private volatile boolean running;

	private volatile long tookMillis = -1;

	private volatile int stepsDone;

	SmoothWarmUp(SmoothApiClient api, SmoothResources resources, SmoothSchemaGenerator schemas, Duration bound) {
		this.api = api;
		this.resources = resources;
		this.schemas = schemas;
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
		for (Step step : steps) {
			if (System.nanoTime() >= deadline) {
				break;
			}
			try {
				step.work().run();
				done.incrementAndGet();
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
					+ " ms (bound " + this.bound.toMillis() + " ms)");
		}
	}

	private void calls(long deadline) {
		SmoothApiClient offline = this.api.offline((request) -> Mono.just(answer(request)));
		TaskRequest request = this.api.mapper().readValue(REQUEST, TaskRequest.class);
		offline.createTask(request).block(left(deadline));
		offline.getTask("warm-up", 0).block(left(deadline));
		offline
			.sendEvent("warm-up", TaskEvent.toolResponse("e1", 200, this.api.mapper().nullNode()),
					CallSafety.IDEMPOTENT)
			.block(left(deadline));
	}

	private static ClientResponse answer(ClientRequest request) {
		String body = (request.method() == HttpMethod.POST && request.url().getPath().endsWith("/event"))
				? "{\"r\":null}" : TASK;
		return ClientResponse.create(HttpStatus.OK)
			.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.body(body)
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
	 * A small structured-output type whose schema loads the generator.
	 *
	 * @param title a string
	 * @param count a number
	 * @param tags a list
	 */
	record Shape(String title, int count, List<String> tags) {
	}

}
