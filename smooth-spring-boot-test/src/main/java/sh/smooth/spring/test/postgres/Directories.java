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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The two things done to whole directory trees: deleting one, and letting every user read
 * one (the binaries a root JVM extracts are run by an unprivileged account).
 */
final class Directories {

	private Directories() {
	}

	/**
	 * Deletes the directory and everything in it; nothing when it does not exist.
	 * @param directory the directory
	 * @throws UncheckedIOException if something cannot be deleted
	 */
	static void delete(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(Directories::deleteOne);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + directory, ex);
		}
	}

	private static void deleteOne(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + path, ex);
		}
	}

	/**
	 * Adds read permission for everyone to every file, and search (execute) permission to
	 * every directory and to every file its owner may execute, like
	 * {@code chmod -R a+rX}. Symbolic links are left alone (their targets are in the
	 * tree).
	 * @param directory the root of the tree
	 * @throws IOException if a permission cannot be changed
	 */
	static void makeReadableByAll(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				if (Files.isSymbolicLink(path)) {
					continue;
				}
				Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(path));
				permissions.add(PosixFilePermission.GROUP_READ);
				permissions.add(PosixFilePermission.OTHERS_READ);
				if (Files.isDirectory(path) || permissions.contains(PosixFilePermission.OWNER_EXECUTE)) {
					permissions.add(PosixFilePermission.GROUP_EXECUTE);
					permissions.add(PosixFilePermission.OTHERS_EXECUTE);
				}
				Files.setPosixFilePermissions(path, permissions);
			}
		}
	}

}
