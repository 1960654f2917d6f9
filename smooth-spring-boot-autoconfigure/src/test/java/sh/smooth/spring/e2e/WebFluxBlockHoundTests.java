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
package sh.smooth.spring.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import sh.smooth.spring.ReactiveSmoothOperations;
import sh.smooth.spring.support.ExpectedLog;
import sh.smooth.spring.test.AutoConfigureSmoothSimulator;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.TaskMatcher;
import sh.smooth.spring.test.ToolAnswer;
import sh.smooth.spring.tool.SmoothTool;
import sh.smooth.spring.tool.SmoothToolContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A WebFlux application on Netty runs a typed task, a tool task and a session through
 * {@link ReactiveSmoothOperations} alone, while BlockHound turns every blocking call on a
 * non-blocking thread (Netty event loops, Reactor's parallel scheduler, the client's
 * polling scheduler) into an error that is also recorded, so that a block swallowed
 * somewhere still fails the test. The companion tests prove BlockHound is installed and
 * fires, on a Reactor thread and on a Netty request thread.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = WebFluxBlockHoundTests.App.class,
		properties = { "smooth.polling.first-delay=20ms", "smooth.polling.max-interval=200ms",
				"smooth.polling.active-max-interval=100ms", "spring.main.banner-mode=off" })
@AutoConfigureSmoothSimulator
class WebFluxBlockHoundTests {

	private static final List<String> blocked = new CopyOnWriteArrayList<>();

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	private int port;

	@Autowired
	private SmoothSimulator simulator;

	private WebTestClient client;

	@BeforeAll
	static void installBlockHound() {
		BlockHound.install((builder) -> builder
			// the simulator stands in for the remote Smooth API: its own event loops
			// ("smooth-sim-...") are the server's, not the application's
			.nonBlockingThreadPredicate(
					(current) -> current.and((thread) -> !thread.getName().startsWith("smooth-sim")))
			.blockingMethodCallback((method) -> {
				blocked.add(Thread.currentThread().getName() + ": " + method);
				throw new BlockingOperationError(method);
			}));
	}

	@BeforeEach
	void setUp() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(WAIT)
			.build();
		blocked.clear();
	}

	@Test
	void aTypedTaskAToolTaskAndASessionRunWithoutBlockingAnyNonBlockingThread() {
		this.simulator.onTask(TaskMatcher.textContains("price"))
			.runningAfter(Duration.ofMillis(20))
			.doneAfter(Duration.ofMillis(100))
			.output(Map.of("amount", 12, "currency", "EUR"));
		this.simulator.onTask(TaskMatcher.textContains("title"))
			.runningAfter(Duration.ZERO)
			.toolCall("pageTitle", Map.of())
			.doneAfter(Duration.ofMillis(100));
		this.simulator.onSessionAction("evaluate_js").respond("Checkout - Shop", 0);

		StepVerifier.create(this.client.get().uri("/typed").exchange().returnResult(Price.class).getResponseBody())
			.expectNext(new Price(12, "EUR"))
			.verifyComplete();
		StepVerifier.create(this.client.get().uri("/tool").exchange().returnResult(String.class).getResponseBody())
			.expectNext("done")
			.verifyComplete();
		String toolTask = this.simulator.taskIds().get(1);
		assertThat(this.simulator.allToolAnswers(toolTask).stream().map(ToolAnswer::code)).containsExactly(200);
		StepVerifier.create(this.client.get().uri("/session").exchange().returnResult(String.class).getResponseBody())
			.expectNext("Checkout - Shop")
			.verifyComplete();

		assertThat(blocked).as("blocking calls on non-blocking threads").isEmpty();
		this.simulator.assertNoOpenApiViolations();
	}

	@Test
	void blockHoundIsInstalledAndFiresOnAReactorThread() {
		Throwable thrown = catchThrowable(() -> Mono.fromCallable(() -> {
			Thread.sleep(1);
			return "slept";
		}).subscribeOn(Schedulers.parallel()).block(WAIT));
		assertThat(Exceptions.unwrap(thrown)).isInstanceOf(BlockingOperationError.class);
		assertThat(blocked).singleElement().satisfies((call) -> assertThat(call).contains("parallel", "sleep"));
	}

	@Test
	@ExpectedLog(logger = "org.springframework.boot.webflux.autoconfigure.error.AbstractErrorWebExceptionHandler",
			message = "500 Server Error for HTTP GET \"/blocking\"",
			why = "the endpoint blocks on purpose, to prove BlockHound catches it on a Netty thread")
	void blockHoundFiresOnANettyRequestThread() {
		this.client.get().uri("/blocking").exchange().expectStatus().is5xxServerError();
		assertThat(blocked).isNotEmpty().allSatisfy((call) -> assertThat(call).contains("http", "sleep"));
	}

	record Price(int amount, String currency) {
	}

	@Configuration(proxyBeanMethods = false)
	// spring-jdbc and a driver are on this module's test classpath (for the task store),
	// but this application has no database
	@EnableAutoConfiguration(excludeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
	static class App {

		@Bean
		Endpoints endpoints(ReactiveSmoothOperations smooth) {
			return new Endpoints(smooth);
		}

		@Bean
		PageTools pageTools() {
			return new PageTools();
		}

	}

	@RestController
	static class Endpoints {

		private final ReactiveSmoothOperations smooth;

		Endpoints(ReactiveSmoothOperations smooth) {
			this.smooth = smooth;
		}

		@GetMapping("/typed")
		Mono<Price> typed() {
			return this.smooth.run("Find the price of the book", Price.class);
		}

		@GetMapping("/tool")
		Mono<String> tool() {
			return this.smooth.run("Read the page title with the tool").map((result) -> result.status().value());
		}

		@GetMapping("/session")
		Mono<String> session() {
			return this.smooth.openSession()
				.flatMap((session) -> session.goTo("https://shop.example.com")
					.then(session.evaluateJs("document.title"))
					.flatMap((title) -> session.close().thenReturn(title.asString())));
		}

		@GetMapping("/blocking")
		Mono<String> blocking() throws InterruptedException {
			// on the Netty request thread: what BlockHound must catch
			Thread.sleep(1);
			return Mono.just("slept");
		}

	}

	static class PageTools {

		@SmoothTool(description = "The title of the current page")
		public String pageTitle(SmoothToolContext context) {
			// tools run on the tool executor, where blocking is allowed
			return context.actions().evaluateJs("document.title").asString();
		}

	}

}
