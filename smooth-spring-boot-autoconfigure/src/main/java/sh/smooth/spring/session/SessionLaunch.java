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

package sh.smooth.spring.session;

import java.time.Duration;
import java.util.function.Consumer;

import reactor.core.publisher.Mono;

import sh.smooth.spring.polling.TaskPoller;
import sh.smooth.spring.support.OutputConverter;
import sh.smooth.spring.support.Validate;
import sh.smooth.spring.task.SmoothTask;

/**
 * What a {@link SessionFactory} needs from the client that opens a session.
 *
 * @param starter creates the session's task through the shared task path, so every
 * {@link sh.smooth.spring.task.TaskSupport} (custom tools, metrics) takes part
 * @param converter converts action output to Java types
 * @param callTimeout bound of one API call made for the caller (close)
 * @param liveUrlTimeout default bound of {@code liveUrl()}
 */
public record SessionLaunch(Starter starter, OutputConverter converter, Duration callTimeout, Duration liveUrlTimeout) {

	public SessionLaunch {
		Validate.notNull("starter", starter);
		Validate.notNull("converter", converter);
		Validate.positive("callTimeout", callTimeout);
		Validate.positive("liveUrlTimeout", liveUrlTimeout);
	}

	/**
	 * Creates the session's task on the server.
	 */
	@FunctionalInterface
	public interface Starter {

		/**
		 * Creates the task and starts polling it.
		 * @param options the session options (no task text)
		 * @param beforeStart called with the new poller before its first poll
		 * @return the started poller
		 */
		Mono<TaskPoller> start(SmoothTask options, Consumer<TaskPoller> beforeStart);

	}

}
