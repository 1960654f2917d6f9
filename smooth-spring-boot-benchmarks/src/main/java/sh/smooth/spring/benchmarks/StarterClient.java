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

package sh.smooth.spring.benchmarks;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.SmoothTemplate;
import sh.smooth.spring.browser.BrowserOptions;
import sh.smooth.spring.browser.SessionTask;
import sh.smooth.spring.session.SmoothSession;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskHandle;

/**
 * Every call the side-by-side scenarios make to the starter, and nothing else: when the
 * starter's public API changes, this class is the one to port ({@link StarterDriver} only
 * times what happens here). It is what {@code ts-driver.mjs} does with the SDK.
 */
final class StarterClient implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final SmoothTemplate template;

	private final SmoothOperations smooth;

	private StarterClient(ConfigurableApplicationContext context) {
		this.context = context;
		this.template = context.getBean(SmoothTemplate.class);
		this.smooth = context.getBean(SmoothOperations.class);
	}

	/**
	 * Starts the harness application: the starter with its default settings and the
	 * {@code lookupCustomer} tool.
	 * @param baseUrl the simulator's base URL
	 * @param apiKey the API key
	 * @return the client
	 */
	static StarterClient start(String baseUrl, String apiKey) {
		return new StarterClient(new SpringApplicationBuilder(HarnessApplication.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties(Map.of("smooth.base-url", baseUrl, "smooth.api-key", apiKey, "logging.level.root", "WARN",
					"spring.main.banner-mode", "off"))
			.run());
	}

	/**
	 * Submits a task without blocking.
	 * @param text the task text
	 * @param withTool attach the {@code lookupCustomer} tool (the default set of the
	 * harness application), or no tool at all
	 * @return completes once the server created the task
	 */
	CompletableFuture<Submitted> submit(String text, boolean withTool) {
		SmoothTask.Builder task = SmoothTask.builder(text);
		if (!withTool) {
			task.browser(BrowserOptions.Builder::noTools);
		}
		return this.template.submitAsync(task.build())
			.thenApply((TaskHandle handle) -> new Submitted(handle.id(),
					handle.toFuture().thenApply((result) -> result.status().value())));
	}

	/**
	 * Opens a session, runs goTo, evaluateJs, extract and runTask one after the other,
	 * reporting after each when its result reached the caller, and closes the session
	 * (the default close: force, {@code DELETE}).
	 * @param delivered called with {@link System#nanoTime()} after each action
	 * @return the session id
	 */
	String session(LongConsumer delivered) {
		try (SmoothSession session = this.smooth.openSession()) {
			session.goTo("https://example.com");
			delivered.accept(System.nanoTime());
			session.evaluateJs("document.title");
			delivered.accept(System.nanoTime());
			session.extract(Title.class, (o) -> o.prompt("the title"));
			delivered.accept(System.nanoTime());
			session.runTask(SessionTask.builder("click the first link").build());
			delivered.accept(System.nanoTime());
			return session.id();
		}
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * A created task.
	 *
	 * @param id the task id
	 * @param result completes with the final status ({@code done}, ...) once the result
	 * reached the caller
	 */
	record Submitted(String id, CompletableFuture<String> result) {
	}

	/**
	 * The extracted type.
	 *
	 * @param title the page title
	 */
	record Title(String title) {
	}

}
