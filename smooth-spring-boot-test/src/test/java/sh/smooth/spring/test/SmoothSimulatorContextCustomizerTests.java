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

import java.io.IOException;
import java.net.Socket;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The customizer's lifecycle and its equality (which Spring's context cache relies on).
 */
class SmoothSimulatorContextCustomizerTests {

	@AutoConfigureSmoothSimulator(baseUrlProperty = "my.url", apiKeyProperty = "my.key")
	static class Annotated {

	}

	static class NotAnnotated {

	}

	@Test
	void factoryOnlyReactsToTheAnnotation() {
		SmoothSimulatorContextCustomizerFactory factory = new SmoothSimulatorContextCustomizerFactory();
		assertThat(factory.createContextCustomizer(NotAnnotated.class, List.of())).isNull();
		assertThat(factory.createContextCustomizer(Annotated.class, List.of()))
			.isEqualTo(new SmoothSimulatorContextCustomizer("my.url", "my.key"))
			.hasSameHashCodeAs(new SmoothSimulatorContextCustomizer("my.url", "my.key"))
			.isNotEqualTo(new SmoothSimulatorContextCustomizer("smooth.base-url", "smooth.api-key"));
	}

	@Test
	void simulatorStopsWithTheContext() throws IOException {
		ContextCustomizer customizer = new SmoothSimulatorContextCustomizerFactory()
			.createContextCustomizer(Annotated.class, List.of());
		SmoothSimulator sim;
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			customizer.customizeContext(context, null);
			context.refresh();
			sim = context.getBean(SmoothSimulator.class);
			assertThat(context.getEnvironment().getProperty("my.url")).isEqualTo(sim.baseUrl());
			assertThat(context.getEnvironment().getProperty("my.key")).isEqualTo(sim.apiKey());
			new Socket("127.0.0.1", sim.port()).close();
		}
		int port = sim.port();
		assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
	}

}
