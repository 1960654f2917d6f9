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

package sh.smooth.spring.task;

import java.time.Duration;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import sh.smooth.spring.support.SmoothWireMock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class TaskLifecycleTests {

	@RegisterExtension
	static SmoothWireMock wm = new SmoothWireMock();

	@Test
	void submitThenPollUntilDone() {
		wm.stubFor(post("/api/v1/task").willReturn(okJson("{\"r\":{\"id\":\"t1\",\"status\":\"waiting\"}}")));
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/t1")).inScenario("s")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(202)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"r\":{\"id\":\"t1\",\"status\":\"running\"}}"))
			.willSetStateTo("done"));
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/t1")).inScenario("s")
			.whenScenarioStateIs("done")
			.willReturn(okJson("{\"r\":{\"id\":\"t1\",\"status\":\"done\",\"output\":\"hello\",\"credits_used\":3}}")));

		TaskResult result = wm.template().submit("say hello").await(Duration.ofSeconds(5));

		assertThat(result.status()).isEqualTo(TaskStatus.DONE);
		assertThat(result.outputText()).isEqualTo("hello");
		assertThat(result.creditsUsed()).isEqualTo(3);
		wm.verify(1, postRequestedFor(urlEqualTo("/api/v1/task")));
		wm.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/task/t1")));
	}

}
