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
import java.util.function.Function;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import sh.smooth.spring.ReactiveSmoothTemplate;
import sh.smooth.spring.SmoothTemplate;
import sh.smooth.spring.api.ConnectionSettings;
import sh.smooth.spring.api.RetrySettings;
import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.api.SmoothApiKey;
import sh.smooth.spring.api.SmoothResources;
import sh.smooth.spring.api.SmoothWebClients;
import sh.smooth.spring.api.WireMapper;
import sh.smooth.spring.polling.PollRecorder;
import sh.smooth.spring.polling.PollingEngine;
import sh.smooth.spring.polling.PollingSettings;
import sh.smooth.spring.runtime.TaskDefaults;
import sh.smooth.spring.runtime.TaskLauncher;
import sh.smooth.spring.runtime.TaskRequestMapper;
import sh.smooth.spring.runtime.ToolAttachment;
import sh.smooth.spring.schema.SmoothSchemaGenerator;
import sh.smooth.spring.session.SessionBrowserActions;
import sh.smooth.spring.session.SessionFactory;
import sh.smooth.spring.session.SessionRegistry;
import sh.smooth.spring.support.OutputConverter;
import sh.smooth.spring.task.TaskHandles;
import sh.smooth.spring.task.TaskTimeouts;

/**
 * Builds a real client (WebClient, retries, polling, launcher, sessions) against a test
 * server, without a Spring context, from the same public constructors the
 * auto-configuration and {@code SmoothTemplate.builder()} use. Close it after the test.
 */
public final class SmoothTestClients implements AutoCloseable {

	/** The key tests send. */
	public static final String API_KEY = "test-key-0123456789";

	/** The waiting bounds of the template, unless a test gives its own. */
	public static final TaskTimeouts TIMEOUTS = new TaskTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(5),
			Duration.ofSeconds(10));

	/** Fast retries for tests. */
	public static final RetrySettings QUICK_RETRIES = new RetrySettings(3, Duration.ofMillis(20),
			Duration.ofMillis(100));

	private final SmoothResources resources;

	private final SmoothApiClient api;

	private final PollingEngine engine;

	private final TaskLauncher launcher;

	private final SessionBrowserActions browserActions;

	private final SessionFactory sessions;

	private final SmoothTemplate template;

	private final @Nullable AutoCloseable tools;

	private SmoothTestClients(Builder b) {
		this.resources = new SmoothResources(2, 100);
		ConnectionSettings connection = new ConnectionSettings(URI.create(b.baseUrl), SmoothApiKey.of(b.apiKey),
				Duration.ofSeconds(2), b.readTimeout, DataSize.ofMegabytes(16));
		WebClient webClient = SmoothWebClients
			.configure(WebClient.builder(), connection, this.resources.connectionProvider())
			.build();
		JsonMapper mapper = WireMapper.create();
		this.api = new SmoothApiClient(webClient, mapper, b.retry, this.resources.scheduler());
		this.engine = new PollingEngine(this.api, b.polling, this.resources.scheduler(), b.pollRecorder);
		SmoothSchemaGenerator schemas = new SmoothSchemaGenerator();
		TaskRequestMapper requests = new TaskRequestMapper(TaskDefaults.standard(), schemas, mapper);
		TaskHandles handles = new TaskHandles(new OutputConverter(mapper), b.timeouts);
		this.browserActions = new SessionBrowserActions(schemas, requests, handles, b.actionTimeout, b.observations,
				null);
		ToolAttachment attachment = (b.tools != null) ? b.tools.apply(this) : ToolAttachment.NONE;
		this.tools = (attachment instanceof AutoCloseable closeable) ? closeable : null;
		this.launcher = new TaskLauncher(this.api, this.engine, requests, attachment, b.observations, null);
		this.sessions = new SessionFactory(this.launcher, this.browserActions,
				new SessionRegistry(Duration.ofSeconds(10)));
		this.template = new SmoothTemplate(this.launcher, this.sessions, handles, this.api);
	}

	/**
	 * A client with fast retries and polling, for tests. A poll that fails after the
	 * retries fails its waiters at once (failure tolerance 0), so tests of failures need
	 * not wait out the default minute.
	 * @param baseUrl the server base URL
	 * @return the clients
	 */
	public static SmoothTestClients create(String baseUrl) {
		return builder(baseUrl).build();
	}

	/**
	 * A client whose tasks, sessions and actions are observed.
	 * @param baseUrl the server base URL
	 * @param observations the registry
	 * @return the clients
	 */
	public static SmoothTestClients create(String baseUrl, ObservationRegistry observations) {
		return builder(baseUrl).observations(observations).build();
	}

	/**
	 * A client without an API key.
	 * @param baseUrl the server base URL
	 * @return the clients
	 */
	public static SmoothTestClients createWithoutKey(String baseUrl) {
		return builder(baseUrl).apiKey(null).polling(PollingSettings.DEFAULTS).build();
	}

	/**
	 * A client with fast retries and polling and the given waiting bounds, such as a call
	 * timeout shorter than a slow server.
	 * @param baseUrl the server base URL
	 * @param timeouts the template's waiting bounds
	 * @return the clients
	 */
	public static SmoothTestClients create(String baseUrl, TaskTimeouts timeouts) {
		return builder(baseUrl).timeouts(timeouts)
			.polling(new PollingSettings(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(50), 1.5))
			.build();
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
		return builder(baseUrl).retry(retry).polling(polling).readTimeout(readTimeout).build();
	}

	/**
	 * Starts a client with fast retries and polling.
	 * @param baseUrl the server base URL
	 * @return the builder
	 */
	public static Builder builder(String baseUrl) {
		return new Builder(baseUrl);
	}

	public SmoothTemplate template() {
		return this.template;
	}

	public ReactiveSmoothTemplate reactive() {
		return this.template.reactive();
	}

	public SmoothApiClient api() {
		return this.api;
	}

	public PollingEngine engine() {
		return this.engine;
	}

	public TaskLauncher launcher() {
		return this.launcher;
	}

	public SessionBrowserActions browserActions() {
		return this.browserActions;
	}

	public SessionFactory sessions() {
		return this.sessions;
	}

	public SmoothResources resources() {
		return this.resources;
	}

	@Override
	public void close() {
		this.engine.close();
		if (this.tools != null) {
			try {
				this.tools.close();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
		this.resources.close();
	}

	/**
	 * Builds {@link SmoothTestClients}.
	 */
	public static final class Builder {

		private final String baseUrl;

		private @Nullable String apiKey = API_KEY;

		private RetrySettings retry = QUICK_RETRIES;

		private PollingSettings polling = new PollingSettings(Duration.ofMillis(20), Duration.ofMillis(100),
				Duration.ofMillis(50), 1.5, 0, Duration.ZERO);

		private Duration readTimeout = Duration.ofSeconds(5);

		private TaskTimeouts timeouts = TIMEOUTS;

		private Duration actionTimeout = Duration.ofSeconds(10);

		private ObservationRegistry observations = ObservationRegistry.NOOP;

		private @Nullable Function<SmoothTestClients, ToolAttachment> tools;

		private PollRecorder pollRecorder = PollRecorder.NONE;

		private Builder(String baseUrl) {
			this.baseUrl = baseUrl;
		}

		public Builder apiKey(@Nullable String apiKey) {
			this.apiKey = apiKey;
			return this;
		}

		public Builder retry(RetrySettings retry) {
			this.retry = retry;
			return this;
		}

		public Builder polling(PollingSettings polling) {
			this.polling = polling;
			return this;
		}

		public Builder readTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
			return this;
		}

		public Builder timeouts(TaskTimeouts timeouts) {
			this.timeouts = timeouts;
			return this;
		}

		public Builder actionTimeout(Duration actionTimeout) {
			this.actionTimeout = actionTimeout;
			return this;
		}

		public Builder observations(ObservationRegistry observations) {
			this.observations = observations;
			return this;
		}

		/**
		 * What takes part in every task: a tool dispatcher, or a test's own attachment.
		 * @param tools makes the attachment from the clients built so far (the API
		 * client, the browser actions); closed with the clients when it is
		 * {@link AutoCloseable}
		 * @return this builder
		 */
		public Builder tools(Function<SmoothTestClients, ToolAttachment> tools) {
			this.tools = tools;
			return this;
		}

		public Builder pollRecorder(PollRecorder pollRecorder) {
			this.pollRecorder = pollRecorder;
			return this;
		}

		public SmoothTestClients build() {
			return new SmoothTestClients(this);
		}

	}

}
