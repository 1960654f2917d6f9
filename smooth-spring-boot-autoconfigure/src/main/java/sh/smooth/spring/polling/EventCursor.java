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

package sh.smooth.spring.polling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import sh.smooth.spring.api.TaskEvent;

/**
 * The {@code event_t} cursor of one task, and the events already handed out.
 * <p>
 * The server returns the events whose timestamp (milliseconds) is strictly after
 * {@code event_t}. Two events can share a millisecond, and a poll can be answered between
 * them: a cursor moved to that millisecond would never return the second one. So the
 * cursor stays one millisecond behind the newest timestamp seen ({@code event_t =
 * newest - 1}, which returns that millisecond again) until a poll sent at least
 * {@value #SETTLE_MILLIS} ms after that timestamp was first seen has been answered: the
 * server's clock had left that millisecond when it answered, so every event stamped with
 * it was in the answer, and the cursor moves to it. Events returned again are dropped by
 * key (name, id, and whether it is a result), so each is handed out once; events without
 * an id cannot be told apart or answered and are not handed out at all.
 * <p>
 * Used by one poll chain at a time; synchronized for visibility between the workers that
 * run its steps.
 */
final class EventCursor {

	/** 1 ms, and a margin for the granularity of the clocks. */
	static final long SETTLE_MILLIS = 2;

	private static final long SETTLE_NANOS = Duration.ofMillis(SETTLE_MILLIS).toNanos();

	/** Bound of the keys of events without a timestamp (which never expire). */
	private static final int MAX_UNDATED = 1024;

	/** Every event stamped up to here has been handed out. */
	private long complete;

	/** The newest timestamp seen. */
	private long newest;

	/** When a response first showed {@link #newest}. */
	private long newestSeenNanos;

	/** Keys of the events handed out that a poll may still return, by timestamp. */
	private final Map<String, Long> handedOut = new HashMap<>();

	private final Map<String, Boolean> undated = new LinkedHashMap<>(16, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > MAX_UNDATED;
		}

	};

	EventCursor(long start) {
		this.complete = start;
		this.newest = start;
	}

	/**
	 * The value of {@code event_t} for the next poll.
	 * @return the cursor
	 */
	synchronized long next() {
		return (this.newest > this.complete) ? this.newest - 1 : this.complete;
	}

	/**
	 * Whether the next poll asks only for events after every one handed out: a poll a
	 * long-polling server may hold. A re-read of the newest millisecond has events to
	 * return at once, so no server holds it.
	 * @return whether the cursor has caught up
	 */
	synchronized boolean caughtUp() {
		return this.newest == this.complete;
	}

	/**
	 * How long to wait before a poll that should also settle the newest millisecond: 0
	 * when it is settled already.
	 * @param nowNanos the time now
	 * @return the wait in nanoseconds
	 */
	synchronized long settleDelayNanos(long nowNanos) {
		return (this.newest > this.complete) ? Math.max(0, this.newestSeenNanos + SETTLE_NANOS - nowNanos) : 0;
	}

	/**
	 * Takes the events of a response.
	 * @param events the events, in server order
	 * @param sentNanos when the poll was sent
	 * @param nowNanos the time now
	 * @return the events not handed out before, and whether this response caught the
	 * cursor up with the newest timestamp
	 */
	synchronized Taken take(List<TaskEvent> events, long sentNanos, long nowNanos) {
		boolean settles = this.newest > this.complete && sentNanos - this.newestSeenNanos >= SETTLE_NANOS;
		List<TaskEvent> fresh = new ArrayList<>();
		long max = this.newest;
		for (TaskEvent event : events) {
			Long timestamp = event.timestamp();
			if (timestamp != null && timestamp > max) {
				max = timestamp;
			}
			if (event.id() != null && firstTime(event, timestamp)) {
				fresh.add(event);
			}
		}
		boolean moved = false;
		if (settles) {
			this.complete = this.newest;
			this.handedOut.values().removeIf((timestamp) -> timestamp <= this.complete);
			moved = true;
		}
		if (max > this.newest) {
			this.newest = max;
			this.newestSeenNanos = nowNanos;
		}
		return new Taken(fresh, moved && this.newest == this.complete);
	}

	private boolean firstTime(TaskEvent event, Long timestamp) {
		boolean result = event.payload() != null && event.payload().has("code");
		String key = event.name() + '\n' + event.id() + '\n' + (result ? "result" : "request");
		if (timestamp == null) {
			return this.undated.putIfAbsent(key, Boolean.TRUE) == null;
		}
		// a key forgotten once its millisecond was settled is not returned again by a
		// server that keeps to "after event_t"
		return this.handedOut.putIfAbsent(key, timestamp) == null;
	}

	/**
	 * What a response added.
	 *
	 * @param fresh the events not handed out before
	 * @param caughtUp whether this response settled the newest millisecond, so the next
	 * poll asks only for events after it (a poll a long-polling server can hold)
	 */
	record Taken(List<TaskEvent> fresh, boolean caughtUp) {
	}

}
