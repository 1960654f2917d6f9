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
package sh.smooth.spring.ai;

import org.jspecify.annotations.Nullable;

/**
 * Sees every request a model makes through the Smooth tools before it is sent, after the
 * {@code smooth.ai.*} guard rails, and may refuse it. The model is told the reason, so it
 * can change its request or tell the user. Declare one as a bean. Runs on the thread that
 * calls the tool; it must not block for long.
 */
@FunctionalInterface
public interface SmoothAiTaskGuard {

	/**
	 * Decides on a request.
	 * @param request what the model asked for
	 * @return {@link Verdict#allow()} or {@link Verdict#refuse(String)}
	 */
	Verdict check(SmoothAiTaskRequest request);

	/**
	 * A guard's decision.
	 *
	 * @param allowed whether the request may be sent
	 * @param reason why it was refused, told to the model; {@code null} when allowed
	 */
	record Verdict(boolean allowed, @Nullable String reason) {

		private static final Verdict ALLOW = new Verdict(true, null);

		/**
		 * Checks that a refusal has a reason.
		 */
		public Verdict {
			if (!allowed && (reason == null || reason.isBlank())) {
				throw new IllegalArgumentException("A refusal needs a reason the model can act on");
			}
		}

		/**
		 * Lets the request through.
		 * @return the verdict
		 */
		public static Verdict allow() {
			return ALLOW;
		}

		/**
		 * Refuses the request.
		 * @param reason what the model is told, such as "tasks may not log in anywhere"
		 * @return the verdict
		 */
		public static Verdict refuse(String reason) {
			return new Verdict(false, reason);
		}

	}

}
