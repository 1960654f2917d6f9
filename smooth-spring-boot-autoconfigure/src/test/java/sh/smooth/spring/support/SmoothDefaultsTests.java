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

package sh.smooth.spring.support;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.DurationStyle;

import sh.smooth.spring.autoconfigure.SmoothProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The defaults written once: the builder's reading of each duration is Boot's, and an
 * unset {@link SmoothProperties} binds to the same values.
 */
class SmoothDefaultsTests {

	@Test
	void everyDurationConstantReadsAsBootReadsIt() throws IllegalAccessException {
		int durations = 0;
		for (Field field : SmoothDefaults.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getName().endsWith("_TIMEOUT")) {
				String text = (String) field.get(null);
				assertThat(SmoothDefaults.duration(text)).as(field.getName())
					.isEqualTo(DurationStyle.detectAndParse(text));
				durations++;
			}
		}
		assertThat(durations).isEqualTo(5);
	}

	@Test
	void unsetPropertiesBindToTheDefaults() {
		SmoothProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("smooth.api-key", "k")))
			.bindOrCreate("smooth", SmoothProperties.class);
		assertThat(properties.baseUrl()).hasToString(SmoothDefaults.BASE_URL);
		assertThat(properties.maxResponseSize()).isEqualTo(SmoothDefaults.size(SmoothDefaults.MAX_RESPONSE_SIZE));
		assertThat(properties.polling().threads()).isEqualTo(Integer.parseInt(SmoothDefaults.POLLING_THREADS));
		assertThat(properties.task().defaultTimeout()).isEqualTo(Duration.ofMinutes(10));
		assertThat(properties.task().liveUrlTimeout()).isEqualTo(Duration.ofSeconds(60));
		assertThat(properties.session().actionTimeout()).isEqualTo(Duration.ofMinutes(5));
		assertThat(properties.tools().timeout()).isEqualTo(Duration.ofSeconds(60));
		assertThat(properties.tools().executor().queueTimeout()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void onlyTheSimpleFormIsRead() {
		assertThat(SmoothDefaults.duration("250ms")).isEqualTo(Duration.ofMillis(250));
		assertThat(SmoothDefaults.duration("2h")).isEqualTo(Duration.ofHours(2));
		assertThatIllegalArgumentException().isThrownBy(() -> SmoothDefaults.duration("PT10M"))
			.withMessage("not a simple duration: PT10M");
	}

}
