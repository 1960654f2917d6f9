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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import sh.smooth.spring.autoconfigure.SmoothAutoConfiguration;
import sh.smooth.spring.autoconfigure.SmoothObservationAutoConfiguration;
import sh.smooth.spring.autoconfigure.SmoothStoreAutoConfiguration;
import sh.smooth.spring.autoconfigure.SmoothToolsAutoConfiguration;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.tool.SmoothTool;

/**
 * The whole starter, as an application gets it, pointed at a simulator: shared by the
 * end-to-end and fault-injection tests.
 */
public final class SimulatorRig {

	private SimulatorRig() {
	}

	/**
	 * A runner with every Smooth auto-configuration and the Boot ones it builds on.
	 * @return the runner
	 */
	public static ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
					WebClientAutoConfiguration.class, SmoothAutoConfiguration.class, SmoothToolsAutoConfiguration.class,
					SmoothStoreAutoConfiguration.class, SmoothObservationAutoConfiguration.class));
	}

	/**
	 * Points the client at the simulator, with fast polling, plus the given properties.
	 * @param sim the simulator
	 * @param more further {@code key=value} pairs (later ones win)
	 * @return the property values
	 */
	public static String[] properties(SmoothSimulator sim, String... more) {
		List<String> all = new ArrayList<>(List.of("smooth.base-url=" + sim.baseUrl(), "smooth.api-key=" + sim.apiKey(),
				"smooth.polling.first-delay=20ms", "smooth.polling.max-interval=200ms",
				"smooth.polling.active-max-interval=100ms"));
		all.addAll(Arrays.asList(more));
		return all.toArray(new String[0]);
	}

	/**
	 * The live threads the client owns ({@code smooth-poll}, {@code smooth-tool}, ...),
	 * not the simulator's {@code smooth-sim} thread.
	 * @return their names
	 */
	public static Set<String> clientThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter((name) -> name.startsWith("smooth-") && !name.startsWith("smooth-sim"))
			.collect(Collectors.toSet());
	}

	/**
	 * The live non-daemon threads.
	 * @return the threads
	 */
	public static Set<Thread> nonDaemonThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && !thread.isDaemon())
			.collect(Collectors.toSet());
	}

	/**
	 * Waits for a latch the way a tool stuck in a call that interrupts do not reach
	 * would: an interrupt (the cancellation of its task, a timeout) is swallowed.
	 * @param latch what to wait for
	 * @param bound the longest wait, after which the test failed anyway
	 * @throws IllegalStateException when the latch was not released within the bound
	 */
	public static void awaitIgnoringInterrupts(CountDownLatch latch, Duration bound) {
		while (true) {
			try {
				if (!latch.await(bound.toMillis(), TimeUnit.MILLISECONDS)) {
					throw new IllegalStateException("The test never released the latch");
				}
				return;
			}
			catch (InterruptedException ex) {
				// swallowed on purpose
			}
		}
	}

	/**
	 * A configuration with one trivial tool ({@code clock}), for tests that need tools
	 * attached but do not care what they do.
	 */
	@Configuration(proxyBeanMethods = false)
	public static class ClockTools {

		@Bean
		Clock clockTool() {
			return new Clock();
		}

	}

	/**
	 * The trivial tool.
	 */
	public static class Clock {

		/**
		 * The time.
		 * @return a fixed time
		 */
		@SmoothTool(description = "The time")
		public String clock() {
			return "12:00";
		}

	}

}
