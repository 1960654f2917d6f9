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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long the results of each kind of request (a session action such as {@code goto})
 * took to show up in the polls of one client, from the request being accepted to the poll
 * that brought the result: the last {@value #KEPT} of each kind. The next request of a
 * kind is first polled for at {@value #LEAD} of the shortest of them, instead of at once
 * and then by backoff: with a server whose latency for a kind is steady, one or two polls
 * find the result within a few tens of milliseconds. The shortest of the last few is a
 * low estimate, so a result that comes sooner than usual is rarely waited on for long; a
 * kind never seen, or seen only slower, is polled at once as before.
 */
final class ResultTiming {

	/** How many delays of each kind are kept. */
	static final int KEPT = 5;

	/** The fraction of the shortest kept delay at which the first poll goes out. */
	static final double LEAD = 0.9;

	/** Kinds kept at most: a bounded map, whatever names callers use. */
	static final int MAX_KINDS = 64;

	private final Map<String, long[]> delays = new ConcurrentHashMap<>();

	/**
	 * The wait before the first poll for a result of this kind.
	 * @param kind the kind of request
	 * @return the milliseconds, or 0 when nothing is known: poll at once
	 */
	long firstPollMillis(String kind) {
		long[] kept = this.delays.get(kind);
		if (kept == null) {
			return 0;
		}
		long shortest = Long.MAX_VALUE;
		synchronized (kept) {
			for (int i = 0; i < KEPT; i++) {
				if (kept[i] > 0) {
					shortest = Math.min(shortest, kept[i]);
				}
			}
		}
		return (shortest == Long.MAX_VALUE) ? 0 : (long) (shortest * LEAD);
	}

	/**
	 * Notes how long a result of this kind took.
	 * @param kind the kind of request
	 * @param millis from the request being accepted to when the result came, as far as
	 * the polls tell
	 */
	void record(String kind, long millis) {
		if (millis <= 0 || (this.delays.size() >= MAX_KINDS && !this.delays.containsKey(kind))) {
			return;
		}
		long[] kept = this.delays.computeIfAbsent(kind, (key) -> new long[KEPT + 1]);
		synchronized (kept) {
			// the last slot is the write position
			int next = (int) kept[KEPT];
			kept[next] = millis;
			kept[KEPT] = (next + 1) % KEPT;
		}
	}

}
