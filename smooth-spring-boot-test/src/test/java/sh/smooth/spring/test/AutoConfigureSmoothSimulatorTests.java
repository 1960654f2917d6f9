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
