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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import sh.smooth.spring.browser.Agent;
import sh.smooth.spring.browser.BrowserOptions;
import sh.smooth.spring.browser.Device;
import sh.smooth.spring.error.SmoothValidationException;
import sh.smooth.spring.support.Validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Client-side validation: each rejection names the field, the value and the limit. None
 * of these makes an HTTP call (there is no server here at all).
 */
class TaskValidationTests {

	static List<Arguments> rejected() {
		Map<String, Object> tooMany = new HashMap<>();
		for (int i = 0; i < 17; i++) {
			tooMany.put("k" + i, i);
		}
		return List.of(
				Arguments.of("blank task", (Executable) () -> SmoothTask.builder("  "), "task", "must not be blank"),
				Arguments.of("null task", (Executable) () -> SmoothTask.builder(null), "task", "must not be blank"),
				Arguments.of("steps too low", (Executable) () -> SmoothTask.builder("x").maxSteps(1), "max_steps",
						"between 2 and 128"),
				Arguments.of("steps too high", (Executable) () -> SmoothTask.builder("x").maxSteps(129), "129",
						"between 2 and 128"),
				Arguments.of("relative url", (Executable) () -> SmoothTask.builder("x").url("/search"), "url",
						"absolute http(s) URL"),
				Arguments.of("ftp url", (Executable) () -> SmoothTask.builder("x").url("ftp://example.com"),
						"ftp://example.com", "absolute http(s) URL"),
				Arguments.of("17 metadata keys", (Executable) () -> SmoothTask.builder("x").metadata(tooMany),
						"17 keys", "at most 16 keys"),
				Arguments.of("long metadata value",
						(Executable) () -> SmoothTask.builder("x").metadata("k", "v".repeat(2049)), "metadata[k]",
						"at most 2048 characters"),
				Arguments.of("non-scalar metadata",
						(Executable) () -> SmoothTask.builder("x").metadata("k", List.of(1)), "metadata[k]",
						"string, number or boolean"),
				Arguments.of("self proxy", (Executable) () -> BrowserOptions.builder().proxy("self"), "proxyServer",
						"socks5://"),
				Arguments.of("unknown device", (Executable) () -> Device.of("tablet"), "tablet",
						"desktop, mobile, desktop-lg"),
				Arguments.of("unknown agent", (Executable) () -> Agent.of("gpt"), "gpt", "smooth, smooth-lite"),
				Arguments.of("non-positive timeout", (Executable) () -> Validate.positive("timeout", Duration.ZERO),
						"timeout", "positive"),
				Arguments.of("origin from user input", (Executable) () -> BrowserOptions.builder().origin("User 42"),
						"origin", "1 to 32 lower-case"),
				Arguments.of("blank file id", (Executable) () -> BrowserOptions.builder().files("a", " "), "files[1]",
						"must not be blank"),
				Arguments.of("non-object schema",
						(Executable) () -> SmoothTask.builder("x")
							.responseModel(tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode()),
						"responseModel", "JSON object"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rejected")
	void rejectsWithFieldValueAndLimit(String name, Executable call, String mentions, String limit) {
		assertThatThrownBy(call::execute).isInstanceOf(SmoothValidationException.class)
			.hasMessageContaining(mentions)
			.hasMessageContaining(limit);
	}

	@Test
	void proxyPasswordNeverAppearsInTheValidationMessage() {
		assertThatThrownBy(() -> BrowserOptions.builder().proxy("ftp://h:1", "bob", "hunter2"))
			.isInstanceOf(SmoothValidationException.class)
			.hasMessageNotContaining("hunter2");
		assertThat(SmoothTask.builder("x").browser((b) -> b.proxy("http://h:1", "bob", "hunter2")).build().toString())
			.doesNotContain("hunter2");
	}

	@Test
	void acceptsTheLimitsThemselves() {
		Map<String, Object> sixteen = new HashMap<>();
		for (int i = 0; i < 16; i++) {
			sixteen.put("k" + i, "v".repeat(2048));
		}
		SmoothTask task = SmoothTask.builder("x").maxSteps(2).maxSteps(128).metadata(sixteen).build();
		assertThat(task.instruction().maxSteps()).isEqualTo(128);
		assertThat(task.instruction().metadata()).hasSize(16);
		assertThat(Device.of("desktop-lg")).isEqualTo(Device.DESKTOP_LG);
		assertThat(Agent.of("SMOOTH_LITE")).isEqualTo(Agent.SMOOTH_LITE);
		assertThat(BrowserOptions.builder().origin("a".repeat(32)).build().origin()).hasSize(32);
		assertThat(BrowserOptions.defaults().origin()).isEqualTo("application");
	}

}
