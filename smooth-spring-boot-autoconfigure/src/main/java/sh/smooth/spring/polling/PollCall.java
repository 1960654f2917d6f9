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

import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The subscriber of one poll request: hands its response or error to the poller, and once
 * disposed ignores whatever still arrives.
 * <p>
 * Why not {@code subscribe(onNext, onError)}: a poller is disposed from another thread
 * (when the client shuts down) while its poll may be completing on a scheduler thread.
 * Reactor's lambda subscriber reports an error that loses that race as "Operator called
 * default onErrorDropped", at ERROR. Here a late outcome has nobody left to tell: it is
 * logged at DEBUG and dropped.
 *
 * @param <T> the response type
 */
final class PollCall<T> implements CoreSubscriber<T>, Disposable {

	private static final Log logger = LogFactory.getLog(PollCall.class);

	private final Consumer<T> onResponse;

	private final Consumer<Throwable> onError;

	// volatile on both sides: dispose() and onSubscribe() each see the other's write,
	// so the upstream is cancelled whichever runs first
	private volatile @Nullable Subscription upstream;

	private volatile boolean disposed;

	private PollCall(Consumer<T> onResponse, Consumer<Throwable> onError) {
		this.onResponse = onResponse;
		this.onError = onError;
	}

	/**
	 * Subscribes to a poll.
	 * @param <T> the response type
	 * @param poll the request
	 * @param onResponse receives the response, unless disposed first
	 * @param onError receives the failure, unless disposed first
	 * @return the handle that cancels the request
	 */
	static <T> Disposable subscribe(Mono<T> poll, Consumer<T> onResponse, Consumer<Throwable> onError) {
		PollCall<T> call = new PollCall<>(onResponse, onError);
		poll.subscribe(call);
		return call;
	}

	@Override
	public void onSubscribe(Subscription subscription) {
		this.upstream = subscription;
		if (this.disposed) {
			subscription.cancel();
		}
		else {
			subscription.request(Long.MAX_VALUE);
		}
	}

	@Override
	public void onNext(T response) {
		if (!this.disposed) {
			this.onResponse.accept(response);
		}
	}

	@Override
	public void onError(Throwable error) {
		if (this.disposed) {
			if (logger.isDebugEnabled()) {
				logger.debug("Ignoring the outcome of a cancelled Smooth poll: " + error);
			}
			return;
		}
		this.onError.accept(error);
	}

	@Override
	public void onComplete() {
		// a poll is a Mono: its response came through onNext
	}

	@Override
	public void dispose() {
		this.disposed = true;
		Subscription subscription = this.upstream;
		if (subscription != null) {
			subscription.cancel();
		}
	}

	@Override
	public boolean isDisposed() {
		return this.disposed;
	}

}
