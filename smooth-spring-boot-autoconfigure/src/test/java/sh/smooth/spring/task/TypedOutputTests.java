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
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.core.ParameterizedTypeReference;

import sh.smooth.spring.error.SmoothOutputMappingException;
import sh.smooth.spring.error.SmoothTaskFailedException;
import sh.smooth.spring.support.SmoothWireMock;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Structured output end to end: the typed {@code run} overloads, conversion errors with
 * their JSON path, and failed tasks.
 */
class TypedOutputTests {

	@RegisterExtension
	static SmoothWireMock wm = new SmoothWireMock();

	/**
	 * A task id per test, so a poll still in flight from the previous test cannot disturb
	 * this one.
	 */
	private String id;

	@BeforeEach
	void setUp() {
		this.id = wm.taskId();
		wm.stubFor(post("/api/v1/task").willReturn(okJson("{\"r\":{\"id\":\"" + id + "\",\"status\":\"running\"}}")));
	}

	@Test
	void runConvertsToARecord() {
		done("{\"title\":\"Show HN\",\"points\":42,\"kind\":\"SHOW\",\"tags\":[\"a\",\"b\"]}");

		Story story = wm.template().run("top story", Story.class);

		assertThat(story).isEqualTo(new Story("Show HN", 42, Kind.SHOW, List.of("a", "b")));
	}

	@Test
	void runConvertsToAGenericList() {
		done("[{\"title\":\"a\",\"points\":1,\"kind\":\"ASK\",\"tags\":[]},{\"title\":\"b\",\"points\":2,\"kind\":\"SHOW\",\"tags\":[]}]");

		List<Story> stories = wm.template().run("top stories", new ParameterizedTypeReference<List<Story>>() {
		});

		assertThat(stories).extracting(Story::title).containsExactly("a", "b");
	}

	@Test
	void structuredOutputSentAsAJsonStringIsStillConverted() {
		done("\"{\\\"title\\\":\\\"x\\\",\\\"points\\\":1,\\\"kind\\\":\\\"ASK\\\",\\\"tags\\\":[]}\"");

		assertThat(wm.template().run("x", Story.class).title()).isEqualTo("x");
	}

	@Test
	void aMismatchNamesTheJsonPath() {
		done("[{\"title\":\"a\",\"points\":1,\"kind\":\"ASK\",\"tags\":[]},{\"title\":\"b\",\"points\":\"many\",\"kind\":\"ASK\",\"tags\":[]}]");

		assertThatThrownBy(() -> wm.template().run("x", new ParameterizedTypeReference<List<Story>>() {
		})).isInstanceOfSatisfying(SmoothOutputMappingException.class,
				(ex) -> assertThat(ex.path()).isEqualTo("$[1].points"))
			.hasMessageContaining("$[1].points");
	}

	@Test
	void aMismatchKeepsTheTaskIdAndTheWholeRawOutput() {
		String output = "{\"title\":\"Show HN\",\"points\":\"forty-two\",\"kind\":\"SHOW\",\"tags\":[]}";
		done(output);

		assertThatThrownBy(() -> wm.template().run("top story", Story.class))
			.isInstanceOfSatisfying(SmoothOutputMappingException.class, (ex) -> {
				assertThat(ex.taskId()).isEqualTo(this.id);
				assertThat(ex.rawOutput()).isEqualTo(output);
				assertThat(ex.path()).isEqualTo("$.points");
			})
			.hasMessageContaining(this.id)
			.hasMessageContaining("forty-two");
		assertThatThrownBy(() -> wm.template().run("top story", new ParameterizedTypeReference<Story>() {
		})).isInstanceOfSatisfying(SmoothOutputMappingException.class,
				(ex) -> assertThat(ex.rawOutput()).isEqualTo(output));
	}

	@Test
	void aFailedTaskRaisesWithTheAgentsExplanation() {
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/" + id + "")).willReturn(okJson(
				"{\"r\":{\"id\":\"" + id + "\",\"status\":\"failed\",\"output\":\"The site blocked the agent\"}}")));

		assertThatThrownBy(() -> wm.template().run("x", Story.class))
			.isInstanceOfSatisfying(SmoothTaskFailedException.class, (ex) -> {
				assertThat(ex.status()).isEqualTo("failed");
				assertThat(ex.taskId()).isEqualTo("" + id + "");
			})
			.hasMessageContaining("The site blocked the agent");
	}

	@Test
	void untypedRunReturnsFailedResultsWithoutThrowing() {
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/" + id + ""))
			.willReturn(okJson("{\"r\":{\"id\":\"" + id + "\",\"status\":\"failed\",\"output\":\"nope\"}}")));

		TaskResult result = wm.template().submit("x").await(Duration.ofSeconds(10));

		assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
		assertThat(result.isDone()).isFalse();
		assertThat(result.outputText()).isEqualTo("nope");
	}

	private void done(String output) {
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/" + id + "")).willReturn(okJson(
				"{\"r\":{\"id\":\"" + id + "\",\"status\":\"done\",\"credits_used\":2,\"output\":" + output + "}}")));
	}

	enum Kind {

		ASK, SHOW

	}

	record Story(String title, int points, Kind kind, List<String> tags) {
	}

}
