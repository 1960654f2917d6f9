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

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.util.LambdaSafe;
import org.springframework.http.client.reactive.ClientHttpConnector;

import sh.smooth.spring.api.ConnectionSettings;
import sh.smooth.spring.api.SmoothApiKey;
import sh.smooth.spring.api.SmoothWebClients;

/**
 * Builds the connector of the Smooth client on Boot's HTTP client support, so the
 * application's {@code spring.http.clients.*} settings (its {@link HttpClientSettings}
 * bean, SSL bundle included) and its {@link ClientHttpConnectorBuilderCustomizer}s apply
 * to Smooth too, with Smooth's own settings layered on top:
 * <ul>
 * <li>timeouts: {@code smooth.connect-timeout} and {@code smooth.read-timeout} when set,
 * else {@code spring.http.clients.connect-timeout} and {@code read-timeout}, else 10 s
 * and 90 s;</li>
 * <li>SSL: {@code spring.http.clients.ssl.bundle} (Smooth has no bundle property of its
 * own);</li>
 * <li>redirects: never followed, whatever {@code spring.http.clients.redirects} says: the
 * {@code apikey} header must not follow a redirect to another host (downloads follow
 * theirs without the key);</li>
 * <li>the connector is always Reactor Netty, on Smooth's own connection pool.</li>
 * </ul>
 */
final class SmoothConnectorConfigurer {

	private SmoothConnectorConfigurer() {
	}

	/**
	 * Where and how to connect, with the timeouts resolved as described above.
	 * @param properties the Smooth properties
	 * @param baseUrl the base URL, resolved by {@link SmoothBaseUrl}
	 * @param boot the application's HTTP client settings, or {@code null}
	 * @param apiKey the key
	 * @return the settings
	 */
	static ConnectionSettings connectionSettings(SmoothProperties properties, URI baseUrl,
			@Nullable HttpClientSettings boot, SmoothApiKey apiKey) {
		HttpClientSettings inherited = (boot != null) ? boot : HttpClientSettings.defaults();
		return new ConnectionSettings(baseUrl, apiKey,
				pick(properties.connectTimeout(), inherited.connectTimeout(),
						ConnectionSettings.DEFAULT_CONNECT_TIMEOUT),
				pick(properties.readTimeout(), inherited.readTimeout(), ConnectionSettings.DEFAULT_READ_TIMEOUT),
				properties.maxResponseSize());
	}

	/**
	 * The connector: Boot's Reactor builder, customized by the application's customizers,
	 * on Smooth's pool, built with the resolved timeouts and Boot's SSL bundle.
	 * @param connection the resolved settings
	 * @param boot the application's HTTP client settings, or {@code null}
	 * @param customizers the application's connector builder customizers, in order
	 * @param pool Smooth's connection pool
	 * @return the connector
	 */
	static ClientHttpConnector connector(ConnectionSettings connection, @Nullable HttpClientSettings boot,
			List<ClientHttpConnectorBuilderCustomizer<?>> customizers, ConnectionProvider pool) {
		ClientHttpConnectorBuilder<?> customized = customize(ClientHttpConnectorBuilder.reactor(), customizers);
		if (!(customized instanceof ReactorClientHttpConnectorBuilder reactor)) {
			throw new IllegalStateException("The Smooth client needs the Reactor Netty connector, but a "
					+ "ClientHttpConnectorBuilderCustomizer replaced it by " + customized.getClass().getName());
		}
		HttpClientSettings settings = new HttpClientSettings(HttpRedirects.DONT_FOLLOW, connection.connectTimeout(),
				connection.readTimeout(), (boot != null) ? boot.sslBundle() : null);
		// the pool last: a customizer may set a resource factory, but Smooth keeps its
		// own pool (its size and idle rules fit many long polls)
		return reactor.withHttpClientFactory(() -> HttpClient.create(pool))
			.withHttpClientCustomizer(SmoothWebClients::prepare)
			.build(settings);
	}

	@SuppressWarnings("unchecked")
	private static ClientHttpConnectorBuilder<?> customize(ClientHttpConnectorBuilder<?> builder,
			List<ClientHttpConnectorBuilderCustomizer<?>> customizers) {
		ClientHttpConnectorBuilder<?>[] reference = { builder };
		LambdaSafe.callbacks(ClientHttpConnectorBuilderCustomizer.class, customizers, reference[0])
			.invoke((customizer) -> reference[0] = customizer.customize(reference[0]));
		return reference[0];
	}

	private static Duration pick(@Nullable Duration smooth, @Nullable Duration boot, Duration fallback) {
		return (smooth != null) ? smooth : (boot != null) ? boot : fallback;
	}

}
