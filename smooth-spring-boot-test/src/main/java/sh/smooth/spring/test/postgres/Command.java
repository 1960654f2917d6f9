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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external command (tar, initdb, pg_ctl) to completion with a time limit, its
 * output in a file rather than a pipe: {@code pg_ctl start} leaves a server running, and
 * a pipe that a server inherits would never reach end of file.
 */
final class Command {

	private Command() {
	}

	/**
	 * Runs the command and waits for it.
	 * @param command the program and its arguments
	 * @param output the file that receives its standard output and error (replaced)
	 * @param timeout how long it may take before it is killed
	 * @return the result: exit code and output
	 * @throws IOException if it cannot be started or its output cannot be read
	 */
	static Result run(List<String> command, Path output, Duration timeout) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
			.start();
		boolean exited;
		try {
			exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while running " + command, ex);
		}
		if (!exited) {
			process.destroyForcibly();
			return new Result(command, -1,
					"did not finish within " + timeout.toSeconds() + " s; output: " + read(output));
		}
		return new Result(command, process.exitValue(), read(output));
	}

	private static String read(Path output) throws IOException {
		// not Files.readString: a byte that is not UTF-8 must not hide the rest
		return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
	}

	/**
	 * What a command did.
	 *
	 * @param command the command as run
	 * @param exitCode its exit code, -1 when it was killed for taking too long
	 * @param output its standard output and error
	 */
	record Result(List<String> command, int exitCode, String output) {

		boolean succeeded() {
			return this.exitCode == 0;
		}

		/**
		 * Throws unless the command succeeded.
		 * @param what what the command was for, for the message
		 * @return this result
		 */
		Result orThrow(String what) {
			if (!succeeded()) {
				throw new IllegalStateException(what + " failed (exit code " + this.exitCode + "): "
						+ String.join(" ", this.command) + "\n" + this.output.strip());
			}
			return this;
		}

	}

}
