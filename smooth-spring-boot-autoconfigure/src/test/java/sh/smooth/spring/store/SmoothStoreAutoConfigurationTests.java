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

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import sh.smooth.spring.runtime.TaskLauncher;
import sh.smooth.spring.support.ExpectedLog;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.tool.ToolCallLedger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which task store the auto-configuration picks, and what comes with it.
 */
class SmoothStoreAutoConfigurationTests {

	private final ApplicationContextRunner runner = SimulatorRig.runner()
		.withPropertyValues("smooth.api-key=k", "smooth.warm-up.enabled=false");

	private HikariDataSource dataSource;

	@AfterEach
	void closeDataSource() {
		if (this.dataSource != null) {
			this.dataSource.close();
		}
	}

	private DataSource database() {
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl(FleetDatabase.newDatabase());
		this.dataSource.setUsername(FleetDatabase.server().username());
		this.dataSource.setPassword(FleetDatabase.server().password());
		return this.dataSource;
	}

	private static long tables(DataSource dataSource) {
		return JdbcClient.create(dataSource)
			.sql("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'smooth_%'")
			.query(Long.class)
			.single();
	}

	@Test
	void byDefaultTheStoreIsInMemoryAndToolCallsAreAnsweredAsWithoutAStore() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(InMemoryTaskStore.class).hasSingleBean(FleetMember.class);
			assertThat(context.getBean(ToolCallLedger.class)).isSameAs(ToolCallLedger.NONE);
			assertThat(context).hasSingleBean(TaskLauncher.class).hasSingleBean(FleetTakeOver.class);
		});
	}

	@Test
	void theStoreSaysWhetherToolCallsAreSharedAndWhetherItsCallsLeaveTheCallersThread() {
		this.runner.run((context) -> {
			FleetMember fleet = context.getBean(FleetMember.class);
			assertThat(fleet.store().shared()).isFalse();
			assertThat(fleet.call(() -> Thread.currentThread().getName()).block())
				.isEqualTo(Thread.currentThread().getName());
		});
		// an application's own store keeps both defaults: shared, and blocking
		this.runner.withBean(TaskStore.class, SmoothStoreAutoConfigurationTests::sharedStore).run((context) -> {
			assertThat(context.getBean(ToolCallLedger.class)).isInstanceOf(FleetToolLedger.class);
			assertThat(context.getBean(FleetMember.class).call(() -> Thread.currentThread().getName()).block())
				.startsWith("smooth-store");
		});
	}

	/**
	 * A store of the application's own that keeps the interface's defaults: the in-memory
	 * store's work behind them.
	 */
	private static TaskStore sharedStore() {
		InMemoryTaskStore delegate = new InMemoryTaskStore();
		return (TaskStore) Proxy.newProxyInstance(TaskStore.class.getClassLoader(), new Class<?>[] { TaskStore.class },
				(proxy, method, args) -> {
					if (method.isDefault()) {
						return InvocationHandler.invokeDefault(proxy, method, args);
					}
					if (method.getName().equals("toString")) {
						return "SharedStore";
					}
					try {
						return method.invoke(delegate, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	@Test
	void withTheJdbcTypeAndADataSourceTheStoreIsJdbcAndItsSchemaIsCreated() {
		DataSource database = database();
		this.runner.withBean(DataSource.class, () -> database)
			.withPropertyValues("smooth.store.type=jdbc")
			.run((context) -> {
				assertThat(context).hasSingleBean(JdbcTaskStore.class).doesNotHaveBean(InMemoryTaskStore.class);
				assertThat(context.getBean(ToolCallLedger.class)).isInstanceOf(FleetToolLedger.class);
				assertThat(tables(database)).isEqualTo(5);
			});
	}

	@Test
	@ExpectedLog(logger = "sh.smooth.spring.store.FleetMember", message = "Could not release the leases",
			why = "the tables were never created, on purpose")
	void aSchemaManagedElsewhereIsLeftAlone() {
		DataSource database = database();
		this.runner.withBean(DataSource.class, () -> database)
			.withPropertyValues("smooth.store.type=jdbc", "smooth.store.jdbc.initialize-schema=never")
			.run((context) -> {
				assertThat(context).hasSingleBean(JdbcTaskStore.class);
				assertThat(tables(database)).isZero();
			});
	}

	@Test
	void withoutADataSourceOrWithoutTheJdbcTypeTheStoreStaysInMemory() {
		this.runner.withPropertyValues("smooth.store.type=jdbc")
			.run((context) -> assertThat(context).hasSingleBean(InMemoryTaskStore.class));
		DataSource database = database();
		this.runner.withBean(DataSource.class, () -> database)
			.run((context) -> assertThat(context).hasSingleBean(InMemoryTaskStore.class));
	}

	@Test
	void withoutSpringJdbcTheStoreStaysInMemory() {
		DataSource database = database();
		this.runner.withBean(DataSource.class, () -> database)
			.withPropertyValues("smooth.store.type=jdbc")
			.withClassLoader(new FilteredClassLoader(JdbcTemplate.class))
			.run((context) -> assertThat(context).hasSingleBean(InMemoryTaskStore.class));
	}

	@Test
	void theApplicationsOwnStoreWins() {
		DataSource database = database();
		this.runner.withUserConfiguration(OwnStore.class)
			.withBean(DataSource.class, () -> database)
			.withPropertyValues("smooth.store.type=jdbc")
			.run((context) -> {
				assertThat(context).hasSingleBean(TaskStore.class);
				assertThat(context.getBean(TaskStore.class)).isSameAs(context.getBean("ownStore"));
				assertThat(context.getBean(FleetMember.class).store()).isSameAs(context.getBean("ownStore"));
			});
	}

	@Test
	void theQueuedSubmitsAreAGauge() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			context.getBeansOfType(io.micrometer.core.instrument.binder.MeterBinder.class)
				.values()
				.forEach((binder) -> binder.bindTo(registry));
			assertThat(registry.get("smooth.fleet.queued").gauge().value()).isZero();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnStore {

		@Bean
		TaskStore ownStore() {
			return new InMemoryTaskStore();
		}

	}

}
