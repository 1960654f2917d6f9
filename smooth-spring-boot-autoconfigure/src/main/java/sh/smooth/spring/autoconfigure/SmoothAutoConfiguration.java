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

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

import sh.smooth.spring.ReactiveSmoothOperations;
import sh.smooth.spring.ReactiveSmoothTemplate;
import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.SmoothTemplate;
import sh.smooth.spring.SmoothWebClientCustomizer;
import sh.smooth.spring.api.ConnectionSettings;
import sh.smooth.spring.api.RetrySettings;
import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.api.SmoothApiKey;
import sh.smooth.spring.api.SmoothResources;
import sh.smooth.spring.api.SmoothWebClients;
import sh.smooth.spring.api.WireMapper;
import sh.smooth.spring.observation.SmoothSessionActionObservationConvention;
import sh.smooth.spring.observation.SmoothTaskObservationConvention;
import sh.smooth.spring.polling.PollRecorder;
import sh.smooth.spring.polling.PollingEngine;
import sh.smooth.spring.polling.PollingSettings;
import sh.smooth.spring.runtime.TaskDefaults;
import sh.smooth.spring.runtime.TaskFleet;
import sh.smooth.spring.runtime.TaskLauncher;
import sh.smooth.spring.runtime.TaskRequestMapper;
import sh.smooth.spring.runtime.ToolAttachment;
import sh.smooth.spring.schema.SmoothSchemaGenerator;
import sh.smooth.spring.session.SessionBrowserActions;
import sh.smooth.spring.session.SessionFactory;
import sh.smooth.spring.session.SessionRegistry;
import sh.smooth.spring.support.OutputConverter;
import sh.smooth.spring.support.SmoothDefaults;
import sh.smooth.spring.task.TaskHandles;
import sh.smooth.spring.task.TaskTimeouts;
import sh.smooth.spring.tool.SmoothToolParamSchemaModule;

/**
 * Auto-configuration of the Smooth client: the runtime (API client on a Smooth-specific
 * {@link WebClient} cloned from Boot's builder, whose connector Boot's HTTP client
 * settings build, see {@link SmoothConnectorConfigurer} for how {@code smooth.*} and
 * {@code spring.http.clients.*} combine; polling engine, task launcher, sessions) and the
 * two templates over it, {@link SmoothTemplate} and {@link ReactiveSmoothTemplate}, each
 * replaceable on its own. Every part is built by constructor from the parts it needs;
 * custom tools and metrics join through the beans of their auto-configurations.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration" })
@ConditionalOnClass(WebClient.class)
@EnableConfigurationProperties(SmoothProperties.class)
public final class SmoothAutoConfiguration {

	private static final Log logger = LogFactory.getLog(SmoothAutoConfiguration.class);

	/** Environment variables read when {@code smooth.api-key} is unset, in order. */
	static final String[] API_KEY_VARIABLES = { "SMOOTH_API_KEY", "CIRCLEMIND_API_KEY" };

	/** The longest the warm-up may add to the context start. */
	static final Duration WARM_UP_BOUND = Duration.ofSeconds(2);

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	SmoothResources smoothResources(SmoothProperties properties) {
		return new SmoothResources(properties.polling().threads(), SmoothDefaults.MAX_CONNECTIONS);
	}

	@Bean
	@ConditionalOnMissingBean
	ConnectionSettings smoothConnectionSettings(SmoothProperties properties, Environment environment,
			ObjectProvider<HttpClientSettings> httpClientSettings) {
		SmoothApiKey apiKey = SmoothApiKey.of(resolveApiKey(properties, environment));
		if (!apiKey.isPresent()) {
			logger.warn("No Smooth API key is configured (smooth.api-key or SMOOTH_API_KEY): "
					+ "the application starts, but Smooth calls will fail until one is set");
		}
		ConnectionSettings connection = SmoothConnectorConfigurer.connectionSettings(properties,
				SmoothBaseUrl.resolve(properties, environment), httpClientSettings.getIfAvailable(), apiKey);
		if (connection.readTimeout().compareTo(Duration.ofSeconds(60)) < 0) {
			// allowed (tests use short ones), but a long-polling server would be cut off
			String source = (properties.readTimeout() != null) ? "smooth.read-timeout"
					: "spring.http.clients.read-timeout (smooth.read-timeout is unset)";
			logger.warn(source + " is " + connection.readTimeout()
					+ ": the Smooth server may hold a poll open, so keep it at 60 s or more");
		}
		return connection;
	}

	@Bean
	@ConditionalOnMissingBean
	SmoothApiClient smoothApiClient(SmoothProperties properties, ConnectionSettings connection,
			SmoothResources resources, ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<ClientHttpConnectorBuilderCustomizer<?>> connectorCustomizers,
			ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<SmoothWebClientCustomizer> customizers) {
		// a clone: what we add (base URL, apikey filter) must never reach the app's other
		// clients
		WebClient.Builder builder = webClientBuilder.getIfAvailable(WebClient::builder).clone();
		SmoothWebClients.configure(builder, connection,
				SmoothConnectorConfigurer.connector(connection, httpClientSettings.getIfAvailable(),
						connectorCustomizers.orderedStream().toList(), resources.connectionProvider()));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		SmoothProperties.Retry retry = properties.retry();
		return new SmoothApiClient(builder.build(), WireMapper.create(), new RetrySettings(retry.maxAttempts(),
				retry.initialBackoff(), retry.maxBackoff(), retry.maxRetryAfter()), resources.scheduler());
	}

	@Bean
	@ConditionalOnMissingBean
	SmoothSchemaGenerator smoothSchemaGenerator() {
		// @SmoothToolParam on record components counts for tool inputs and structured
		// output
		return new SmoothSchemaGenerator(List.of(new SmoothToolParamSchemaModule()));
	}

	/**
	 * The warm-up at context start: the one-time work of the first call, done before the
	 * application can call, bounded by 2 s; it sends nothing.
	 * @param api the client
	 * @param resources its pool and scheduler
	 * @param schemas the schema generator
	 * @return the warm-up
	 */
	@Bean
	@ConditionalOnBooleanProperty(name = "smooth.warm-up.enabled", matchIfMissing = true)
	SmoothWarmUp smoothWarmUp(SmoothApiClient api, SmoothResources resources, SmoothSchemaGenerator schemas,
			ConnectionSettings connection) {
		// the client's pool and settings, without the application's customizers: one
		// could route the loopback calls through a proxy
		ClientHttpConnector connector = SmoothConnectorConfigurer.connector(connection, null, List.of(),
				resources.connectionProvider());
		return new SmoothWarmUp(api, resources, schemas, connector, connection, WARM_UP_BOUND);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	PollingEngine smoothPollingEngine(SmoothProperties properties, SmoothApiClient api, SmoothResources resources,
			ObjectProvider<PollRecorder> pollRecorder) {
		SmoothProperties.Polling polling = properties.polling();
		return new PollingEngine(api,
				new PollingSettings(polling.firstDelay(), polling.maxInterval(), polling.activeMaxInterval(),
						polling.backoffFactor(), polling.maxRequestsPerSecond(), polling.failureTolerance()),
				resources.scheduler(), pollRecorder.getIfAvailable(() -> PollRecorder.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	TaskRequestMapper smoothTaskRequestMapper(SmoothProperties properties, SmoothSchemaGenerator schemas) {
		SmoothProperties.Task task = properties.task();
		TaskDefaults defaults = new TaskDefaults(task.agent(), task.device(), task.maxSteps(), task.enableRecording(),
				task.useStealth(), task.useAdblock(), task.useCaptchaSolver(), task.showCursor());
		return new TaskRequestMapper(defaults, schemas, WireMapper.create());
	}

	@Bean
	@ConditionalOnMissingBean
	TaskHandles smoothTaskHandles(SmoothProperties properties, ConnectionSettings connection, SmoothApiClient api,
			ObjectProvider<JsonMapper> jsonMapper) {
		// the application's mapper converts output to the application's types, with its
		// modules
		OutputConverter converter = new OutputConverter(jsonMapper.getIfAvailable(api::mapper));
		SmoothProperties.Task task = properties.task();
		return new TaskHandles(converter, new TaskTimeouts(task.defaultTimeout(), task.liveUrlTimeout(),
				TaskTimeouts.callTimeout(connection.connectTimeout(), connection.readTimeout())));
	}

	@Bean
	@ConditionalOnMissingBean
	TaskLauncher smoothTaskLauncher(SmoothProperties properties, SmoothApiClient api, PollingEngine engine,
			TaskRequestMapper mapper, ObjectProvider<ToolAttachment> tools,
			ObjectProvider<ObservationRegistry> observations,
			ObjectProvider<SmoothTaskObservationConvention> convention, ObjectProvider<TaskFleet> fleet) {
		return new TaskLauncher(api, engine, mapper, tools.getIfAvailable(() -> ToolAttachment.NONE),
				observations(properties, observations), convention.getIfUnique(),
				fleet.getIfAvailable(() -> TaskFleet.NONE));
	}

	@Bean
	@ConditionalOnMissingBean(ReactiveSmoothOperations.class)
	ReactiveSmoothTemplate reactiveSmoothTemplate(TaskLauncher launcher, SessionFactory sessions, TaskHandles handles,
			SmoothApiClient api) {
		return new ReactiveSmoothTemplate(launcher, sessions, handles, api);
	}

	@Bean
	@ConditionalOnMissingBean(SmoothOperations.class)
	SmoothTemplate smoothTemplate(TaskLauncher launcher, SessionFactory sessions, TaskHandles handles,
			SmoothApiClient api) {
		return new SmoothTemplate(launcher, sessions, handles, api);
	}

	/**
	 * Where Smooth's observations go: the application's registry, unless
	 * {@code smooth.metrics.enabled=false}.
	 */
	static ObservationRegistry observations(SmoothProperties properties,
			ObjectProvider<ObservationRegistry> observations) {
		return properties.metrics().enabled() ? observations.getIfUnique(() -> ObservationRegistry.NOOP)
				: ObservationRegistry.NOOP;
	}

	static @Nullable String resolveApiKey(SmoothProperties properties, Environment environment) {
		if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
			return properties.apiKey();
		}
		for (String variable : API_KEY_VARIABLES) {
			String value = environment.getProperty(variable);
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

	/**
	 * Browser sessions: the browser actions every session (and every tool that drives its
	 * task's browser) uses, the factory that opens sessions, and the registry that closes
	 * sessions still open when the context closes.
	 */
	@Configuration(proxyBeanMethods = false)
	static final class SessionConfiguration {

		/**
		 * The registry depends on the polling engine only so that Spring destroys it
		 * first: sessions are closed (DELETE, then their final poll) while polling still
		 * works.
		 * @param engine the polling engine
		 * @return the registry
		 */
		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		SessionRegistry smoothSessionRegistry(PollingEngine engine) {
			return new SessionRegistry(SessionRegistry.DEFAULT_SHUTDOWN_TIMEOUT);
		}

		@Bean
		@ConditionalOnMissingBean
		SessionBrowserActions smoothBrowserActions(SmoothProperties properties, SmoothSchemaGenerator schemas,
				TaskRequestMapper mapper, TaskHandles handles, ObjectProvider<ObservationRegistry> observations,
				ObjectProvider<SmoothSessionActionObservationConvention> convention) {
			return new SessionBrowserActions(schemas, mapper, handles, properties.session().actionTimeout(),
					observations(properties, observations), convention.getIfUnique());
		}

		@Bean(destroyMethod = "")
		@ConditionalOnMissingBean
		SessionFactory smoothSessionFactory(TaskLauncher launcher, SessionBrowserActions actions,
				SessionRegistry registry) {
			// the registry bean closes the sessions at shutdown
			return new SessionFactory(launcher, actions, registry);
		}

	}

}
