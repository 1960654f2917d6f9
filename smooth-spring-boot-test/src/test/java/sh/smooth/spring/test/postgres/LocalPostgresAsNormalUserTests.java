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
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LocalPostgres} as a normal user, who runs initdb and the server directly (no
 * {@code runuser}). When the test JVM is root (here and in CI) that path is taken in a
 * child JVM run as {@code nobody} through {@code runuser}, on a copy of the classpath
 * entries it needs that {@code nobody} can read; as any other user it is this JVM's own
 * path, and the probe runs here.
 */
class LocalPostgresAsNormalUserTests {

	@Test
	void aNormalUserStartsPostgresDirectly(@TempDir Path temp) throws Exception {
		List<String> report = (LocalPostgresProbe.uidOf(Path.of("/proc/self")) == 0) ? runProbeAsNobody(temp)
				: LocalPostgresProbe.run();
		int jvmUid = Integer.parseInt(value(report, "jvmUid"));
		assertThat(jvmUid).isNotZero();
		assertThat(value(report, "switchesUser")).isEqualTo("false");
		assertThat(value(report, "serverUid")).isEqualTo(String.valueOf(jvmUid));
		assertThat(value(report, "version")).startsWith("PostgreSQL 17.");
		assertThat(value(report, "rows")).isEqualTo("2");
		assertThat(value(report, "acceptsAfterClose")).isEqualTo("false");
	}

	private static List<String> runProbeAsNobody(Path temp) throws IOException, InterruptedException {
		UserPrincipal nobody = temp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
		Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path classpath = Files.createDirectory(temp.resolve("cp"));
		List<String> entries = new ArrayList<>();
		for (Path entry : List.of(codeSource(LocalPostgres.class), codeSource(LocalPostgresProbe.class),
				codeSource(org.postgresql.Driver.class), binariesJar())) {
			Path copy = classpath.resolve(entries.size() + "-" + entry.getFileName());
			copyTree(entry, copy);
			entries.add(copy.toString());
		}
		Directories.makeReadableByAll(classpath);
		// the child's java.io.tmpdir, so its extracted binaries go with this test's
		// directory
		Path childTemp = Files.createDirectory(temp.resolve("tmp"));
		Files.setOwner(childTemp, nobody);
		Path output = temp.resolve("probe.out");
		Process child = new ProcessBuilder("runuser", "-u", "nobody", "--",
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
				"-Djava.io.tmpdir=" + childTemp, "-cp", String.join(":", entries), LocalPostgresProbe.class.getName())
			.directory(temp.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		assertThat(child.waitFor(3, TimeUnit.MINUTES)).as("the probe finished").isTrue();
		String printed = Files.readString(output, StandardCharsets.UTF_8);
		assertThat(child.exitValue()).as(printed).isZero();
		return printed.lines().toList();
	}

	private static Path codeSource(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The jar holding the archive: {@code jar:file:/…/x.jar!/postgres-linux-x86_64.txz}.
	 */
	private static Path binariesJar() {
		URL archive = LocalPostgres.class.getClassLoader().getResource(PostgresBinaries.ARCHIVE);
		assertThat(archive).isNotNull();
		String location = archive.toString();
		assertThat(location).startsWith("jar:file:");
		return Path.of(URI.create(location.substring("jar:".length(), location.indexOf("!/"))));
	}

	private static void copyTree(Path source, Path target) throws IOException {
		if (Files.isRegularFile(source)) {
			Files.copy(source, target);
			return;
		}
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				Path copy = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(path, copy);
				}
			}
		}
	}

	private static String value(List<String> report, String key) {
		return report.stream()
			.filter((line) -> line.startsWith(key + "="))
			.map((line) -> line.substring(key.length() + 1))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + key + " in " + report));
	}

}
