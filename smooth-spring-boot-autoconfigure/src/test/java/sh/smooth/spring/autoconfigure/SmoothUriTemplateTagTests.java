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

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.resource.TaskQuery;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every resource call carries its URI template, so Boot's {@code http.client.requests}
 * observation of the Smooth WebClient tags it with the template, never with {@code none}
 * and never with an id or a query value.
 */
class SmoothUriTemplateTagTests {

	private static final String KEY = "test-key-0123456789";

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				WebClientAutoConfiguration.class, WebClientObservationAutoConfiguration.class,
				SmoothAutoConfiguration.class, SmoothObservationAutoConfiguration.class))
		.withPropertyValues("smooth.api-key=" + KEY, "smooth.base-url=" + wm.baseUrl() + "/api/v1");

	@Test
	void everyResourceCallIsTaggedWithItsUriTemplate() {
		wm.stubFor(post("/api/v1/profile").willReturn(okJson("{\"r\":{\"id\":\"prof-secret-1\"}}")));
		wm.stubFor(get("/api/v1/profile").willReturn(okJson("{\"r\":[{\"id\":\"prof-secret-1\"}]}")));
		wm.stubFor(delete("/api/v1/profile/prof-secret-1").willReturn(okJson("{\"r\":true}")));
		wm.stubFor(post("/api/v1/file").willReturn(okJson("{\"r\":{\"id\":\"file-secret-2\"}}")));
		wm.stubFor(delete("/api/v1/file/file-secret-2").willReturn(okJson("{\"r\":true}")));
		wm.stubFor(post("/api/v1/extension").willReturn(okJson("{\"r\":{\"id\":\"ext-secret-3\"}}")));
		wm.stubFor(get("/api/v1/extension").willReturn(okJson("{\"r\":[]}")));
		wm.stubFor(delete("/api/v1/extension/ext-secret-3").willReturn(okJson("{\"r\":true}")));
		wm.stubFor(get(urlPathEqualTo("/api/v1/task")).willReturn(okJson("{\"r\":[]}")));
		wm.stubFor(delete("/api/v1/task/task-secret-4/data").willReturn(okJson("{\"r\":true}")));

		this.runner.run((context) -> {
			SmoothOperations smooth = context.getBean(SmoothOperations.class);
			smooth.profiles().create("prof-secret-1");
			smooth.profiles().list();
			smooth.profiles().delete("prof-secret-1");
			smooth.files().upload("hello".getBytes(), "notes.txt");
			smooth.files().delete("file-secret-2");
			smooth.extensions()
				.upload(new org.springframework.core.io.ByteArrayResource(new byte[] { 'P', 'K', 3, 4, 0, 0 }) {
					@Override
					public String getFilename() {
						return "ext.zip";
					}
				});
			smooth.extensions().list();
			smooth.extensions().delete("ext-secret-3");
			smooth.history().list(TaskQuery.latest(7).withBefore(123456));
			smooth.history().deleteData("task-secret-4");

			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(uris(meters, "POST")).containsExactlyInAnyOrder("/api/v1/profile", "/api/v1/file",
					"/api/v1/extension");
			assertThat(uris(meters, "GET")).containsExactlyInAnyOrder("/api/v1/profile", "/api/v1/extension",
					"/api/v1/task");
			assertThat(uris(meters, "DELETE")).containsExactlyInAnyOrder("/api/v1/profile/{id}", "/api/v1/file/{id}",
					"/api/v1/extension/{id}", "/api/v1/task/{id}/data");
			for (Meter meter : meters.find("http.client.requests").meters()) {
				String uri = meter.getId().getTag("uri");
				assertThat(uri).isNotEqualTo("none").doesNotContain("secret", "123456", "?");
			}
		});
	}

	private static List<String> uris(MeterRegistry meters, String method) {
		List<String> uris = new ArrayList<>();
		for (Meter meter : meters.find("http.client.requests").tag("method", method).meters()) {
			uris.add(meter.getId().getTag("uri"));
		}
		return uris;
	}

}
