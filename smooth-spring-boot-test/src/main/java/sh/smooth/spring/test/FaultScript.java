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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;

/**
 * Faults injected on one {@link Route}. Call numbers count the requests on that route
 * from 1 (including faulted ones). Latency rules add up; among the other rules the first
 * one that triggers (in the order they were added) decides the response. Rate rules draw
 * from their own seeded {@link Random}, so a sequential client sees the same faults on
 * every run.
 */
public final class FaultScript {

	private final List<Rule> rules = new ArrayList<>();

	FaultScript() {
	}

	/**
	 * Answers call number {@code call} with {@code status} and a JSON {@code detail}
	 * body, without handling the request.
	 * @param call the call number, from 1
	 * @param status the HTTP status
	 * @return this script
	 */
	public FaultScript statusOnCall(int call, int status) {
		return add(new Rule(Kind.STATUS, onCall(call), status, null));
	}

	/**
	 * Handles call number {@code call} normally (the side effect happens, e.g. the task
	 * is created) but answers {@code status}: a "5xx that actually worked".
	 * @param call the call number, from 1
	 * @param status the HTTP status
	 * @return this script
	 */
	public FaultScript statusAfterHandlingOnCall(int call, int status) {
		return add(new Rule(Kind.STATUS_AFTER_HANDLING, onCall(call), status, null));
	}

	/**
	 * Answers a random share of the calls with {@code status}.
	 * @param rate the share, 0 to 1
	 * @param status the HTTP status
	 * @param seed the seed of the random draws
	 * @return this script
	 */
	public FaultScript statusRate(double rate, int status, long seed) {
		return add(new Rule(Kind.STATUS, rate(rate, seed), status, null));
	}

	/**
	 * Delays every call on the route.
	 * @param latency the added latency
	 * @return this script
	 */
	public FaultScript latency(Duration latency) {
		return add(new Rule(Kind.LATENCY, (call) -> true, 0, latency));
	}

	/**
	 * Delays one call.
	 * @param call the call number, from 1
	 * @param latency the added latency
	 * @return this script
	 */
	public FaultScript latencyOnCall(int call, Duration latency) {
		return add(new Rule(Kind.LATENCY, onCall(call), 0, latency));
	}

	/**
	 * Closes the connection of call number {@code call} without any response.
	 * @param call the call number, from 1
	 * @return this script
	 */
	public FaultScript dropConnectionOnCall(int call) {
		return add(new Rule(Kind.DROP, onCall(call), 0, null));
	}

	/**
	 * Closes the connection without any response for a random share of the calls.
	 * @param rate the share, 0 to 1
	 * @param seed the seed of the random draws
	 * @return this script
	 */
	public FaultScript dropConnectionRate(double rate, long seed) {
		return add(new Rule(Kind.DROP, rate(rate, seed), 0, null));
	}

	/**
	 * Answers call number {@code call} with 429 and a {@code Retry-After} header (whole
	 * seconds, rounded up).
	 * @param call the call number, from 1
	 * @param retryAfter the advertised wait
	 * @return this script
	 */
	public FaultScript retryAfter429OnCall(int call, Duration retryAfter) {
		return add(new Rule(Kind.RETRY_AFTER, onCall(call), 429, retryAfter));
	}

	/**
	 * Answers every call with an HTML error page (as a proxy would), {@code text/html}.
	 * @param status the HTTP status, e.g. 502
	 * @return this script
	 */
	public FaultScript htmlBody(int status) {
		return add(new Rule(Kind.HTML, (call) -> true, status, null));
	}

	/**
	 * Answers call number {@code call} with an HTML error page.
	 * @param call the call number, from 1
	 * @param status the HTTP status, e.g. 502
	 * @return this script
	 */
	public FaultScript htmlBodyOnCall(int call, int status) {
		return add(new Rule(Kind.HTML, onCall(call), status, null));
	}

	/**
	 * Handles every call normally but cuts the JSON body in half (status and
	 * {@code Content-Type} unchanged).
	 * @return this script
	 */
	public FaultScript truncatedJson() {
		return add(new Rule(Kind.TRUNCATED, (call) -> true, 0, null));
	}

	/**
	 * Handles call number {@code call} normally but cuts its JSON body in half.
	 * @param call the call number, from 1
	 * @return this script
	 */
	public FaultScript truncatedJsonOnCall(int call) {
		return add(new Rule(Kind.TRUNCATED, onCall(call), 0, null));
	}

	/**
	 * Removes every fault of this route.
	 * @return this script
	 */
	public FaultScript clear() {
		synchronized (this.rules) {
			this.rules.clear();
		}
		return this;
	}

	/**
	 * Decides what happens to one call.
	 * @param call the call number
	 * @return the decision
	 */
	Decision decide(int call) {
		long latencyNanos = 0;
		Rule fault = null;
		synchronized (this.rules) {
			for (Rule rule : this.rules) {
				// every rate rule draws on every call, so the sequence does not depend on
				// which other rules fired
				boolean triggers = rule.trigger.test(call);
				if (!triggers) {
					continue;
				}
				if (rule.kind == Kind.LATENCY) {
					latencyNanos += rule.duration.toNanos();
				}
				else if (fault == null) {
					fault = rule;
				}
			}
		}
		return new Decision(Duration.ofNanos(latencyNanos), fault);
	}

	private FaultScript add(Rule rule) {
		synchronized (this.rules) {
			this.rules.add(rule);
		}
		return this;
	}

	private static IntPredicate onCall(int call) {
		if (call < 1) {
			throw new IllegalArgumentException("Call numbers start at 1: " + call);
		}
		return (n) -> n == call;
	}

	private static IntPredicate rate(double rate, long seed) {
		if (rate < 0 || rate > 1) {
			throw new IllegalArgumentException("Rate must be between 0 and 1: " + rate);
		}
		Random random = new Random(seed);
		return (n) -> {
			synchronized (random) {
				return random.nextDouble() < rate;
			}
		};
	}

	enum Kind {

		STATUS, STATUS_AFTER_HANDLING, LATENCY, DROP, RETRY_AFTER, HTML, TRUNCATED

	}

	record Rule(Kind kind, IntPredicate trigger, int status, Duration duration) {
	}

	record Decision(Duration latency, Rule fault) {
	}

}
