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

package sh.smooth.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * What the warm-up talks to instead of Smooth: a JDK HTTP server on the loopback
 * interface (127.0.0.1, a free port) that answers a task to {@code /task} calls and
 * {@code {"r":null}} to event answers. It notes each request's method, path and whether
 * it carried an API key (never the key), so that tests see what the warm-up sent.
 */
final class LoopbackSmooth implements AutoCloseable {

	/**
	 * A task as POST /task and GET /task/{id} return it, with a tool call and a result.
	 */
	static final String TASK = """
			{"r":{"id":"warm-up","status":"running","output":null,"credits_used":0,"device":"desktop",
			"live_url":null,"recording_url":null,"downloads_url":null,
			"events":[{"name":"tool_call","id":"e1","timestamp":1,"payload":{"name":"warmUp","input":{"a":1}}},
			{"name":"browser_action","id":"e2","timestamp":2,"payload":{"code":200,"output":{"title":"t"}}}]}}""";

	private final HttpServer server;

	private final ExecutorService executor;

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private LoopbackSmooth(HttpServer server, ExecutorService executor) {
		this.server = server;
		this.executor = executor;
	}

	/**
	 * Starts a server on 127.0.0.1 on a free port.
	 * @return the started server
	 * @throws IOException if no port can be bound
	 */
	static LoopbackSmooth start() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		// one daemon thread: the warm-up sends one request at a time, and this thread
		// must never keep the JVM alive
		ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "smooth-warm-up-server");
			thread.setDaemon(true);
			return thread;
		});
		LoopbackSmooth loopback = new LoopbackSmooth(server, executor);
		server.createContext("/", loopback::answer);
		server.setExecutor(executor);
		server.start();
		return loopback;
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			in.readAllBytes();
			String path = exchange.getRequestURI().getPath();
			boolean key = exchange.getRequestHeaders().containsKey("apikey")
					|| exchange.getRequestHeaders().containsKey("Authorization");
			this.requests.add(exchange.getRequestMethod() + " " + path + (key ? " with a key" : " without a key"));
			byte[] body = body(exchange.getRequestMethod(), path).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	/**
	 * What the warm-up's Smooth answers: {@code {"r":null}} to an event answer, else the
	 * task.
	 * @param method the request's method
	 * @param path the request's path
	 * @return the JSON body
	 */
	static String body(String method, String path) {
		return ("POST".equals(method) && path.endsWith("/event")) ? "{\"r\":null}" : TASK;
	}

	/**
	 * The server's address.
	 * @return {@code http://127.0.0.1:port}
	 */
	URI uri() {
		InetSocketAddress address = this.server.getAddress();
		return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
	}

	/**
	 * The requests received so far, as {@code METHOD path with|without a key}.
	 * @return the requests, in order
	 */
	List<String> requests() {
		return List.copyOf(this.requests);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
