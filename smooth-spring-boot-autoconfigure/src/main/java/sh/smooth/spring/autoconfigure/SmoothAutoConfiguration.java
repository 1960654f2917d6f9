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

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.SmoothTemplate;
import sh.smooth.spring.SmoothWebClientCustomizer;
import sh.smooth.spring.api.ConnectionSettings;
import sh.smooth.spring.api.RetrySettings;
import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.api.SmoothApiKey;
import sh.smooth.spring.api.SmoothResources;
import sh.smooth.spring.api.SmoothWebClients;
import sh.smooth.spring.polling.PollingEngine;
import sh.smooth.spring.polling.PollingSettings;
import sh.smooth.spring.schema.SmoothSchemaGenerator;
import sh.smooth.spring.session.SessionFactory;
import sh.smooth.spring.task.OutputConverter;
import sh.smooth.spring.task.TaskDefaults;
import sh.smooth.spring.task.TaskRequests;
import sh.smooth.spring.task.TaskSupport;
import sh.smooth.spring.tool.SmoothToolParamSchemaModule;

/**
 * Auto-configuration of the Smooth client: a {@link SmoothTemplate} on a Smooth-specific
 * {@link WebClient} cloned from Boot's builder, whose connector Boot's HTTP client
 * settings build (see {@link SmoothConnectorConfigurer} for how {@code smooth.*} and
 * {@code spring.http.clients.*} combine).
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

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	SmoothResources smoothResources(SmoothProperties properties) {
		return new SmoothResources(properties.polling().threads(), 500);
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
		return new SmoothApiClient(builder.build(), wireMapper(), new RetrySettings(retry.maxAttempts(),
				retry.initialBackoff(), retry.maxBackoff(), retry.maxRetryAfter()), resources.scheduler());
	}

	@Bean
	@ConditionalOnMissingBean
	SmoothSchemaGenerator smoothSchemaGenerator() {
		// @SmoothToolParam on record components counts for tool inputs and structured
		// output
		return new SmoothSchemaGenerator(List.of(new SmoothToolParamSchemaModule()));
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	PollingEngine smoothPollingEngine(SmoothProperties properties, SmoothApiClient api, SmoothResources resources) {
		SmoothProperties.Polling polling = properties.polling();
		return new PollingEngine(api,
				new PollingSettings(polling.firstDelay(), polling.maxInterval(), polling.activeMaxInterval(),
						polling.backoffFactor(), polling.maxRequestsPerSecond(), polling.failureTolerance()),
				resources.scheduler());
	}

	@Bean
	@ConditionalOnMissingBean(SmoothOperations.class)
	SmoothTemplate smoothTemplate(SmoothProperties properties, ConnectionSettings connection, SmoothApiClient api,
			PollingEngine engine, SmoothSchemaGenerator schemas, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<TaskSupport> supports, ObjectProvider<SessionFactory> sessions) {
		SmoothProperties.Task task = properties.task();
		TaskDefaults defaults = new TaskDefaults(task.agent(), task.device(), task.maxSteps(), task.enableRecording(),
				task.useStealth(), task.useAdblock(), task.useCaptchaSolver(), task.showCursor());
		// the application's mapper converts output to the application's types, with its
		// modules
		OutputConverter converter = new OutputConverter(jsonMapper.getIfAvailable(api::mapper));
		Duration call = connection.readTimeout().plus(connection.connectTimeout()).multipliedBy(2);
		SmoothTemplate template = new SmoothTemplate(api, engine, new TaskRequests(defaults, schemas, api.mapper()),
				converter, supports.orderedStream().toList(),
				new SmoothTemplate.Timeouts(task.defaultTimeout(), task.liveUrlTimeout(), call));
		sessions.ifAvailable(template::setSessionFactory);
		return template;
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
	 * The mapper for the wire: independent of the application's settings (naming
	 * strategies, inclusion rules) so the body stays exactly what the API expects.
	 * @return the mapper
	 */
	static JsonMapper wireMapper() {
		return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

}
