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
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a {@link LocalPostgres}, queries it and closes it, reporting what it saw as
 * {@code key=value} lines: the check {@link LocalPostgresAsNormalUserTests} runs in a
 * child JVM as an unprivileged user when the test JVM is root, and in its own JVM
 * otherwise.
 */
final class LocalPostgresProbe {

	private LocalPostgresProbe() {
	}

	public static void main(String[] args) throws Exception {
		run().forEach(System.out::println);
	}

	static List<String> run() throws IOException, SQLException {
		List<String> report = new ArrayList<>();
		report.add("jvmUid=" + uidOf(Path.of("/proc/self")));
		int port;
		try (LocalPostgres postgres = LocalPostgres.start()) {
			port = postgres.port();
			report.add("switchesUser=" + postgres.account().switchesUser());
			report.add("serverUid=" + uidOf(Path.of("/proc", String.valueOf(postgres.serverPid()))));
			try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
					postgres.password()); Statement statement = connection.createStatement()) {
				try (ResultSet version = statement.executeQuery("select version()")) {
					version.next();
					report.add("version=" + version.getString(1));
				}
				statement.execute("create table probe (id int primary key)");
				statement.execute("insert into probe values (1), (2)");
				try (ResultSet count = statement.executeQuery("select count(*) from probe")) {
					count.next();
					report.add("rows=" + count.getInt(1));
				}
			}
		}
		report.add("acceptsAfterClose=" + accepts(port));
		return report;
	}

	static int uidOf(Path path) throws IOException {
		return (Integer) Files.getAttribute(path, "unix:uid");
	}

	/**
	 * Whether the process runs: not gone and not a zombie (a server that pg_ctl started
	 * belongs to init once pg_ctl exits, and a container's init may reap it late).
	 */
	static boolean running(long pid) throws IOException {
		Path stat = Path.of("/proc", String.valueOf(pid), "stat");
		if (!Files.exists(stat)) {
			return false;
		}
		String line;
		try {
			line = Files.readString(stat);
		}
		catch (NoSuchFileException ex) {
			return false;
		}
		// pid (comm) state ...: the state letter follows the last ')'
		char state = line.charAt(line.lastIndexOf(')') + 2);
		return state != 'Z' && state != 'X';
	}

	static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
