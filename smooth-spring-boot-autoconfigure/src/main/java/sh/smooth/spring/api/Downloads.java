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

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.DefaultUriBuilderFactory;

import sh.smooth.spring.error.SmoothApiException;
import sh.smooth.spring.error.SmoothException;

/**
 * {@code GET} of an absolute URL outside the Smooth API, such as the downloads archive,
 * streamed as buffers, following up to 5 redirects. The request goes through the client's
 * connection pool and timeouts but through none of its filters, so it never carries the
 * {@code apikey} header, even when the URL is on the API's host.
 */
final class Downloads {

	/**
	 * The {@code uri} tag of these requests in {@code http.client.requests}: a fixed
	 * label, never the URL (a signed URL's query is a credential).
	 */
	static final String URI_TEMPLATE = "/{downloads_url}";

	private static final int MAX_REDIRECTS = 5;

	private Downloads() {
	}

	static Flux<DataBuffer> fetch(WebClient webClient, ErrorMapper errors, URI url, @Nullable String taskId) {
		// no filters (no apikey), and no base URL under the template
		WebClient plain = webClient.mutate()
			.filters(List::clear)
			.uriBuilderFactory(new DefaultUriBuilderFactory())
			.build();
		return fetch(plain, errors, url, taskId, MAX_REDIRECTS);
	}

	private static Flux<DataBuffer> fetch(WebClient client, ErrorMapper errors, URI url, @Nullable String taskId,
			int redirectsLeft) {
		return client.get().uri(URI_TEMPLATE, (builder) -> url).exchangeToFlux((response) -> {
			URI location = response.headers().asHttpHeaders().getLocation();
			if (response.statusCode().is3xxRedirection() && location != null && redirectsLeft > 0) {
				URI next = url.resolve(location);
				return response.releaseBody()
					.thenMany(Flux.defer(() -> fetch(client, errors, next, taskId, redirectsLeft - 1)));
			}
			if (response.statusCode().is2xxSuccessful()) {
				return response.bodyToFlux(DataBuffer.class);
			}
			int status = response.statusCode().value();
			return ErrorMapper.errorText(response).flatMapMany((text) -> {
				SmoothApiException mapped = errors.toException(status, text, null, taskId);
				// only the host: the query of a signed URL is a credential
				return Flux.error(new SmoothApiException(status,
						"fetching the file from " + url.getHost() + " failed: " + mapped.detail(), taskId,
						mapped.rawBody()));
			});
		}).onErrorMap((ex) -> !(ex instanceof SmoothException), (ex) -> ErrorMapper.translate(ex, taskId));
	}

}
