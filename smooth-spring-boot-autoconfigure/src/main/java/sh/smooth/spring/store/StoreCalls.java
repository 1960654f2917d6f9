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

package sh.smooth.spring.store;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Where the fleet's store calls run: on a bounded scheduler of their own when the store
 * blocks (JDBC), so that no polling or HTTP thread ever waits on it, and inline when it
 * does not ({@link TaskStore#blocking()}), where a thread hop would only cost time.
 */
final class StoreCalls {

	private final @Nullable Scheduler scheduler;

	private final Executor executor;

	StoreCalls(TaskStore store) {
		if (!store.blocking()) {
			this.scheduler = null;
			this.executor = Runnable::run;
		}
		else {
			Scheduler bounded = Schedulers.newBoundedElastic(4, 100_000, "smooth-store", 60, true);
			this.scheduler = bounded;
			this.executor = bounded::schedule;
		}
	}

	/**
	 * A store call, run where store calls run once subscribed.
	 */
	<T> Mono<T> call(Callable<T> work) {
		Mono<T> mono = Mono.fromCallable(work);
		Scheduler bounded = this.scheduler;
		return (bounded != null) ? mono.subscribeOn(bounded) : mono;
	}

	/**
	 * The executor for calls chained on futures (one task's calls run in order).
	 */
	Executor executor() {
		return this.executor;
	}

	void close() {
		Scheduler bounded = this.scheduler;
		if (bounded != null) {
			bounded.dispose();
		}
	}

}
