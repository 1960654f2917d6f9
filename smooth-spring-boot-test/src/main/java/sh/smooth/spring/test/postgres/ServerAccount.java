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
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;

/**
 * The account that runs {@code initdb}, {@code pg_ctl} and {@code postgres}: the one
 * place that decides between running them directly and through {@code runuser}.
 * PostgreSQL refuses to run as root (CI and the development machines run as root), so a
 * root JVM hands the server's directories to an unprivileged account ({@code nobody}
 * unless the system property {@value #USER_PROPERTY} names another) and prefixes every
 * command with {@code runuser -u <account> --}; any other JVM runs them as itself.
 */
final class ServerAccount {

	/** System property naming the account a root JVM runs PostgreSQL under. */
	static final String USER_PROPERTY = "smooth.postgres.user";

	private static final System.Logger logger = System.getLogger(LocalPostgres.class.getName());

	private final String name;

	private final UserPrincipal principal;

	private ServerAccount(String name, UserPrincipal principal) {
		this.name = name;
		this.principal = principal;
	}

	/**
	 * The account for this JVM: an unprivileged one through {@code runuser} when the JVM
	 * runs as root, the JVM's own user otherwise.
	 * @return the account
	 */
	static ServerAccount forThisJvm() {
		String jvmUser = System.getProperty("user.name");
		if (!jvmIsRoot()) {
			logger.log(Level.DEBUG, "JVM runs as {0}: PostgreSQL runs directly as that user", jvmUser);
			return new ServerAccount(jvmUser, null);
		}
		String unprivileged = System.getProperty(USER_PROPERTY, "nobody");
		try {
			UserPrincipal principal = Path.of("/")
				.getFileSystem()
				.getUserPrincipalLookupService()
				.lookupPrincipalByName(unprivileged);
			logger.log(Level.DEBUG, "JVM runs as root, which PostgreSQL refuses: it runs as {0} through runuser",
					unprivileged);
			return new ServerAccount(unprivileged, principal);
		}
		catch (UserPrincipalNotFoundException ex) {
			throw new IllegalStateException("The JVM runs as root, which PostgreSQL refuses, and the account "
					+ unprivileged + " to run it under does not exist: set the system property " + USER_PROPERTY
					+ " to an existing unprivileged account", ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not look up the account " + unprivileged, ex);
		}
	}

	/**
	 * Whether this process runs as root: the owner of {@code /proc/self} is the process's
	 * effective user on Linux; without {@code /proc}, the user's name decides.
	 */
	private static boolean jvmIsRoot() {
		try {
			return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			return "root".equals(System.getProperty("user.name"));
		}
	}

	/**
	 * Whether commands run as another account than the JVM's.
	 * @return {@code true} for the root JVM's {@code runuser} path
	 */
	boolean switchesUser() {
		return this.principal != null;
	}

	/**
	 * The name of the account the server runs under.
	 * @return the account's name
	 */
	String name() {
		return this.name;
	}

	/**
	 * The command as this account runs it.
	 * @param command the program and its arguments
	 * @return the same command, behind {@code runuser -u <account> --} when switching
	 * users
	 */
	List<String> command(List<String> command) {
		if (!switchesUser()) {
			return command;
		}
		List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", this.name, "--"));
		wrapped.addAll(command);
		return wrapped;
	}

	/**
	 * Makes a directory the JVM created the account's own, so the server can write in it.
	 * @param directory the directory
	 * @throws IOException if it cannot change owners
	 */
	void own(Path directory) throws IOException {
		if (switchesUser()) {
			Files.setOwner(directory, this.principal);
		}
	}

	@Override
	public String toString() {
		return switchesUser() ? "runuser -u " + this.name : "direct as " + this.name;
	}

}
