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
