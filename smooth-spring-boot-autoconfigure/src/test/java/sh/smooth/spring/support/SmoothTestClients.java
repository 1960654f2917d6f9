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

import java.net.URI;
import java.time.Duration;
import java.util.List;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import sh.smooth.spring.SmoothTemplate;
import sh.smooth.spring.api.ConnectionSettings;
import sh.smooth.spring.api.RetrySettings;
import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.api.SmoothApiKey;
import sh.smooth.spring.api.SmoothResources;
import sh.smooth.spring.api.SmoothWebClients;
import sh.smooth.spring.polling.PollingEngine;
import sh.smooth.spring.polling.PollingSettings;
import sh.smooth.spring.schema.SmoothSchemaGenerator;
import sh.smooth.spring.task.TaskDefaults;
import sh.smooth.spring.task.TaskRequests;
import sh.smooth.spring.task.TaskSupport;

/**
 * Builds a real client (WebClient, retries, polling) against a test server, without a
 * Spring context. Close it after the test.
 */
public final class SmoothTestClients implements AutoCloseable {

	/** The key tests send. */
	public static final String API_KEY = "test-key-0123456789";

	private final SmoothResources resources;

	private final SmoothApiClient api;

	private final PollingEngine engine;

	private final SmoothTemplate template;

	/** The waiting bounds of the template, unless a test gives its own. */
	public static final SmoothTemplate.Timeouts TIMEOUTS = new SmoothTemplate.Timeouts(Duration.ofSeconds(20),
			Duration.ofSeconds(5), Duration.ofSeconds(10));

	private SmoothTestClients(String baseUrl, RetrySettings retry, PollingSettings polling, Duration readTimeout,
			List<TaskSupport> supports) {
		this(baseUrl, retry, polling, readTimeout, supports, API_KEY, TIMEOUTS);
	}

	private SmoothTestClients(String baseUrl, RetrySettings retry, PollingSettings polling, Duration readTimeout,
			List<TaskSupport> supports, String apiKey, SmoothTemplate.Timeouts timeouts) {
		this.resources = new SmoothResources(2, 100);
		ConnectionSettings connection = new ConnectionSettings(URI.create(baseUrl), SmoothApiKey.of(apiKey),
				Duration.ofSeconds(2), readTimeout, DataSize.ofMegabytes(16));
		WebClient webClient = SmoothWebClients
			.configure(WebClient.builder(), connection, this.resources.connectionProvider())
			.build();
		JsonMapper mapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		this.api = new SmoothApiClient(webClient, mapper, retry, this.resources.scheduler());
		this.engine = new PollingEngine(this.api, polling, this.resources.scheduler());
		this.template = new SmoothTemplate(this.api, this.engine,
				new TaskRequests(TaskDefaults.SDK_DEFAULTS, new SmoothSchemaGenerator(), mapper),
				new OutputConverter(mapper), supports, timeouts);
	}

	/**
	 * A client with fast retries and polling, for tests; failed polls are not tolerated.
	 * @param baseUrl the server base URL
	 * @return the clients
	 */
	public static SmoothTestClients create(String baseUrl) {
		return create(baseUrl, List.of());
	}

	/**
	 * A client with fast retries and polling and the given task supports. A poll that
	 * fails after the retries fails its waiters at once (failure tolerance 0), so tests
	 * of failures need not wait out the default minute.
	 * @param baseUrl the server base URL
	 * @param supports the supports
	 * @return the clients
	 */
	public static SmoothTestClients create(String baseUrl, List<TaskSupport> supports) {
		return new SmoothTestClients(baseUrl, new RetrySettings(3, Duration.ofMillis(20), Duration.ofMillis(100)),
				new PollingSettings(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(50), 1.5, 0,
						Duration.ZERO),
				Duration.ofSeconds(5), supports);
	}

	/**
	 * A client without an API key.
	 * @param baseUrl the server base URL
	 * @return the clients
	 */
	public static SmoothTestClients createWithoutKey(String baseUrl) {
		return new SmoothTestClients(baseUrl, new RetrySettings(3, Duration.ofMillis(20), Duration.ofMillis(100)),
				PollingSettings.DEFAULTS, Duration.ofSeconds(5), List.of(), null, TIMEOUTS);
	}

	/**
	 * A client with fast retries and polling and the given waiting bounds, such as a call
	 * timeout shorter than a slow server.
	 * @param baseUrl the server base URL
	 * @param timeouts the template's waiting bounds
	 * @return the clients
	 */
	public static SmoothTestClients create(String baseUrl, SmoothTemplate.Timeouts timeouts) {
		return new SmoothTestClients(baseUrl, new RetrySettings(3, Duration.ofMillis(20), Duration.ofMillis(100)),
				new PollingSettings(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(50), 1.5),
				Duration.ofSeconds(5), List.of(), API_KEY, timeouts);
	}

	/**
	 * A client with the given settings.
	 * @param baseUrl the server base URL
	 * @param retry retries
	 * @param polling polling
	 * @param readTimeout the read timeout
	 * @return the clients
	 */
	public static SmoothTestClients create(String baseUrl, RetrySettings retry, PollingSettings polling,
			Duration readTimeout) {
		return new SmoothTestClients(baseUrl, retry, polling, readTimeout, List.of());
	}

	/**
	 * A client with the given settings and task supports.
	 * @param baseUrl the server base URL
	 * @param retry retries
	 * @param polling polling
	 * @param readTimeout the read timeout
	 * @param supports the supports
	 * @return the clients
	 */
	public static SmoothTestClients create(String baseUrl, RetrySettings retry, PollingSettings polling,
			Duration readTimeout, List<TaskSupport> supports) {
		return new SmoothTestClients(baseUrl, retry, polling, readTimeout, supports);
	}

	public SmoothTemplate template() {
		return this.template;
	}

	public SmoothApiClient api() {
		return this.api;
	}

	public PollingEngine engine() {
		return this.engine;
	}

	public SmoothResources resources() {
		return this.resources;
	}

	@Override
	public void close() {
		this.engine.close();
		this.resources.close();
	}

}
