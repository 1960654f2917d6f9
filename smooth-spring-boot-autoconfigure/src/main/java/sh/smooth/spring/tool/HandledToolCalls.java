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

package sh.smooth.spring.tool;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tool-call events already taken, across every task of the application, so that an
 * event seen again (in a later poll, or after a re-attach that replays from
 * {@code event_t=0}) is not run again and gets no second, new answer. (The one answer may
 * still reach the server twice: a send the server handled but answered with a 5xx is
 * repeated, with the same event id.) Bounded: the oldest ids are forgotten first.
 */
final class HandledToolCalls {

	private final Map<String, Boolean> seen;

	HandledToolCalls(int capacity) {
		this.seen = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > capacity;
			}

		};
	}

	/**
	 * Takes an event.
	 * @param taskId the task
	 * @param eventId the event
	 * @return {@code true} the first time, {@code false} after
	 */
	synchronized boolean claim(String taskId, String eventId) {
		return this.seen.putIfAbsent(taskId + '\n' + eventId, Boolean.TRUE) == null;
	}

}
