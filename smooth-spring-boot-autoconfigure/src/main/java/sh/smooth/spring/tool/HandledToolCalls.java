package sh.smooth.spring.tool;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tool-call events already taken, across every task of the application, so that an
 * event seen again (in a later poll, or after a re-attach that replays from
 * {@code event_t=0}) is neither run nor answered twice. Bounded: the oldest ids are
 * forgotten first.
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
