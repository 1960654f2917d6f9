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

package sh.smooth.spring.autoconfigure;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import sh.smooth.spring.polling.PollingEngine;
import sh.smooth.spring.runtime.TaskLauncher;
import sh.smooth.spring.store.FleetMember;
import sh.smooth.spring.store.FleetSettings;
import sh.smooth.spring.store.FleetTakeOver;
import sh.smooth.spring.store.FleetToolLedger;
import sh.smooth.spring.store.InMemoryTaskStore;
import sh.smooth.spring.store.JdbcTaskStore;
import sh.smooth.spring.store.TaskStore;
import sh.smooth.spring.task.TaskHandles;
import sh.smooth.spring.tool.ToolCallLedger;

/**
 * Auto-configuration of the task store and of this instance's part in the fleet: a
 * {@link JdbcTaskStore} with {@code smooth.store.type=jdbc}, a {@code DataSource} and
 * spring-jdbc (its schema initialized per {@code smooth.store.jdbc.initialize-schema}),
 * else an {@link InMemoryTaskStore}; the application's own {@link TaskStore} bean wins.
 * Over it, the {@link FleetMember} (leases, cursors, ends and their events, idempotency,
 * the limit), the {@link FleetTakeOver} sweep and, with a shared store, the
 * {@link FleetToolLedger} that makes each tool call run once fleet-wide.
 */
@AutoConfiguration(after = SmoothAutoConfiguration.class,
		afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBean(PollingEngine.class)
@EnableConfigurationProperties(SmoothStoreProperties.class)
@Import(SmoothStoreAutoConfiguration.JdbcStoreConfiguration.class)
public final class SmoothStoreAutoConfiguration {

	/** Where the starter's schema is. */
	static final String SCHEMA = "classpath:sh/smooth/spring/store/schema-postgresql.sql";

	/**
	 * The default store, for one instance: registered after the imported JDBC store, so
	 * that it backs off when that one (or the application's own store) exists.
	 * @return the store
	 */
	@Bean
	@ConditionalOnMissingBean(TaskStore.class)
	InMemoryTaskStore smoothTaskStore() {
		return new InMemoryTaskStore();
	}

	@Bean(initMethod = "start", destroyMethod = "close")
	@ConditionalOnMissingBean
	FleetMember smoothFleetMember(SmoothStoreProperties properties, TaskStore store, PollingEngine engine,
			TaskHandles handles, ApplicationEventPublisher publisher) {
		// the engine is a parameter so that this bean is closed first: the leases are
		// released before polling stops
		SmoothStoreProperties.Fleet fleet = properties.fleet();
		String instanceId = (fleet.instanceId() != null) ? fleet.instanceId() : UUID.randomUUID().toString();
		int limit = (fleet.maxConcurrentTasks() != null) ? fleet.maxConcurrentTasks() : 0;
		if (fleet.maxConcurrentTasks() != null && limit < 1) {
			throw new sh.smooth.spring.error.SmoothValidationException("smooth.fleet.max-concurrent-tasks", limit,
					"must be at least 1 (leave it unset for no limit)");
		}
		return new FleetMember(store,
				new FleetSettings(instanceId, fleet.leaseDuration(), limit, fleet.queuePollInterval()),
				engine.scheduler(), publisher, handles::result);
	}

	@Bean(initMethod = "start", destroyMethod = "close")
	@ConditionalOnMissingBean
	FleetTakeOver smoothFleetTakeOver(FleetMember fleet, TaskLauncher launcher, PollingEngine engine) {
		return new FleetTakeOver(fleet, launcher, engine.scheduler());
	}

	/**
	 * One instance has nobody to share its tool calls with: with a store that is not
	 * {@link TaskStore#shared() shared}, such as the in-memory one, they are answered as
	 * without a store.
	 * @param fleet this instance
	 * @return the ledger
	 */
	@Bean
	@ConditionalOnMissingBean
	ToolCallLedger smoothToolCallLedger(FleetMember fleet) {
		if (!fleet.store().shared()) {
			return ToolCallLedger.NONE;
		}
		return new FleetToolLedger(fleet, JsonMapper.builder().build());
	}

	/**
	 * The JDBC store.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.jdbc.core.JdbcTemplate",
			"org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer" })
	@ConditionalOnBean(DataSource.class)
	@ConditionalOnProperty(name = "smooth.store.type", havingValue = "jdbc")
	static final class JdbcStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(TaskStore.class)
		JdbcTaskStore smoothJdbcTaskStore(DataSource dataSource) {
			return new JdbcTaskStore(dataSource);
		}

		@Bean
		@ConditionalOnMissingBean(name = "smoothTaskStoreSchemaInitializer")
		DataSourceScriptDatabaseInitializer smoothTaskStoreSchemaInitializer(DataSource dataSource,
				SmoothStoreProperties properties) {
			DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
			settings.setSchemaLocations(List.of(SCHEMA));
			settings.setMode(switch (properties.store().jdbc().initializeSchema()) {
				case EMBEDDED -> DatabaseInitializationMode.EMBEDDED;
				case ALWAYS -> DatabaseInitializationMode.ALWAYS;
				case NEVER -> DatabaseInitializationMode.NEVER;
			});
			return new DataSourceScriptDatabaseInitializer(dataSource, settings);
		}

	}

}
