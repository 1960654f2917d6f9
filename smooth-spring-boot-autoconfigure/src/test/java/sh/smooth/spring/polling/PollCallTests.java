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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import sh.smooth.spring.support.ExpectedLog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscriber of a poll: once disposed (the poller stopped by a shutdown) it ignores
 * what still arrives, and nothing is logged. The late error is delivered by hand here,
 * which is what a race between the dispose on the closing thread and the poll completing
 * on a scheduler thread does now and then: a stress run of that race (thousands of
 * pollers stopped while their polls failed) logged Reactor's "Operator called default
 * onErrorDropped" about once in 10,000 pollers with {@code subscribe(onNext, onError)},
 * and never with this subscriber.
 */
class PollCallTests {

	private final ListAppender<ILoggingEvent> reactorLog = new ListAppender<>();

	private final Logger operators = (Logger) LoggerFactory.getLogger("reactor.core.publisher.Operators");

	private final LatePoll poll = new LatePoll();

	private final List<String> seen = new ArrayList<>();

	@BeforeEach
	void captureReactorLog() {
		this.reactorLog.start();
		this.operators.addAppender(this.reactorLog);
	}

	@AfterEach
	void release() {
		this.operators.detachAppender(this.reactorLog);
	}

	@Test
	void aResponseAndAnErrorReachThePoller() {
		PollCall.subscribe(Mono.just("done"), this.seen::add, (error) -> this.seen.add("error"));
		PollCall.subscribe(Mono.<String>error(new IllegalStateException("down")), this.seen::add,
				(error) -> this.seen.add(error.getMessage()));
		assertThat(this.seen).containsExactly("done", "down");
	}

	@Test
	void disposingCancelsTheRequest() {
		Disposable call = PollCall.subscribe(Mono.fromDirect(this.poll), this.seen::add, (error) -> fail(error));
		call.dispose();
		assertThat(call.isDisposed()).isTrue();
		assertThat(this.poll.cancelled).isTrue();
	}

	@Test
	void anErrorThatArrivesAfterTheDisposeIsIgnoredQuietly() {
		Disposable call = PollCall.subscribe(Mono.fromDirect(this.poll), this.seen::add,
				(error) -> this.seen.add("error"));
		call.dispose();
		this.poll.fail(new IllegalStateException("read timeout"));
		this.poll.succeed("late");
		assertThat(this.seen).isEmpty();
		assertThat(errors()).isEmpty();
	}

	@Test
	@ExpectedLog(logger = "reactor.core.publisher.Operators", level = org.slf4j.event.Level.ERROR,
			message = "onErrorDropped", why = "shows the ERROR that PollCall avoids")
	void reactorsLambdaSubscriberWouldLogTheSameLateErrorAtError() {
		// why PollCall exists: the subscriber the poller used before
		Disposable call = Mono.fromDirect(this.poll).subscribe(this.seen::add, (error) -> this.seen.add("error"));
		call.dispose();
		this.poll.fail(new IllegalStateException("read timeout"));
		assertThat(this.seen).isEmpty();
		assertThat(errors()).singleElement()
			.satisfies((event) -> assertThat(event.getFormattedMessage()).contains("onErrorDropped"));
	}

	private List<ILoggingEvent> errors() {
		return this.reactorLog.list.stream().filter((event) -> event.getLevel().isGreaterOrEqual(Level.WARN)).toList();
	}

	private static void fail(Throwable error) {
		throw new AssertionError("unexpected error", error);
	}

	/**
	 * A request whose outcome the test delivers, also after a cancel, as a response in
	 * flight does when the cancel loses the race.
	 */
	static final class LatePoll implements Publisher<String> {

		private final AtomicReference<Subscriber<? super String>> subscriber = new AtomicReference<>();

		volatile boolean cancelled;

		@Override
		public void subscribe(Subscriber<? super String> s) {
			this.subscriber.set(s);
			s.onSubscribe(new Subscription() {

				@Override
				public void request(long n) {
				}

				@Override
				public void cancel() {
					LatePoll.this.cancelled = true;
				}

			});
		}

		void fail(Throwable error) {
			this.subscriber.get().onError(error);
		}

		void succeed(String value) {
			this.subscriber.get().onNext(value);
			this.subscriber.get().onComplete();
		}

	}

}
