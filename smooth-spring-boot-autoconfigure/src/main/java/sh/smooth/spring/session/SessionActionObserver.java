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

import org.jspecify.annotations.Nullable;

/**
 * Observes session actions from the POST of the action until its result (or failure). The
 * metrics feature implements it; the default does nothing.
 */
public interface SessionActionObserver {

	/** An observer that records nothing. */
	SessionActionObserver NOOP = (sessionId, action) -> (outcome, creditsUsed, error) -> {
	};

	/**
	 * An action is being sent.
	 * @param sessionId the session (task) id
	 * @param action the action name: {@code goto}, {@code extract}, {@code evaluate_js},
	 * {@code run_task} or {@code close}
	 * @return the observation to stop when the action ends
	 */
	Observation start(String sessionId, String action);

	/**
	 * One action in progress.
	 */
	@FunctionalInterface
	interface Observation {

		/**
		 * The action ended.
		 * @param outcome {@code success}, {@code error} (code 400), {@code failed} (code
		 * 500), {@code timeout} or {@code closed}
		 * @param creditsUsed credits the action reported, 0 if none
		 * @param error the error, if any
		 */
		void stop(String outcome, long creditsUsed, @Nullable Throwable error);

	}

}
