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

import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A request the simulator received, recorded before any fault was applied.
 *
 * @param sequence position among all requests, from 1
 * @param route the matched route, or {@code null} for an unknown path
 * @param call the call number on that route, from 1 (0 for unknown paths)
 * @param method the HTTP method
 * @param path the full path, such as {@code /api/v1/task/abc}
 * @param query the query parameters (first value of each)
 * @param headers the headers with lower-case names
 * @param body the parsed JSON body, or {@code null} when there is none or it is not JSON
 * @param bodyText the body as text (ISO-8859-1 for multipart, so bytes survive)
 * @param receivedAt when it arrived
 * @param receivedNanos {@link System#nanoTime()} when it arrived, for benchmarks that
 * compare it with times taken in other processes on the same machine (on Linux the JVM
 * reads the system-wide monotonic clock)
 */
public record RecordedRequest(long sequence, Route route, int call, String method, String path,
		Map<String, String> query, Map<String, List<String>> headers, JsonNode body, String bodyText,
		Instant receivedAt, long receivedNanos) {

	/**
	 * The first value of a header.
	 * @param name the header name, any case
	 * @return the value, or {@code null}
	 */
	public String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(java.util.Locale.ROOT));
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/**
	 * The task or session this request names in its path ({@code /task/{id}} and the
	 * routes under it). {@code POST /task} names none: its task is known only once
	 * created, see {@link SmoothSimulator#requests(String)}.
	 * @return the id, or {@code null} for routes outside {@code /task/{id}}
	 */
	public String taskId() {
		if (this.route == null || !this.route.template().startsWith("/task/{id}")) {
			return null;
		}
		String prefix = SmoothSimulator.BASE_PATH + "/task/";
		int end = this.path.indexOf('/', prefix.length());
		return this.path.substring(prefix.length(), (end < 0) ? this.path.length() : end);
	}

}
