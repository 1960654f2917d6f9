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

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import sh.smooth.spring.test.postgres.LocalPostgres;

/**
 * One real PostgreSQL for the store and fleet tests of this JVM, started once (by
 * {@link LocalPostgres}, no Docker), with a fresh database per test.
 */
final class FleetDatabase {

	private static final AtomicInteger databases = new AtomicInteger();

	private static LocalPostgres server;

	private FleetDatabase() {
	}

	static synchronized LocalPostgres server() {
		if (server == null) {
			server = LocalPostgres.start();
		}
		return server;
	}

	/**
	 * A new, empty database.
	 * @return its JDBC URL
	 */
	static String newDatabase() {
		String name = "fleet_" + databases.incrementAndGet();
		server().createDatabase(name);
		return server().jdbcUrl(name);
	}

	/**
	 * A pooled data source on a new database with the starter's schema.
	 * @return the data source; close it after the test
	 */
	static HikariDataSource newDataSourceWithSchema() {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(newDatabase());
		dataSource.setUsername(server().username());
		dataSource.setPassword(server().password());
		dataSource.setMaximumPoolSize(8);
		schema(dataSource);
		return dataSource;
	}

	static void schema(DataSource dataSource) {
		new ResourceDatabasePopulator(new ClassPathResource("sh/smooth/spring/store/schema-postgresql.sql"))
			.execute(dataSource);
	}

	/**
	 * Properties of a context on a database.
	 * @param url the database
	 * @return {@code spring.datasource.*}
	 */
	static List<String> dataSourceProperties(String url) {
		return List.of("spring.datasource.url=" + url, "spring.datasource.username=" + server().username(),
				"spring.datasource.password=" + server().password(), "spring.datasource.hikari.maximum-pool-size=6");
	}

}
