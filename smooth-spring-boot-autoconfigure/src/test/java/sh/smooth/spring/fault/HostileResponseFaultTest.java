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

package sh.smooth.spring.fault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.NullNode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.api.ToolSignature;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskStatus;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;
import sh.smooth.spring.test.ToolAnswer;
import sh.smooth.spring.tool.SmoothTool;
import sh.smooth.spring.tool.SmoothToolCallback;
import sh.smooth.spring.tool.SmoothToolContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile responses in one place: each row is what the server sends and the outcome it
 * must give.
 */
class HostileResponseFaultTest {

	/**
	 * A {@code tool_call} whose {@code input} is not an object. A tool always gets a JSON
	 * object: a missing or null input is {@code {}}, a string holding a JSON object is
	 * that object, and anything else is answered with code 400 that tells the agent what
	 * to send, before any tool runs. Each row goes to a {@code @SmoothTool} method and to
	 * a {@link SmoothToolCallback} bean, both taking an optional {@code city}.
	 */
	@Nested
	@ExtendWith(SmoothSimulatorExtension.class)
	class ToolCallInput {

		private static final Duration WAIT = Duration.ofSeconds(20);

		private static final String NOT_AN_OBJECT = "Invalid arguments for tool '%s': the input must be a JSON "
				+ "object of named arguments, got %s. Expected: city (optional).";

		static Stream<Arguments> rows() {
			return Stream.of(
					// input on the wire -> code, and what the tool got (200) or the start
					// of the message (400)
					Arguments.of("a string", "Paris", 400, "string"),
					Arguments.of("an array", List.of("Paris", "Lyon"), 400, "array"),
					Arguments.of("a number", 42, 400, "number"), Arguments.of("a boolean", true, 400, "boolean"),
					Arguments.of("null", NullNode.getInstance(), 200, "{}"),
					Arguments.of("no input member", MissingNode.getInstance(), 200, "{}"), Arguments
						.of("a string holding a JSON object", "{\"city\":\"Paris\"}", 200, "{\"city\":\"Paris\"}"));
		}

		@ParameterizedTest(name = "input is {0} -> {2}")
		@MethodSource("rows")
		void eachToolGetsAnObjectOrTheAgentGetsA400(String description, Object input, int code, String expected,
				SmoothSimulator sim) {
			sim.onTask(TaskMatcher.any()).toolCall("cityMethod", input).toolCall("cityCallback", input);
			SimulatorRig.runner()
				.withUserConfiguration(CityTools.class)
				.withPropertyValues(SimulatorRig.properties(sim))
				.run((context) -> {
					TaskHandle handle = context.getBean(SmoothOperations.class).submit("Where am I?");
					// a 400 is not fatal: the agent goes on to the next call
					assertThat(handle.await(WAIT).status()).isEqualTo(TaskStatus.DONE);

					List<ToolAnswer> answers = sim.toolAnswers(handle.id())
						.values()
						.stream()
						.flatMap(List::stream)
						.toList();
					assertThat(answers).hasSize(2);
					CityTools.Recorder recorder = context.getBean(CityTools.Recorder.class);
					if (code == 200) {
						assertThat(answers).allSatisfy((answer) -> {
							assertThat(answer.code()).isEqualTo(200);
							assertThat(answer.output().toString()).isEqualTo(expected);
						});
						assertThat(recorder.inputs).hasSize(2).allSatisfy((got) -> assertThat(got.isObject()).isTrue());
					}
					else {
						assertThat(answers).extracting(ToolAnswer::code).containsOnly(400);
						assertThat(answers).extracting((answer) -> answer.output().asString())
							.containsExactly(NOT_AN_OBJECT.formatted("cityMethod", expected),
									NOT_AN_OBJECT.formatted("cityCallback", expected));
						assertThat(recorder.inputs).isEmpty();
					}
				});
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CityTools {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		@Bean
		Recorder cityRecorder() {
			return new Recorder();
		}

		@Bean
		Methods cityMethods(Recorder recorder) {
			return new Methods(recorder);
		}

		@Bean
		SmoothToolCallback cityCallback(Recorder recorder) {
			JsonNode inputs = JSON.readTree("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}");
			ToolSignature signature = new ToolSignature("cityCallback", "Echoes its input", inputs, "the input");
			return new SmoothToolCallback() {

				@Override
				public ToolSignature signature() {
					return signature;
				}

				@Override
				public Object call(JsonNode input, SmoothToolContext context) {
					recorder.inputs.add(input);
					return input;
				}

			};
		}

		/** What the tools were called with. */
		static class Recorder {

			final List<JsonNode> inputs = new CopyOnWriteArrayList<>();

		}

		static class Methods {

			private final Recorder recorder;

			Methods(Recorder recorder) {
				this.recorder = recorder;
			}

			@SmoothTool(description = "Echoes the city it was given")
			public Map<String, String> cityMethod(Optional<String> city) {
				Map<String, String> got = city.map((name) -> Map.of("city", name)).orElse(Map.of());
				this.recorder.inputs.add(JSON.valueToTree(got));
				return got;
			}

		}

	}

}
