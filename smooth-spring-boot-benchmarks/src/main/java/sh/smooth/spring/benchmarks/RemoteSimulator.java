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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The harness side of {@link SimulatorProcess}: starts the child JVM and talks to its
 * control server.
 */
final class RemoteSimulator implements AutoCloseable {

	private final Process process;

	private final String baseUrl;

	private final int controlPort;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	RemoteSimulator() throws IOException {
		String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		this.process = new ProcessBuilder(javaBin, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
				SimulatorProcess.class.getName())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		BufferedReader out = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
			// skip the simulator's log lines
		}
		if (line == null) {
			throw new IOException("The simulator process did not start");
		}
		String[] parts = line.split(" ");
		this.baseUrl = parts[1];
		this.controlPort = Integer.parseInt(parts[2]);
		Thread drain = new Thread(() -> {
			try {
				out.transferTo(java.io.Writer.nullWriter());
			}
			catch (IOException ex) {
				// the child ended
			}
		}, "simulator-stdout");
		drain.setDaemon(true);
		drain.start();
	}

	String baseUrl() {
		return this.baseUrl;
	}

	long requests() {
		return Long.parseLong(get("/requests").trim());
	}

	/**
	 * The answered tool round trips of these tasks, in nanoseconds.
	 * @param taskIds the tasks
	 * @return the round trips
	 */
	List<Long> roundTripNanos(java.util.Set<String> taskIds) {
		List<Long> nanos = new ArrayList<>();
		for (String line : get("/round-trips").split("\n")) {
			String[] parts = line.trim().split(" ");
			if (parts.length == 2 && taskIds.contains(parts[0])) {
				nanos.add(Long.parseLong(parts[1]));
			}
		}
		return nanos;
	}

	void longPoll(long seconds) {
		get("/long-poll?seconds=" + seconds);
	}

	/**
	 * The simulator's {@link System#nanoTime()}.
	 * @return the clock reading
	 */
	long clock() {
		return Long.parseLong(get("/clock").trim());
	}

	/**
	 * Scripts the tasks whose text contains {@code text}: running at once, an optional
	 * {@code lookupCustomer} tool call, then done.
	 * @param text the text to match
	 * @param toolAt when the tool call is emitted, or {@code null} for none
	 * @param doneAfter how long after the start (or the tool answer) the task ends
	 */
	void script(String text, Duration toolAt, Duration doneAfter) {
		get("/script?contains=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&doneAfterMs="
				+ doneAfter.toMillis() + ((toolAt != null) ? "&toolAtMs=" + toolAt.toMillis() : ""));
	}

	/**
	 * Sets the latency of every session action.
	 * @param latency the latency
	 */
	void actionLatency(Duration latency) {
		get("/action-latency?millis=" + latency.toMillis());
	}

	/**
	 * Request counts per route since a point in the request log.
	 * @param from the number of requests before that point ({@link #requests()})
	 * @return route name to count
	 */
	Map<String, Integer> routeCounts(long from) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		this.json.readTree(get("/route-counts?from=" + from))
			.properties()
			.forEach((entry) -> counts.put(entry.getKey(), entry.getValue().asInt()));
		return counts;
	}

	/**
	 * What the simulator knows about these tasks.
	 * @param taskIds the tasks
	 * @return one entry per task, in the same order
	 */
	List<ServerTask> tasks(Collection<String> taskIds) {
		List<ServerTask> tasks = new ArrayList<>();
		for (JsonNode task : this.json.readTree(send("/timelines", String.join("\n", taskIds)))) {
			tasks.add(ServerTask.of(task));
		}
		return tasks;
	}

	private String get(String path) {
		return send(path, null);
	}

	private String send(String path, String body) {
		try {
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.controlPort + path));
			if (body != null) {
				request.POST(HttpRequest.BodyPublishers.ofString(body));
			}
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("Simulator control " + path + ": HTTP " + response.statusCode());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() throws Exception {
		this.process.getOutputStream().close();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
