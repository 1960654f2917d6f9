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

package sh.smooth.spring.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One column of the side-by-side harness: a client driven by a child process, a fresh one
 * per scenario run ({@code node ts-driver.mjs} for the TypeScript SDK, a JVM running
 * {@link StarterDriver} for the starter). Both get the same scenario arguments and print
 * the same {@code RESULT <json>} line.
 */
final class DriverProcess {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private final String column;

	private final List<String> command;

	private DriverProcess(String column, List<String> command) {
		this.column = column;
		this.command = command;
	}

	/**
	 * The official TypeScript SDK, built in {@code sdkDir} (the SDK's {@code ts}
	 * directory, with {@code dist/index.js}).
	 * @param sdkDir the built SDK
	 * @param script {@code ts-driver.mjs}
	 * @return the driver
	 */
	static DriverProcess typeScript(Path sdkDir, Path script) {
		return new DriverProcess("TS SDK", List.of("node", script.toString(), sdkDir.toString()));
	}

	/**
	 * The starter, in a JVM of its own with this JVM's class path and default settings.
	 * @return the driver
	 */
	static DriverProcess starter() {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return new DriverProcess("starter",
				List.of(java, "-cp", System.getProperty("java.class.path"), StarterDriver.class.getName()));
	}

	/**
	 * Why the TypeScript column cannot run, or {@code null} when it can.
	 * @param sdkDir the configured SDK directory, may be {@code null}
	 * @param script the Node driver
	 * @return the reason, or {@code null}
	 */
	static String typeScriptUnavailable(String sdkDir, Path script) {
		if (sdkDir == null || sdkDir.isBlank()) {
			return "no -Dharness.ts-sdk=<built SDK dir> given";
		}
		if (!Files.isRegularFile(Path.of(sdkDir, "dist", "index.js"))) {
			return sdkDir + "/dist/index.js does not exist (build it with src/main/js/build-ts-sdk.sh)";
		}
		if (!Files.isRegularFile(script)) {
			return "the Node driver " + script + " does not exist";
		}
		try {
			Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
			node.getInputStream().readAllBytes();
			return (node.waitFor() == 0) ? null : "node --version failed";
		}
		catch (IOException ex) {
			return "node is not on the PATH";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	/**
	 * What is being measured in the TS column: the package, its commit (written by
	 * {@code build-ts-sdk.sh}) and the Node version.
	 * @param sdkDir the built SDK
	 * @return a one-line description
	 */
	static String typeScriptVersion(Path sdkDir) {
		try {
			JsonNode pkg = JSON.readTree(Files.readString(sdkDir.resolve("package.json")));
			Path commit = sdkDir.resolve("SDK_COMMIT");
			Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
			String nodeVersion = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			return pkg.path("name").asString() + " " + pkg.path("version").asString()
					+ (Files.isRegularFile(commit) ? " (commit " + Files.readString(commit).trim() + ")" : "")
					+ ", Node " + nodeVersion + ", default settings (telemetry on)";
		}
		catch (IOException ex) {
			return sdkDir + " (" + ex.getMessage() + ")";
		}
	}

	String column() {
		return this.column;
	}

	/**
	 * Runs one scenario in a fresh process.
	 * @param scenario the scenario name
	 * @param sim the simulator
	 * @param args the scenario arguments
	 * @return the driver's result
	 * @throws IllegalStateException when the process fails, times out or prints no
	 * result, or when its clock is not the harness's
	 */
	JsonNode run(String scenario, RemoteSimulator sim, Map<String, Object> args) {
		List<String> line = new ArrayList<>(this.command);
		line.add(scenario);
		line.add(sim.baseUrl());
		line.add("harness-key");
		args.forEach((name, value) -> line.add(name + "=" + value));
		long before = System.nanoTime();
		try {
			Process process = new ProcessBuilder(line).redirectError(ProcessBuilder.Redirect.INHERIT).start();
			process.getOutputStream().close();
			CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> {
				try {
					return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				}
				catch (IOException ex) {
					return "";
				}
			});
			if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(
						this.column + " " + scenario + " did not finish within " + TIMEOUT.toMinutes() + " minutes");
			}
			String result = stdout.join()
				.lines()
				.filter((out) -> out.startsWith("RESULT "))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						this.column + " " + scenario + " printed no result (exit " + process.exitValue() + ")"));
			JsonNode json = JSON.readTree(result.substring("RESULT ".length()));
			long clock = nanos(json.get("clockNanos"));
			if (clock < before || clock > System.nanoTime()) {
				throw new IllegalStateException(this.column + "'s clock is not the harness's monotonic clock");
			}
			return json;
		}
		catch (IOException ex) {
			throw new IllegalStateException(this.column + " " + scenario + " could not start: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A driver's nanosecond time (printed as a string).
	 * @param node the value
	 * @return the nanoseconds
	 */
	static long nanos(JsonNode node) {
		return node.isString() ? Long.parseLong(node.asString()) : node.asLong();
	}

}
