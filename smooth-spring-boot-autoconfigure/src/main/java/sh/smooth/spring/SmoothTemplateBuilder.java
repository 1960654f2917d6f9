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

package sh.smooth.spring;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import sh.smooth.spring.api.ConnectionSettings;
import sh.smooth.spring.api.RetrySettings;
import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.api.SmoothApiKey;
import sh.smooth.spring.api.SmoothResources;
import sh.smooth.spring.api.SmoothWebClients;
import sh.smooth.spring.api.WireMapper;
import sh.smooth.spring.browser.ToolSelection;
import sh.smooth.spring.observation.ToolAnswerRecorder;
import sh.smooth.spring.observation.ToolCallObservations;
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
import sh.smooth.spring.support.SmoothDefaults;
import sh.smooth.spring.support.Validate;
import sh.smooth.spring.task.TaskHandles;
import sh.smooth.spring.task.TaskTimeouts;
import sh.smooth.spring.tool.DefaultSmoothToolErrorHandler;
import sh.smooth.spring.tool.SmoothToolCallback;
import sh.smooth.spring.tool.SmoothToolParamSchemaModule;
import sh.smooth.spring.tool.ToolDispatcher;
import sh.smooth.spring.tool.ToolRegistry;

/**
 * Builds a {@link SmoothTemplate} for an application without Spring Boot, with the same
 * parts and the same defaults as the auto-configuration: <pre class="code">
 * try (SmoothTemplate smooth = SmoothTemplate.builder().apiKey(System.getenv("SMOOTH_API_KEY")).build()) {
 *     TaskResult result = smooth.run("Find the top story on news.ycombinator.com");
 * }
 * </pre> The template owns what it builds (a polling scheduler, a connection pool, the
 * tool executor): {@link SmoothTemplate#close()} releases them.
 * {@link SmoothTemplate#reactive()} is the reactive twin over the same client.
 */
public final class SmoothTemplateBuilder {

	private URI baseUrl = URI.create(SmoothDefaults.BASE_URL);

	private @Nullable String apiKey;

	private WebClient.Builder webClientBuilder = WebClient.builder();

	private Duration connectTimeout = ConnectionSettings.DEFAULT_CONNECT_TIMEOUT;

	private Duration readTimeout = ConnectionSettings.DEFAULT_READ_TIMEOUT;

	private DataSize maxResponseSize = SmoothDefaults.size(SmoothDefaults.MAX_RESPONSE_SIZE);

	private PollingSettings polling = PollingSettings.DEFAULTS;

	private int pollingThreads = Integer.parseInt(SmoothDefaults.POLLING_THREADS);

	private int maxConnections = SmoothDefaults.MAX_CONNECTIONS;

	private RetrySettings retry = RetrySettings.DEFAULTS;

	private TaskDefaults taskDefaults = TaskDefaults.standard();

	private Duration taskTimeout = SmoothDefaults.duration(SmoothDefaults.TASK_TIMEOUT);

	private Duration liveUrlTimeout = SmoothDefaults.duration(SmoothDefaults.LIVE_URL_TIMEOUT);

	private @Nullable Duration callTimeout;

	private Duration actionTimeout = SmoothDefaults.duration(SmoothDefaults.ACTION_TIMEOUT);

	private final List<SmoothToolCallback> tools = new ArrayList<>();

	private ToolSelection defaultTools = ToolSelection.all();

	private @Nullable ExecutorService toolExecutor;

	private Duration toolTimeout = SmoothDefaults.duration(SmoothDefaults.TOOL_TIMEOUT);

	private Duration toolQueueTimeout = ToolDispatcher.DEFAULT_QUEUE_TIMEOUT;

	private JsonMapper jsonMapper = JsonMapper.builder().build();

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	SmoothTemplateBuilder() {
	}

	/**
	 * The base URL of the API, with the version segment (default
	 * {@code https://api.smooth.sh/api/v1}).
	 * @param baseUrl an absolute http(s) URL
	 * @return this builder
	 */
	public SmoothTemplateBuilder baseUrl(String baseUrl) {
		this.baseUrl = URI.create(Validate.notBlank("baseUrl", baseUrl));
		return this;
	}

	/**
	 * The API key, sent in the {@code apikey} header.
	 * @param apiKey the key
	 * @return this builder
	 */
	public SmoothTemplateBuilder apiKey(String apiKey) {
		this.apiKey = Validate.notBlank("apiKey", apiKey);
		return this;
	}

	/**
	 * The web client builder to start from (cloned: what Smooth adds stays out of it).
	 * @param webClientBuilder the builder
	 * @return this builder
	 */
	public SmoothTemplateBuilder webClientBuilder(WebClient.Builder webClientBuilder) {
		this.webClientBuilder = Validate.notNull("webClientBuilder", webClientBuilder);
		return this;
	}

	/**
	 * The connect and read timeouts (default 10 s and 90 s; the server may hold a poll
	 * open, so keep the read timeout at 60 s or more).
	 * @param connectTimeout the connect timeout
	 * @param readTimeout the read timeout
	 * @return this builder
	 */
	public SmoothTemplateBuilder timeouts(Duration connectTimeout, Duration readTimeout) {
		this.connectTimeout = Validate.positive("connectTimeout", connectTimeout);
		this.readTimeout = Validate.positive("readTimeout", readTimeout);
		return this;
	}

	/**
	 * The polling cadence (default {@link PollingSettings#DEFAULTS}).
	 * @param polling the settings
	 * @return this builder
	 */
	public SmoothTemplateBuilder polling(PollingSettings polling) {
		this.polling = Validate.notNull("polling", polling);
		return this;
	}

	/**
	 * The retries of failed calls (default {@link RetrySettings#DEFAULTS}).
	 * @param retry the settings
	 * @return this builder
	 */
	public SmoothTemplateBuilder retry(RetrySettings retry) {
		this.retry = Validate.notNull("retry", retry);
		return this;
	}

	/**
	 * The values of task options left unset (default {@link TaskDefaults#standard()}).
	 * @param taskDefaults the defaults
	 * @return this builder
	 */
	public SmoothTemplateBuilder taskDefaults(TaskDefaults taskDefaults) {
		this.taskDefaults = Validate.notNull("taskDefaults", taskDefaults);
		return this;
	}

	/**
	 * The default bounds of blocking waits: of {@code run}/{@code await} (default 10 min)
	 * and of {@code liveUrl} (default 60 s).
	 * @param task the bound of {@code run} and {@code await}
	 * @param liveUrl the bound of {@code liveUrl}
	 * @return this builder
	 */
	public SmoothTemplateBuilder waits(Duration task, Duration liveUrl) {
		this.taskTimeout = Validate.positive("task", task);
		this.liveUrlTimeout = Validate.positive("liveUrl", liveUrl);
		return this;
	}

	/**
	 * The bound of one API call made on the caller's thread (submit, get, cancel, opening
	 * a session); by default twice the connect and read timeouts.
	 * @param callTimeout the bound
	 * @return this builder
	 */
	public SmoothTemplateBuilder callTimeout(Duration callTimeout) {
		this.callTimeout = Validate.positive("callTimeout", callTimeout);
		return this;
	}

	/**
	 * How long a session action waits for its result by default (default 5 min).
	 * @param actionTimeout the bound
	 * @return this builder
	 */
	public SmoothTemplateBuilder actionTimeout(Duration actionTimeout) {
		this.actionTimeout = Validate.positive("actionTimeout", actionTimeout);
		return this;
	}

	/**
	 * Custom tools offered to every task that does not choose.
	 * @param tools the tools
	 * @return this builder
	 */
	public SmoothTemplateBuilder tools(List<? extends SmoothToolCallback> tools) {
		this.tools.addAll(Validate.notNull("tools", tools));
		return this;
	}

	/**
	 * What a task that does not choose is offered (default {@link ToolSelection#all()};
	 * {@link ToolSelection#none()}, or names and groups), as {@code smooth.tools.attach}
	 * and {@code smooth.tools.default-groups} do with Boot.
	 * @param selection the default selection
	 * @return this builder
	 */
	public SmoothTemplateBuilder defaultTools(ToolSelection selection) {
		this.defaultTools = Validate.notNull("defaultTools", selection);
		return this;
	}

	/**
	 * The executor of tool methods, owned by the template (default: 8 daemon threads,
	 * 1000 queued calls).
	 * @param toolExecutor the executor
	 * @return this builder
	 */
	public SmoothTemplateBuilder toolExecutor(ExecutorService toolExecutor) {
		this.toolExecutor = Validate.notNull("toolExecutor", toolExecutor);
		return this;
	}

	/**
	 * The application's mapper: it converts output to the application's types and binds
	 * tool arguments.
	 * @param jsonMapper the mapper
	 * @return this builder
	 */
	public SmoothTemplateBuilder jsonMapper(JsonMapper jsonMapper) {
		this.jsonMapper = Validate.notNull("jsonMapper", jsonMapper);
		return this;
	}

	/**
	 * Where the {@code smooth.*} observations go (default: none recorded).
	 * @param observationRegistry the registry
	 * @return this builder
	 */
	public SmoothTemplateBuilder observationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = Validate.notNull("observationRegistry", observationRegistry);
		return this;
	}

	/**
	 * Builds the template and the client under it.
	 * @return the template; close it to release its threads and connections
	 */
	public SmoothTemplate build() {
		ConnectionSettings connection = new ConnectionSettings(this.baseUrl, SmoothApiKey.of(this.apiKey),
				this.connectTimeout, this.readTimeout, this.maxResponseSize);
		SmoothResources resources = new SmoothResources(this.pollingThreads, this.maxConnections);
		JsonMapper wire = WireMapper.create();
		WebClient webClient = SmoothWebClients
			.configure(this.webClientBuilder.clone(), connection, resources.connectionProvider())
			.build();
		SmoothApiClient api = new SmoothApiClient(webClient, wire, this.retry, resources.scheduler());
		PollingEngine engine = new PollingEngine(api, this.polling, resources.scheduler(), PollRecorder.NONE);
		SmoothSchemaGenerator schemas = new SmoothSchemaGenerator(List.of(new SmoothToolParamSchemaModule()));
		TaskRequestMapper mapper = new TaskRequestMapper(this.taskDefaults, schemas, wire);
		TaskTimeouts timeouts = new TaskTimeouts(this.taskTimeout, this.liveUrlTimeout, (this.callTimeout != null)
				? this.callTimeout : TaskTimeouts.callTimeout(this.connectTimeout, this.readTimeout));
		TaskHandles handles = new TaskHandles(new OutputConverter(this.jsonMapper), timeouts);
		SessionBrowserActions actions = new SessionBrowserActions(schemas, mapper, handles, this.actionTimeout,
				this.observationRegistry, null);
		ToolDispatcher dispatcher = this.tools.isEmpty() ? null : dispatcher(actions);
		TaskLauncher launcher = new TaskLauncher(api, engine, mapper,
				(dispatcher != null) ? dispatcher : ToolAttachment.NONE, this.observationRegistry, null);
		SessionFactory sessions = new SessionFactory(launcher, actions,
				new SessionRegistry(SessionRegistry.DEFAULT_SHUTDOWN_TIMEOUT));
		// in the order the application context would close them: sessions while
		// polling still works, then polling, tools and the shared resources
		AutoCloseable owned = () -> {
			sessions.close();
			engine.close();
			if (dispatcher != null) {
				dispatcher.close();
			}
			resources.close();
		};
		return new SmoothTemplate(launcher, sessions, handles, api, owned);
	}

	private ToolDispatcher dispatcher(SessionBrowserActions actions) {
		ToolRegistry registry = new ToolRegistry(this.defaultTools);
		for (SmoothToolCallback tool : this.tools) {
			registry.register(tool, "SmoothTemplate.builder().tools(...)");
		}
		ExecutorService executor = (this.toolExecutor != null) ? this.toolExecutor
				: ToolDispatcher.boundedExecutor(8, 1000);
		return new ToolDispatcher(registry, executor, new DefaultSmoothToolErrorHandler(), this.jsonMapper,
				new ToolDispatcher.Settings(this.toolTimeout, this.toolQueueTimeout, this.retry), actions,
				new ToolCallObservations(this.observationRegistry, null), ToolAnswerRecorder.NONE);
	}

}
