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

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The task store and this instance's part in the fleet, bound from {@code smooth.store.*}
 * and {@code smooth.fleet.*}.
 *
 * @param store Where tasks are recorded.
 * @param fleet This instance's part in a fleet sharing the store.
 */
@ConfigurationProperties("smooth")
public record SmoothStoreProperties(@DefaultValue Store store, @DefaultValue Fleet fleet) {

	/**
	 * The task store.
	 *
	 * @param type Where tasks, tool calls, idempotency keys and the queue are recorded:
	 * memory (one instance, lost with it) or jdbc (the application's DataSource, shared
	 * by a fleet; needs spring-jdbc, PostgreSQL).
	 * @param jdbc The JDBC store.
	 */
	public record Store(@DefaultValue("memory") Type type, @DefaultValue Jdbc jdbc) {

		/**
		 * The kinds of store.
		 */
		public enum Type {

			/** In memory: one instance. */
			MEMORY,

			/** The application's DataSource. */
			JDBC

		}

		/**
		 * The JDBC store.
		 *
		 * @param initializeSchema When the starter creates its tables
		 * (schema-postgresql.sql, CREATE TABLE IF NOT EXISTS): embedded (only in an
		 * embedded database), always, or never (the tables come from Flyway or
		 * Liquibase).
		 */
		public record Jdbc(@DefaultValue("always") InitializeSchema initializeSchema) {
		}

		/**
		 * When the tables are created.
		 */
		public enum InitializeSchema {

			/** Only in an embedded database. */
			EMBEDDED,

			/** At every start (the script only creates what is missing). */
			ALWAYS,

			/** Never: a migration tool manages them. */
			NEVER

		}

	}

	/**
	 * This instance in the fleet.
	 *
	 * @param instanceId This instance's id in the store, unique in the fleet; a random
	 * UUID per application context when unset.
	 * @param leaseDuration How long this instance's tasks stay its own without a renewal
	 * (renewed every third of it); once it expired, another instance takes them over.
	 * @param maxConcurrentTasks Most tasks and sessions running at once fleet-wide;
	 * submits beyond it wait in the store's queue, in order, instead of failing with 429.
	 * Unset for no limit.
	 * @param queuePollInterval How often a queued submit asks the store for a slot.
	 */
	public record Fleet(@Nullable String instanceId, @DefaultValue("30s") Duration leaseDuration,
			@Nullable Integer maxConcurrentTasks, @DefaultValue("500ms") Duration queuePollInterval) {
	}

}
