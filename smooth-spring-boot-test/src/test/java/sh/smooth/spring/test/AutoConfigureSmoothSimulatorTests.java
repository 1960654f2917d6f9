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

package sh.smooth.spring.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureSmoothSimulator} on a {@code @SpringBootTest}: properties point at
 * the simulator, which is injectable.
 */
@SpringBootTest(classes = AutoConfigureSmoothSimulatorTests.Config.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE)
@AutoConfigureSmoothSimulator
class AutoConfigureSmoothSimulatorTests {

	@Autowired
	private SmoothSimulator sim;

	@Value("${smooth.base-url}")
	private String baseUrl;

	@Value("${smooth.api-key}")
	private String apiKey;

	@BeforeEach
	void reset() {
		this.sim.reset();
	}

	@Test
	void propertiesPointAtTheInjectedSimulator() throws Exception {
		assertThat(this.baseUrl).isEqualTo(this.sim.baseUrl());
		assertThat(this.apiKey).isEqualTo(this.sim.apiKey());
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/task"))
				.header("apikey", this.apiKey)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"task\":\"from spring\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.sim.requests(Route.CREATE_TASK)).singleElement()
			.satisfies((request) -> assertThat(request.body().get("task").asString()).isEqualTo("from spring"));
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

	}

}
