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
package sh.smooth.spring.sample.mcp;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.TaskMatcher;

/**
 * An MCP server over stdio that gives any MCP client (Claude Desktop, an IDE) a browser
 * through Smooth: the tools of the starter's Spring AI bridge ({@code smooth_run_task}
 * and the session tools), exposed by Spring AI's MCP server. With {@code SMOOTH_API_KEY}
 * set it uses Smooth; without it, an embedded simulator, so that it starts offline.
 */
@SpringBootApplication
public class McpSampleApplication {

	/**
	 * Starts the server; it serves MCP on standard input and output until the client
	 * closes them.
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(McpSampleApplication.class);
		Map<String, Object> defaults = new HashMap<>();
		if (!hasKey(args, System.getenv())) {
			simulate(application, defaults);
		}
		application.setDefaultProperties(defaults);
		application.run(args);
	}

	static boolean hasKey(String[] args, Map<String, String> env) {
		for (String arg : args) {
			if (arg.startsWith("--smooth.api-key=")) {
				return true;
			}
		}
		String key = env.get("SMOOTH_API_KEY");
		return System.getProperty("smooth.api-key") != null || (key != null && !key.isBlank());
	}

	/**
	 * Points the client at an embedded simulator that answers every task, and stops it
	 * with the context. Started once logging is configured: a log line on standard output
	 * would corrupt the MCP stream.
	 */
	private static void simulate(SpringApplication application, Map<String, Object> defaults) {
		application.addListeners(new ApplicationListener<ApplicationEnvironmentPreparedEvent>() {

			@Override
			public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
				SmoothSimulator simulator = SmoothSimulator.start();
				simulator.onTask(TaskMatcher.any())
					.runningAfter(Duration.ofMillis(200))
					.output("Simulated answer: set SMOOTH_API_KEY for a real browser")
					.credits(1)
					.doneAfter(Duration.ofMillis(500));
				event.getEnvironment()
					.getPropertySources()
					.addLast(new MapPropertySource("smoothSimulator",
							Map.of("smooth.base-url", simulator.baseUrl(), "smooth.api-key", simulator.apiKey())));
				application.addInitializers((context) -> context
					.addApplicationListener((ApplicationListener<ContextClosedEvent>) (closed) -> simulator.close()));
			}

		});
	}

}
