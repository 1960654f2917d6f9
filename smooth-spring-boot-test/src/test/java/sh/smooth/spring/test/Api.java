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

package sh.smooth.spring.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A thin blocking client over {@link HttpClient} for the module's tests: real HTTP, no
 * starter code.
 */
final class Api {

	static final JsonMapper JSON = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final SmoothSimulator sim;

	Api(SmoothSimulator sim) {
		this.sim = sim;
	}

	Reply post(String path, Object body) {
		return send(builder(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json(body))));
	}

	Reply get(String path) {
		return send(builder(path).GET());
	}

	Reply delete(String path) {
		return send(builder(path).DELETE());
	}

	HttpRequest.Builder builder(String path) {
		return HttpRequest.newBuilder(URI.create(this.sim.baseUrl() + path))
			.timeout(Duration.ofSeconds(10))
			.header("apikey", this.sim.apiKey());
	}

	Reply send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return Reply.of(response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Creates a simple task and returns its id. */
	String createTask(String text) {
		return post("/task", Map.of("task", text)).r().get("id").asString();
	}

	/** Opens a session and returns its id. */
	String openSession() {
		Map<String, Object> body = new java.util.HashMap<>();
		body.put("task", null);
		return post("/task", body).r().get("id").asString();
	}

	static String json(Object body) {
		return (body instanceof String text) ? text : JSON.writeValueAsString(body);
	}

	static Map<String, Object> event(String name, String id, Object payload) {
		return Map.of("name", name, "id", id, "payload", payload);
	}

	static Map<String, Object> action(String action, Object input) {
		return (input != null) ? Map.of("name", action, "input", input) : Map.of("name", action);
	}

	record Reply(int status, Map<String, List<String>> headers, String text, JsonNode json) {

		static Reply of(HttpResponse<String> response) {
			JsonNode json;
			try {
				json = JSON.readTree(response.body());
			}
			catch (RuntimeException ex) {
				json = null;
			}
			return new Reply(response.statusCode(), response.headers().map(), response.body(), json);
		}

		JsonNode r() {
			if (this.json == null || !this.json.has("r")) {
				throw new AssertionError("No envelope in HTTP " + this.status + ": " + this.text);
			}
			return this.json.get("r");
		}

		String taskStatus() {
			return r().get("status").asString();
		}

		List<JsonNode> events() {
			return List.copyOf(r().get("events").values());
		}

	}

}
