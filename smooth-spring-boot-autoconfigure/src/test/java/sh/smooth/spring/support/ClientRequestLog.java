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

package sh.smooth.spring.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;

import sh.smooth.spring.SmoothWebClientCustomizer;

/**
 * Records, on the client, when each Smooth request is sent and when each response arrives
 * ({@link System#nanoTime()}), through a filter that is the last one before the
 * connector.
 * <p>
 * Why the client's clock: the client's limits (the poll rate cap, the Retry-After pause)
 * govern when requests are <em>sent</em>. The simulator's receive times add the trip to
 * the server, which a loaded machine stretches without a bound one could justify: a
 * request waits for a pooled connection behind a thousand submits, the event loops wait
 * for a core. What the filter sees is the moment the client subscribes to the exchange,
 * on the thread that took the permit, so it lags the limit's own decision only by that
 * thread's scheduling.
 */
public final class ClientRequestLog implements SmoothWebClientCustomizer {

	private static final Pattern TASK_POLL = Pattern.compile(".*/task/[^/?]+$");

	private final ConcurrentLinkedQueue<Exchange> sent = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<Exchange> received = new ConcurrentLinkedQueue<>();

	@Override
	public void customize(WebClient.Builder builder) {
		builder.filter((request, next) -> {
			String path = request.url().getPath();
			this.sent.add(new Exchange(request.method(), path, 0, System.nanoTime()));
			return next.exchange(request)
				.doOnNext((response) -> this.received
					.add(new Exchange(request.method(), path, response.statusCode().value(), System.nanoTime())));
		});
	}

	/**
	 * When each poll ({@code GET /task/{id}}) was sent, in order.
	 * @return the send times
	 */
	public List<Long> pollsSent() {
		return times(this.sent, Exchange::isPoll);
	}

	/**
	 * When each poll of one task was sent, in order.
	 * @param taskId the task
	 * @return the send times
	 */
	public List<Long> pollsSent(String taskId) {
		return times(this.sent, (exchange) -> exchange.isPoll() && exchange.path().endsWith("/task/" + taskId));
	}

	/**
	 * When each poll response with the given status arrived, in order.
	 * @param status the HTTP status
	 * @return the arrival times
	 */
	public List<Long> pollResponses(int status) {
		return times(this.received, (exchange) -> exchange.isPoll() && exchange.status() == status);
	}

	/**
	 * The most of the given times within any window of the given length (both ends
	 * included).
	 * @param times the times, in nanoseconds, sorted
	 * @param window the window
	 * @return the count
	 */
	public static int busiest(List<Long> times, Duration window) {
		long length = window.toNanos();
		int best = 0;
		int first = 0;
		for (int last = 0; last < times.size(); last++) {
			while (times.get(last) - times.get(first) > length) {
				first++;
			}
			best = Math.max(best, last - first + 1);
		}
		return best;
	}

	/**
	 * How many of the given times fall strictly between two instants.
	 * @param times the times, in nanoseconds
	 * @param after the lower end, excluded
	 * @param before the upper end, excluded
	 * @return the count
	 */
	public static long between(List<Long> times, long after, long before) {
		return times.stream().filter((time) -> time - after > 0 && before - time > 0).count();
	}

	private static List<Long> times(ConcurrentLinkedQueue<Exchange> exchanges, Predicate<Exchange> filter) {
		List<Long> times = new ArrayList<>();
		for (Exchange exchange : exchanges) {
			if (filter.test(exchange)) {
				times.add(exchange.nanos());
			}
		}
		times.sort(null);
		return times;
	}

	private record Exchange(HttpMethod method, String path, int status, long nanos) {

		boolean isPoll() {
			return HttpMethod.GET.equals(this.method) && TASK_POLL.matcher(this.path).matches();
		}

	}

}
