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

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tools used by {@link ToolDispatchTests}; they record how they were called.
 */
public class DispatchTools {

	/** Invocations per event id. */
	final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	/** Names of the threads tools ran on. */
	final List<String> threads = new CopyOnWriteArrayList<>();

	/** Counted down when a blocking tool started. */
	final CountDownLatch blocking = new CountDownLatch(1);

	/** Counted down when a blocking tool was interrupted. */
	final CountDownLatch interrupted = new CountDownLatch(1);

	record Status(String orderNumber, String status, String email) {
	}

	private void record(SmoothToolContext context) {
		this.calls.computeIfAbsent(context.eventId(), (id) -> new AtomicInteger()).incrementAndGet();
		this.threads.add(Thread.currentThread().getName());
	}

	@SmoothTool(description = "Looks up an order", output = "JSON object with status", groups = "orders")
	public Status lookup(@SmoothToolParam(description = "The order number") String orderNumber, Optional<String> email,
			SmoothToolContext context) {
		record(context);
		return new Status(orderNumber, "shipped", email.orElse(null));
	}

	@SmoothTool(description = "Counts", groups = "math")
	public int count(int n, SmoothToolContext context) {
		record(context);
		return n + 1;
	}

	@SmoothTool(description = "Refuses")
	public String refuse(SmoothToolContext context) {
		record(context);
		throw new SmoothToolException("no such order, ask for another number");
	}

	@SmoothTool(description = "Breaks")
	public String explode(SmoothToolContext context) {
		record(context);
		throw new IllegalStateException("database is down");
	}

	@SmoothTool(description = "Breaks quietly", essential = false,
			errorMessage = "Lookup unavailable, go on without it")
	public String explodeQuietly(SmoothToolContext context) {
		record(context);
		throw new IllegalStateException("secret internal detail");
	}

	@SmoothTool(description = "Answers later")
	public CompletableFuture<String> later(SmoothToolContext context) {
		record(context);
		return CompletableFuture.supplyAsync(() -> "done later");
	}

	@SmoothTool(description = "Blocks until interrupted")
	public String block(SmoothToolContext context) {
		record(context);
		this.blocking.countDown();
		try {
			// stands for a tool stuck in I/O: only an interrupt ends it
			new java.util.concurrent.CountDownLatch(1).await(5, TimeUnit.MINUTES);
			return "woke up";
		}
		catch (InterruptedException ex) {
			this.interrupted.countDown();
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	int callsOf(String eventId) {
		AtomicInteger count = this.calls.get(eventId);
		return (count != null) ? count.get() : 0;
	}

}
