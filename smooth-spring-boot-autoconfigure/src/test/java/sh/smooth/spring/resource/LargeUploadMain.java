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

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.LoggerFactory;

import sh.smooth.spring.support.SmoothTestClients;

/**
 * Run by {@link LargeUploadStreamingTests} in a JVM with a small heap: uploads one file
 * to the given server and prints the id. Mode {@code stream} uses {@code upload(Path)};
 * mode {@code buffered} first reads the file into memory, the mistake the bound must
 * catch.
 */
public final class LargeUploadMain {

	private LargeUploadMain() {
	}

	public static void main(String[] args) throws Exception {
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		String baseUrl = args[0];
		Path file = Path.of(args[1]);
		boolean buffered = "buffered".equals(args[2]);
		try (SmoothTestClients clients = SmoothTestClients.create(baseUrl)) {
			SmoothFiles files = clients.template().files();
			String id = buffered ? files.upload(Files.readAllBytes(file), file.getFileName().toString())
					: files.upload(file, "large test file");
			long peak = 0;
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP) {
					peak += pool.getPeakUsage().getUsed();
				}
			}
			System.out.println("uploaded " + id + " peak-heap-bytes " + peak);
		}
		System.exit(0);
	}

}
