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

package sh.smooth.spring.api;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClientRequest;
import reactor.util.context.Context;

/**
 * Runs the cancel of one call on the event loop of the connection it uses.
 * <p>
 * Why: a call cancelled from another thread (a shutdown stopping the polls, a caller
 * giving up) while its response is being delivered on the event loop makes Spring's
 * connector fail the body read ("The client response body has been released already due
 * to cancellation"), and Reactor logs that error, which has no subscriber left, as
 * "Operator called default onErrorDropped" at ERROR (spring-framework#37204). Run on the
 * event loop, the cancel comes either before the response or after its delivery, never
 * inside it. Until a request is on a connection nothing can be delivered, so the cancel
 * runs at once.
 * <p>
 * The event loop is recorded by {@link #record}, which {@link SmoothWebClients} calls
 * from Reactor Netty's {@code doOnRequest}, finding this object in the call's context.
 */
final class ConnectionLoop implements Executor {

	private static final String KEY = ConnectionLoop.class.getName();

	private volatile @Nullable Executor loop;

	/**
	 * Makes a call cancel on its connection's event loop.
	 * @param <T> the value type
	 * @param call the call, retries included
	 * @return the same call
	 */
	static <T> Mono<T> cancelOnConnectionLoop(Mono<T> call) {
		return Mono.defer(() -> {
			ConnectionLoop connectionLoop = new ConnectionLoop();
			return call.cancelOn(Schedulers.fromExecutor(connectionLoop)).contextWrite(Context.of(KEY, connectionLoop));
		});
	}

	/**
	 * Notes the event loop of the connection a request of the call was written on.
	 * @param request the request (its context holds the call's {@code ConnectionLoop})
	 * @param eventLoop the connection's event loop
	 */
	static void record(HttpClientRequest request, Executor eventLoop) {
		request.currentContextView()
			.<ConnectionLoop>getOrEmpty(KEY)
			.ifPresent((connectionLoop) -> connectionLoop.loop = eventLoop);
	}

	@Override
	public void execute(Runnable cancel) {
		Executor eventLoop = this.loop;
		if (eventLoop == null) {
			cancel.run();
			return;
		}
		try {
			eventLoop.execute(cancel);
		}
		catch (RejectedExecutionException ex) {
			// the event loop is shutting down: nothing is delivered on it any more
			cancel.run();
		}
	}

}
