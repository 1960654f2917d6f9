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

package sh.smooth.spring.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.autoconfigure.SmoothAutoConfiguration;
import sh.smooth.spring.autoconfigure.SmoothObservationAutoConfiguration;
import sh.smooth.spring.autoconfigure.SmoothStoreAutoConfiguration;
import sh.smooth.spring.autoconfigure.SmoothToolsAutoConfiguration;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.tool.SmoothTool;
import sh.smooth.spring.tool.SmoothToolContext;

/**
 * Several instances of one application in this JVM, each a real application context with
 * the whole starter, sharing one PostgreSQL database and one simulator; and the
 * {@link Ledger} that sees what all of them did: every tool-method invocation, every
 * {@link SmoothTaskCompletedEvent}.
 */
final class FleetRig implements AutoCloseable {

	private final SmoothSimulator sim;

	private final String databaseUrl;

	final Ledger ledger = new Ledger();

	private final List<Member> members = new CopyOnWriteArrayList<>();

	FleetRig(SmoothSimulator sim) {
		this.sim = sim;
		this.databaseUrl = FleetDatabase.newDatabase();
	}

	/**
	 * Starts an instance.
	 * @param name its instance id
	 * @param more further properties
	 * @return the instance
	 */
	Member start(String name, String... more) {
		List<String> properties = new ArrayList<>(List.of(SimulatorRig.properties(this.sim,
				"smooth.polling.max-interval=300ms", "smooth.store.type=jdbc", "smooth.fleet.instance-id=" + name,
				"smooth.fleet.lease-duration=1500ms", "smooth.fleet.queue-poll-interval=50ms",
				"smooth.tools.executor.threads=32", "smooth.warm-up.enabled=false")));
		properties.addAll(FleetDatabase.dataSourceProperties(this.databaseUrl));
		properties.addAll(List.of(more));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(FleetApp.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.initializers((ctx) -> ctx.getBeanFactory().registerSingleton("fleetLedger", this.ledger))
			.properties(properties.toArray(new String[0]))
			.run();
		Member member = new Member(name, context);
		this.members.add(member);
		return member;
	}

	@Override
	public void close() {
		this.ledger.release();
		for (Member member : this.members) {
			member.context.close();
		}
	}

	/**
	 * One instance.
	 */
	static final class Member {

		final String name;

		final ConfigurableApplicationContext context;

		Member(String name, ConfigurableApplicationContext context) {
			this.name = name;
			this.context = context;
		}

		SmoothOperations smooth() {
			return this.context.getBean(SmoothOperations.class);
		}

		FleetMember fleet() {
			return this.context.getBean(FleetMember.class);
		}

		/**
		 * The instance dies: its leases are no longer renewed, nothing more reaches the
		 * store, and its context goes away (its polls and tools stop, nothing is sent).
		 */
		void kill() {
			fleet().crash();
			this.context.close();
		}

	}

	/**
	 * What every instance did, fleet-wide.
	 */
	static final class Ledger {

		/** taskId/eventId to the instances that ran the tool method. */
		final Map<String, List<String>> invocations = new ConcurrentHashMap<>();

		/** taskId to the completion events published for it, by any instance. */
		final Map<String, List<SmoothTaskCompletedEvent>> completions = new ConcurrentHashMap<>();

		final AtomicInteger blocked = new AtomicInteger();

		/** Whether a call (instance, step) blocks until the instance's tools stop. */
		volatile BiPredicate<String, Integer> blocks = (instance, step) -> false;

		private final CountDownLatch never = new CountDownLatch(1);

		void invoked(String instance, SmoothToolContext context) {
			this.invocations
				.computeIfAbsent(context.taskId() + "/" + context.eventId(), (key) -> new CopyOnWriteArrayList<>())
				.add(instance);
		}

		int invocationCount() {
			return this.invocations.values().stream().mapToInt(List::size).sum();
		}

		List<String> duplicates() {
			return this.invocations.entrySet()
				.stream()
				.filter((entry) -> entry.getValue().size() > 1)
				.map((entry) -> entry.getKey() + " ran on " + entry.getValue())
				.toList();
		}

		void block() throws InterruptedException {
			this.blocked.incrementAndGet();
			// until the instance's tool executor is shut down (interrupt)
			this.never.await();
		}

		void release() {
			this.never.countDown();
		}

	}

	/**
	 * The application every instance runs.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
			WebClientAutoConfiguration.class, DataSourceAutoConfiguration.class, SmoothAutoConfiguration.class,
			SmoothToolsAutoConfiguration.class, SmoothStoreAutoConfiguration.class,
			SmoothObservationAutoConfiguration.class })
	static class FleetApp {

		@Bean
		FleetTools fleetTools(Ledger ledger, @Value("${smooth.fleet.instance-id}") String instance) {
			return new FleetTools(ledger, instance);
		}

		@Bean
		Completions completions(Ledger ledger) {
			return new Completions(ledger);
		}

	}

	/**
	 * The application's tool: counts where it ran.
	 */
	static final class FleetTools {

		private final Ledger ledger;

		private final String instance;

		FleetTools(Ledger ledger, String instance) {
			this.ledger = ledger;
			this.instance = instance;
		}

		@SmoothTool(description = "Does step n of an order (a side effect: it must run once)")
		public String step(int n, SmoothToolContext context) throws InterruptedException {
			this.ledger.invoked(this.instance, context);
			if (this.ledger.blocks.test(this.instance, n)) {
				this.ledger.block();
			}
			return "step " + n + " by " + this.instance;
		}

	}

	/**
	 * The application's listener of task ends.
	 */
	static final class Completions {

		private final Ledger ledger;

		Completions(Ledger ledger) {
			this.ledger = ledger;
		}

		@EventListener
		void completed(SmoothTaskCompletedEvent event) {
			this.ledger.completions.computeIfAbsent(event.taskId(), (key) -> new CopyOnWriteArrayList<>()).add(event);
		}

	}

}
