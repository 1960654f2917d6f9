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

package sh.smooth.spring.support;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;

import sh.smooth.spring.SmoothTemplate;
import sh.smooth.spring.api.SmoothApiClient;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A WireMock server on a free port, as one {@code static} field per test class, and a
 * real client against it ({@link SmoothTestClients}: WebClient, retries, polling), made
 * before each test and closed after it:
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static SmoothWireMock wm = new SmoothWireMock();
 *
 * &#64;Test
 * void submits() {
 *     wm.stubFor(post("/api/v1/task").willReturn(okJson(...)));
 *     wm.template().submit("x");
 * }
 * </pre>
 *
 * Stubs and recorded requests are reset after each test, as with a plain
 * {@link WireMockExtension}. Each test also gets its own {@link #taskId() task id}, so a
 * poll still in flight from the previous test cannot disturb it.
 */
public final class SmoothWireMock extends WireMockExtension {

	private static final AtomicInteger counter = new AtomicInteger();

	private final Function<String, SmoothTestClients> clientFactory;

	private SmoothTestClients clients;

	private String taskId;

	/**
	 * A server and the default test client ({@link SmoothTestClients#create(String)}).
	 */
	public SmoothWireMock() {
		this(SmoothTestClients::create);
	}

	/**
	 * A server and a client of the given kind.
	 * @param clientFactory makes the client from the API base URL
	 */
	public SmoothWireMock(Function<String, SmoothTestClients> clientFactory) {
		super(WireMockExtension.extensionOptions().options(wireMockConfig().dynamicPort()));
		this.clientFactory = clientFactory;
	}

	@Override
	protected void onBeforeEach(WireMockRuntimeInfo info) {
		this.taskId = "task-" + counter.incrementAndGet();
		this.clients = this.clientFactory.apply(apiBaseUrl());
	}

	@Override
	protected void onAfterEach(WireMockRuntimeInfo info) {
		if (this.clients != null) {
			this.clients.close();
			this.clients = null;
		}
	}

	/**
	 * The API base URL on this server, {@code <server>/api/v1}.
	 * @return the URL
	 */
	public String apiBaseUrl() {
		return baseUrl() + "/api/v1";
	}

	/**
	 * The client of the current test.
	 * @return the clients
	 */
	public SmoothTestClients clients() {
		if (this.clients == null) {
			throw new IllegalStateException("The Smooth test client exists only while a test runs");
		}
		return this.clients;
	}

	/**
	 * The template of the current test's client.
	 * @return the template
	 */
	public SmoothTemplate template() {
		return clients().template();
	}

	/**
	 * The API client of the current test's client.
	 * @return the API client
	 */
	public SmoothApiClient api() {
		return clients().api();
	}

	/**
	 * A task id of the current test alone.
	 * @return the id, such as {@code task-7}
	 */
	public String taskId() {
		return this.taskId;
	}

}
