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

import java.util.List;
import java.util.Map;

/**
 * Every route the simulator serves, relative to {@code /api/v1}. Used to script faults
 * and to filter recorded requests.
 */
public enum Route {

	/** {@code POST /task}: submit a task or open a session. */
	CREATE_TASK("POST", "/task"),

	/** {@code GET /task}: list tasks, newest first. */
	LIST_TASKS("GET", "/task"),

	/** {@code GET /task/{id}}: status, output and new events. */
	GET_TASK("GET", "/task/{id}"),

	/** {@code DELETE /task/{id}}: cancel a task or force-close a session. */
	CANCEL_TASK("DELETE", "/task/{id}"),

	/** {@code PUT /task/{id}}: legacy tool-response channel. */
	UPDATE_TASK("PUT", "/task/{id}"),

	/** {@code POST /task/{id}/event}: session actions and tool answers. */
	SEND_EVENT("POST", "/task/{id}/event"),

	/** {@code DELETE /task/{id}/data}: zero-data-retention wipe. */
	DELETE_TASK_DATA("DELETE", "/task/{id}/data"),

	/** {@code POST /profile}. */
	CREATE_PROFILE("POST", "/profile"),

	/** {@code GET /profile}. */
	LIST_PROFILES("GET", "/profile"),

	/** {@code DELETE /profile/{id}}. */
	DELETE_PROFILE("DELETE", "/profile/{id}"),

	/** {@code POST /file} (multipart). */
	UPLOAD_FILE("POST", "/file"),

	/** {@code DELETE /file/{id}}. */
	DELETE_FILE("DELETE", "/file/{id}"),

	/** {@code POST /extension} (multipart, zip only). */
	UPLOAD_EXTENSION("POST", "/extension"),

	/** {@code GET /extension}. */
	LIST_EXTENSIONS("GET", "/extension"),

	/** {@code DELETE /extension/{id}}, the path the SDKs use. */
	DELETE_EXTENSION("DELETE", "/extension/{id}"),

	/** {@code DELETE /browser/extension/{id}}, the path of the OpenAPI document. */
	DELETE_BROWSER_EXTENSION("DELETE", "/browser/extension/{id}"),

	/** {@code POST /browser/session}: legacy browser session. */
	OPEN_BROWSER_SESSION("POST", "/browser/session"),

	/** {@code DELETE /browser/session/{id}}: legacy browser session close. */
	CLOSE_BROWSER_SESSION("DELETE", "/browser/session/{id}"),

	/** {@code POST /telemetry}: SDK usage batches, accepted and ignored. */
	TELEMETRY("POST", "/telemetry");

	private final String method;

	private final String template;

	private final String[] segments;

	Route(String method, String template) {
		this.method = method;
		this.template = template;
		this.segments = template.substring(1).split("/");
	}

	/**
	 * The HTTP method.
	 * @return the upper-case method
	 */
	public String method() {
		return this.method;
	}

	/**
	 * The path template relative to {@code /api/v1}, such as {@code /task/{id}}.
	 * @return the template
	 */
	public String template() {
		return this.template;
	}

	/**
	 * Matches a method and a path relative to {@code /api/v1}.
	 * @param method the HTTP method
	 * @param segments the path segments
	 * @return the path variable ({@code id}) when it matches, otherwise {@code null}
	 */
	String match(String method, List<String> segments) {
		if (!this.method.equalsIgnoreCase(method) || segments.size() != this.segments.length) {
			return null;
		}
		String id = "";
		for (int i = 0; i < this.segments.length; i++) {
			if (this.segments[i].equals("{id}")) {
				id = segments.get(i);
			}
			else if (!this.segments[i].equals(segments.get(i))) {
				return null;
			}
		}
		return id;
	}

	/**
	 * Finds the route of a request.
	 * @param method the HTTP method
	 * @param segments the path segments relative to {@code /api/v1}
	 * @return the route and its id, or {@code null} when nothing matches
	 */
	static Map.Entry<Route, String> resolve(String method, List<String> segments) {
		for (Route route : values()) {
			String id = route.match(method, segments);
			if (id != null) {
				return Map.entry(route, id);
			}
		}
		return null;
	}

}
