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

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.function.Consumer;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ClientCodecConfigurer;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Prepares the Smooth-specific {@link WebClient.Builder}: base URL, timeouts, User-Agent
 * and the {@code apikey} header. The key is added per request, and only to requests for
 * the Smooth base URL, so a downloads link on another host never receives it. Request
 * details (headers, form data) are never logged by this client, whatever
 * {@code spring.http.codecs.log-request-details} says, so the key cannot reach a log
 * line.
 */
public final class SmoothWebClients {

	/** The User-Agent this starter sends. */
	public static final String USER_AGENT = "smooth-spring-boot-starter/" + version();

	private SmoothWebClients() {
	}

	/**
	 * Applies the settings to a builder that belongs to Smooth alone (a clone of Boot's),
	 * with a Reactor Netty connector on the given pool that applies the settings' connect
	 * and read timeouts. For use without Spring Boot; the auto-configuration builds its
	 * connector from Boot's HTTP client settings instead.
	 * @param builder the builder
	 * @param settings the settings
	 * @param connectionProvider the connection pool shared by this client
	 * @return the same builder
	 */
	public static WebClient.Builder configure(WebClient.Builder builder, ConnectionSettings settings,
			ConnectionProvider connectionProvider) {
		HttpClient httpClient = HttpClient.create(connectionProvider)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
					(int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()))
			.responseTimeout(settings.readTimeout());
		return configure(builder, settings, new ReactorClientHttpConnector(prepare(httpClient)));
	}

	/**
	 * Adds what every connection of the Smooth client needs to a Reactor Netty client:
	 * each request notes its connection's event loop, so that a cancelled call cancels
	 * there ({@code ConnectionLoop}), never inside the delivery of a response. A
	 * connector built elsewhere (the auto-configuration's) must apply it too.
	 * @param httpClient the client
	 * @return the client with the hook
	 */
	public static HttpClient prepare(HttpClient httpClient) {
		return httpClient
			.doOnRequest((request, connection) -> ConnectionLoop.record(request, connection.channel().eventLoop()));
	}

	/**
	 * Applies the settings to a builder that belongs to Smooth alone (a clone of Boot's),
	 * with the given connector, which must already apply the settings' timeouts and
	 * {@link #prepare(HttpClient)}.
	 * @param builder the builder
	 * @param settings the settings
	 * @param connector the connector, on a connection pool shared by this client
	 * @return the same builder
	 */
	public static WebClient.Builder configure(WebClient.Builder builder, ConnectionSettings settings,
			ClientHttpConnector connector) {
		String base = settings.baseUrl().toString().replaceAll("/+$", "");
		return builder.baseUrl(base)
			.clientConnector(connector)
			.defaultHeader(HttpHeaders.USER_AGENT, USER_AGENT)
			.codecs(codecs(settings))
			.filter(apiKeyFilter(base, settings.apiKey()));
	}

	/**
	 * The codec settings of a client for the Smooth API: its response size limit, and no
	 * request details in the exchange logs.
	 * @param settings the settings
	 * @return what configures the codecs
	 */
	public static Consumer<ClientCodecConfigurer> codecs(ConnectionSettings settings) {
		return (codecs) -> {
			codecs.defaultCodecs()
				.maxInMemorySize((int) Math.min(Integer.MAX_VALUE, settings.maxResponseSize().toBytes()));
			// the apikey header is a request header: Spring's exchange logging prints
			// request headers in clear at TRACE when request details are on
			// (spring.http.codecs.log-request-details, copied from Boot's builder),
			// so this client never enables them; its TRACE lines show headers={masked}
			codecs.defaultCodecs().enableLoggingRequestDetails(false);
		};
	}

	/**
	 * Adds {@code apikey} to requests for the Smooth API, and fails them with a clear
	 * message when no key is configured.
	 * @param base the base URL
	 * @param apiKey the key
	 * @return the filter
	 */
	static ExchangeFilterFunction apiKeyFilter(String base, SmoothApiKey apiKey) {
		return (request, next) -> {
			if (!request.url().toString().startsWith(base)) {
				return next.exchange(request);
			}
			String key;
			try {
				key = apiKey.require();
			}
			catch (RuntimeException ex) {
				return Mono.error(ex);
			}
			return next.exchange(ClientRequest.from(request).header("apikey", key).build());
		};
	}

	private static String version() {
		try (InputStream in = SmoothWebClients.class.getResourceAsStream("/META-INF/smooth-starter.properties")) {
			if (in != null) {
				Properties properties = new Properties();
				properties.load(in);
				String version = properties.getProperty("version");
				if (version != null && !version.startsWith("${")) {
					return version;
				}
			}
		}
		catch (IOException ex) {
			// fall through to "unknown"
		}
		return "unknown";
	}

}
