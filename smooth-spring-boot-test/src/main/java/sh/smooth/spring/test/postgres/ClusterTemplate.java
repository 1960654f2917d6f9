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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * An initialized, never started cluster per binaries version and account, made by
 * {@code initdb} once and then copied into each new server's data directory: a copy takes
 * a fraction of initdb's time. Made under a temporary name and renamed into place, so
 * that JVMs starting at the same time never copy a half-made one.
 */
final class ClusterTemplate {

	private static final System.Logger logger = System.getLogger(LocalPostgres.class.getName());

	private static final Duration INITDB_TIMEOUT = Duration.ofMinutes(2);

	private static final Duration COPY_TIMEOUT = Duration.ofMinutes(2);

	private ClusterTemplate() {
	}

	/**
	 * Copies the template, made first if needed, to a data directory.
	 * @param binaries the binaries that make the template
	 * @param account the account that owns the template and the copy
	 * @param cache the cache directory that keeps the template
	 * @param superuser the cluster's superuser
	 * @param data the data directory to create, in a directory the account owns
	 * @throws IOException if initdb or the copy cannot be run
	 */
	static void copyTo(PostgresBinaries binaries, ServerAccount account, Path cache, String superuser, Path data)
			throws IOException {
		Path template = made(binaries, account, cache, superuser);
		Path output = data.resolveSibling("copy.out");
		Command.run(account.command(List.of("cp", "-a", template.toString(), data.toString())), output, COPY_TIMEOUT)
			.orThrow("Copying the initialized cluster " + template);
		Files.delete(output);
	}

	private static synchronized Path made(PostgresBinaries binaries, ServerAccount account, Path cache,
			String superuser) throws IOException {
		Path template = cache.resolve("cluster-" + binaries.id() + "-" + account.name());
		Path data = template.resolve("data");
		if (Files.isRegularFile(data.resolve("PG_VERSION"))) {
			return data;
		}
		long startNanos = System.nanoTime();
		Path staging = Files.createTempDirectory(cache, template.getFileName() + ".initdb-");
		try {
			account.own(staging);
			Command
				.run(account
					.command(List.of(binaries.program("initdb").toString(), "-D", staging.resolve("data").toString(),
							"-A", "trust", "-U", superuser, "-E", "UTF8", "--locale=C", "--no-sync")),
						staging.resolve("initdb.out"), INITDB_TIMEOUT)
				.orThrow("initdb");
			try {
				Files.move(staging, template, StandardCopyOption.ATOMIC_MOVE);
				logger.log(Level.DEBUG, "Made the cluster template {0} in {1} ms", template,
						(System.nanoTime() - startNanos) / 1_000_000);
			}
			catch (IOException ex) {
				// another JVM made it first (rename onto a full directory): use its
				// template
				if (!Files.isRegularFile(data.resolve("PG_VERSION"))) {
					throw ex;
				}
			}
		}
		finally {
			Directories.delete(staging);
		}
		return data;
	}

}
