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
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample: a customer-service back end that asks Smooth about deliveries, answers the
 * agent's tool calls from its own repository, and drives a browser session.
 * <p>
 * Without an API key it runs everything against the embedded simulator, offline, prints a
 * report and exits with status 0. With {@code SMOOTH_API_KEY} set it uses the real
 * service. {@code --sample.keep-running=true} keeps the web server up for the REST
 * endpoints.
 */
@SpringBootApplication
public class SampleApplication {

	/**
	 * Runs the sample.
	 * @param args Spring Boot arguments
	 */
	public static void main(String[] args) {
		boolean keepRunning = Arrays.asList(args).contains("--sample.keep-running=true");
		ConfigurableApplicationContext context = application(args, keepRunning).run(args);
		if (!keepRunning) {
			System.exit(SpringApplication.exit(context));
		}
	}

	/**
	 * Builds the application: picks the backend before the context starts, because the
	 * Smooth client reads {@code smooth.base-url} when it is created.
	 * @param args the arguments
	 * @param web whether to start the web server
	 * @return the application
	 */
	static SpringApplication application(String[] args, boolean web) {
		SpringApplication application = new SpringApplication(SampleApplication.class);
		application.setWebApplicationType(web ? WebApplicationType.SERVLET : WebApplicationType.NONE);
		Map<String, Object> defaults = new HashMap<>();
		Backend backend = Backend.choose(args, System.getenv());
		backend.apply(application, defaults);
		application.setDefaultProperties(defaults);
		return application;
	}

}
