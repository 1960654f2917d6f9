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

package sh.smooth.spring.resource;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 200 MB upload in a JVM limited to 64 MB of heap and 64 MB of direct memory: it can
 * only succeed if the file is streamed. The server is a tiny sink that counts and
 * discards the body (WireMock would buffer it).
 */
class LargeUploadStreamingTests {

	private static final long SIZE = 200L * 1024 * 1024;

	@TempDir
	Path dir;

	private HttpServer sink;

	private final AtomicLong received = new AtomicLong();

	private final AtomicReference<String> head = new AtomicReference<>("");

	@BeforeEach
	void startSink() throws Exception {
		this.sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.sink.createContext("/api/v1/file", (exchange) -> {
			byte[] buffer = new byte[64 * 1024];
			long total = 0;
			StringBuilder start = new StringBuilder();
			try (InputStream in = exchange.getRequestBody()) {
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					if (start.length() < 1024) {
						start.append(new String(buffer, 0, Math.min(n, 1024), StandardCharsets.ISO_8859_1));
					}
					total += n;
				}
			}
			this.received.set(total);
			this.head.set(exchange.getRequestHeaders().getFirst("Content-Type") + "\n" + start);
			byte[] answer = "{\"r\":{\"id\":\"file_big\"}}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		});
		this.sink.start();
	}

	@AfterEach
	void stopSink() {
		this.sink.stop(0);
	}

	@Test
	void a200MegabyteFileIsStreamedUnderA64MegabyteHeap() throws Exception {
		Path big = sparseFile();

		Result result = runWithSmallHeap(big, "stream");

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("uploaded file_big");
		// the whole file plus the multipart framing went over the wire
		assertThat(this.received.get()).isBetween(SIZE, SIZE + 2048);
		assertThat(this.head.get()).startsWith("multipart/form-data")
			.contains("name=\"file\"; filename=\"big.bin\"")
			.contains("Content-Type: application/octet-stream");
	}

	@Test
	void theHeapBoundCatchesAnUploadThatHoldsTheFileInMemory() throws Exception {
		Path big = sparseFile();

		Result result = runWithSmallHeap(big, "buffered");

		assertThat(result.exitCode()).isNotZero();
		assertThat(result.output()).contains("OutOfMemoryError");
		assertThat(this.received.get()).isZero();
	}

	private Path sparseFile() throws Exception {
		Path big = this.dir.resolve("big.bin");
		try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
			file.setLength(SIZE);
		}
		assertThat(Files.size(big)).isEqualTo(SIZE);
		return big;
	}

	private Result runWithSmallHeap(Path file, String mode) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx64m");
		command.add("-XX:MaxDirectMemorySize=64m");
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(LargeUploadMain.class.getName());
		command.add("http://127.0.0.1:" + this.sink.getAddress().getPort() + "/api/v1");
		command.add(file.toString());
		command.add(mode);
		Path log = this.dir.resolve(mode + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			return new Result(-1, "timed out after 60 s\n" + Files.readString(log));
		}
		return new Result(process.exitValue(), Files.readString(log));
	}

	private record Result(int exitCode, String output) {
	}

}
