package sh.smooth.spring.benchmarks;

import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Scenarios that need the tools and sessions features.
 */
final class Scenarios {

	private Scenarios() {
	}

	static List<ScenarioResult> extra(RemoteSimulator sim, ConfigurableApplicationContext context, String mode) {
		return List.of();
	}

}
