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

package sh.smooth.spring.sample;

import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

import sh.smooth.spring.test.SmoothSimulator;

/**
 * Which Smooth the sample talks to: the real service when a key is configured, else the
 * embedded simulator, scripted by {@link DemoScenario}.
 */
final class Backend {

	private final boolean simulated;

	private Backend(boolean simulated) {
		this.simulated = simulated;
	}

	/**
	 * Decides from the arguments and the environment. {@code --sample.backend=simulator}
	 * forces the simulator even with a key.
	 * @param args the arguments
	 * @param env the environment variables
	 * @return the backend
	 */
	static Backend choose(String[] args, Map<String, String> env) {
		if (Arrays.asList(args).contains("--sample.backend=simulator")) {
			return new Backend(true);
		}
		boolean hasKey = Arrays.stream(args).anyMatch((arg) -> arg.startsWith("--smooth.api-key="))
				|| System.getProperty("smooth.api-key") != null || notBlank(env.get("SMOOTH_API_KEY"))
				|| notBlank(env.get("CIRCLEMIND_API_KEY"));
		return new Backend(!hasKey);
	}

	private static boolean notBlank(String value) {
		return value != null && !value.isBlank();
	}

	boolean simulated() {
		return this.simulated;
	}

	/**
	 * Starts and scripts the simulator if it is the backend, points the client at it, and
	 * registers it as a bean that stops with the context.
	 * @param application the application
	 * @param defaults default properties to fill
	 */
	void apply(SpringApplication application, Map<String, Object> defaults) {
		if (!this.simulated) {
			defaults.put("sample.backend", "smooth");
			return;
		}
		SmoothSimulator simulator = SmoothSimulator.start();
		DemoScenario.script(simulator);
		defaults.put("sample.backend", "simulator");
		defaults.put("smooth.base-url", simulator.baseUrl());
		defaults.put("smooth.api-key", simulator.apiKey());
		application.addInitializers((context) -> {
			context.getBeanFactory().registerSingleton("smoothSimulator", simulator);
			context.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> simulator.close());
		});
	}

}
