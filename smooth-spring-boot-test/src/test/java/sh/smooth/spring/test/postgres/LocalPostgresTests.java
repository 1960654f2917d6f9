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

package sh.smooth.spring.test.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * {@link LocalPostgres} as the test JVM's user (root here and in CI, so through
 * {@code runuser}): a real server that answers JDBC, gives the row locks the JDBC task
 * store relies on, runs beside a second one and is gone after close. One server for the
 * class; the tests that need their own start and close it.
 */
class LocalPostgresTests {

	private static LocalPostgres postgres;

	@BeforeAll
	static void start() {
		postgres = LocalPostgres.start();
	}

	@AfterAll
	static void stop() {
		postgres.close();
	}

	@Test
	void answersQueriesOverJdbc() throws SQLException {
		try (Connection connection = connect(postgres.jdbcUrl())) {
			assertThat(queryStrings(connection, "select version()")).singleElement()
				.asString()
				.startsWith("PostgreSQL 17.");
			assertThat(queryStrings(connection, "select current_user")).containsExactly("postgres");
		}
		assertThat(postgres.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres");
	}

	@Test
	void skipLockedHandsEachRowToOneConnection() throws SQLException {
		String claim = "select id from jobs order by id limit 2 for update skip locked";
		try (Connection setup = connect(postgres.jdbcUrl()); Statement statement = setup.createStatement()) {
			statement.execute("create table jobs (id int primary key)");
			statement.execute("insert into jobs values (1), (2), (3), (4)");
		}
		try (Connection first = connect(postgres.jdbcUrl());
				Connection second = connect(postgres.jdbcUrl());
				Connection third = connect(postgres.jdbcUrl())) {
			first.setAutoCommit(false);
			second.setAutoCommit(false);
			third.setAutoCommit(false);
			assertThat(queryStrings(first, claim)).containsExactly("1", "2");
			assertThat(queryStrings(second, claim)).containsExactly("3", "4");
			assertThat(queryStrings(third, claim)).isEmpty();
			first.rollback();
			assertThat(queryStrings(third, claim)).containsExactly("1", "2");
			second.commit();
			third.commit();
		}
	}

	@Test
	void createsDatabases() throws SQLException {
		String url = postgres.createDatabase("orders_test");
		try (Connection connection = connect(url)) {
			assertThat(queryStrings(connection, "select current_database()")).containsExactly("orders_test");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> postgres.createDatabase("Orders; drop"))
			.withMessageContaining("'Orders; drop'")
			.withMessageContaining("63 characters");
		assertThatIllegalArgumentException().isThrownBy(() -> postgres.jdbcUrl("a".repeat(64)))
			.withMessageContaining("63 characters");
	}

	@Test
	void asRootTheServerRunsAsNobodyThroughRunuser() throws IOException {
		assumeThat(LocalPostgresProbe.uidOf(Path.of("/proc/self")))
			.as("the root path runs only when the test JVM is root; this JVM runs as %s, whose direct path "
					+ "LocalPostgresAsNormalUserTests covers", System.getProperty("user.name"))
			.isZero();
		assertThat(postgres.account().switchesUser()).isTrue();
		assertThat(postgres.account().name()).isEqualTo("nobody");
		assertThat(postgres.account().command(List.of("initdb"))).containsExactly("runuser", "-u", "nobody", "--",
				"initdb");
		int nobody = (Integer) Files.getAttribute(postgres.runDirectory(), "unix:uid");
		assertThat(nobody).isNotZero();
		assertThat(LocalPostgresProbe.uidOf(Path.of("/proc", String.valueOf(postgres.serverPid())))).isEqualTo(nobody);
	}

	@Test
	void twoServersRunSideBySide() throws SQLException {
		try (LocalPostgres second = LocalPostgres.start()) {
			assertThat(second.port()).isNotEqualTo(postgres.port());
			assertThat(second.runDirectory()).isNotEqualTo(postgres.runDirectory());
			try (Connection one = connect(postgres.jdbcUrl()); Connection two = connect(second.jdbcUrl())) {
				Statement statement = two.createStatement();
				statement.execute("create table only_on_second (id int)");
				assertThat(queryStrings(two, "select count(*) from pg_tables where tablename = 'only_on_second'"))
					.containsExactly("1");
				assertThat(queryStrings(one, "select count(*) from pg_tables where tablename = 'only_on_second'"))
					.containsExactly("0");
			}
		}
		try (Connection connection = connect(postgres.jdbcUrl())) {
			assertThat(queryStrings(connection, "select 1")).containsExactly("1");
		}
	}

	@Test
	void closeStopsTheServerAndDeletesItsData() throws SQLException, IOException {
		LocalPostgres server = LocalPostgres.start();
		long pid = server.serverPid();
		assertThat(LocalPostgresProbe.running(pid)).as("postmaster %s runs", pid).isTrue();
		try (Connection connection = connect(server.jdbcUrl())) {
			assertThat(queryStrings(connection, "select 1")).containsExactly("1");
		}
		assertThat(LocalPostgresProbe.accepts(server.port())).isTrue();
		server.close();
		assertThat(LocalPostgresProbe.accepts(server.port())).isFalse();
		assertThat(LocalPostgresProbe.running(pid)).as("postmaster %s runs", pid).isFalse();
		assertThat(server.runDirectory()).doesNotExist();
		server.close();
	}

	@Test
	void theNextStartStopsAServerWhoseJvmIsGone() throws SQLException, IOException {
		LocalPostgres orphan = LocalPostgres.start();
		long pid = orphan.serverPid();
		// as if a JVM killed with SIGKILL had started it: no process has pid 2^22 + 1,
		// above the largest pid_max
		Files.writeString(orphan.runDirectory().resolve("owner"), "4194305 1000");
		try (LocalPostgres next = LocalPostgres.start(); Connection connection = connect(next.jdbcUrl())) {
			assertThat(queryStrings(connection, "select 1")).containsExactly("1");
			assertThat(LocalPostgresProbe.running(pid)).as("the orphan's postmaster %s runs", pid).isFalse();
			assertThat(LocalPostgresProbe.accepts(orphan.port())).isFalse();
			assertThat(orphan.runDirectory()).doesNotExist();
			assertThat(postgres.runDirectory()).exists();
		}
		orphan.close();
	}

	private static Connection connect(String url) throws SQLException {
		return DriverManager.getConnection(url, postgres.username(), postgres.password());
	}

	private static List<String> queryStrings(Connection connection, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

}
