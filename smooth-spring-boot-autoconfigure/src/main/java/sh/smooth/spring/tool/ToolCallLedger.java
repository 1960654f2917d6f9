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

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import sh.smooth.spring.api.TaskEvent;
import sh.smooth.spring.runtime.TaskRun;

/**
 * Where a fleet of instances records its tool calls, so that each runs once fleet-wide: a
 * call is claimed before its method runs, and its answer recorded before it is sent.
 * {@link #NONE} (one instance) records nothing: every call is run and answered as it
 * comes. Implemented over the task store by the fleet.
 */
public interface ToolCallLedger {

	/** One instance: every call runs here, every answer is sent. */
	ToolCallLedger NONE = new ToolCallLedger() {

		@Override
		public Mono<Decision> claim(TaskRun run, String eventId) {
			return Mono.just(Decision.RUN);
		}

		@Override
		public Mono<Boolean> record(TaskRun run, TaskEvent answer) {
			return Mono.just(Boolean.TRUE);
		}

		@Override
		public void accepted(TaskRun run, TaskEvent answer) {
		}

	};

	/**
	 * Claims a tool call before its method may run.
	 * @param run the task's run
	 * @param eventId the tool-call event id
	 * @return what to do with the call
	 */
	Mono<Decision> claim(TaskRun run, String eventId);

	/**
	 * Records the answer decided for a claimed call, before it is sent.
	 * @param run the task's run
	 * @param answer the answer event
	 * @return {@code true} when it may be sent, {@code false} when another instance
	 * decided the call's answer (then this one must not be sent)
	 */
	Mono<Boolean> record(TaskRun run, TaskEvent answer);

	/**
	 * Notes that the server accepted an answer.
	 * @param run the task's run
	 * @param answer the answer event
	 */
	void accepted(TaskRun run, TaskEvent answer);

	/**
	 * What to do with a tool call.
	 *
	 * @param action the action
	 * @param answer the answer to send again, for {@link Action#RESEND}
	 */
	record Decision(Action action, @Nullable TaskEvent answer) {

		/** Run the method here. */
		public static final Decision RUN = new Decision(Action.RUN, null);

		/** Nothing to do here. */
		public static final Decision SKIP = new Decision(Action.SKIP, null);

		/** Answer "tool interrupted, try again" without running the method. */
		public static final Decision INTERRUPTED = new Decision(Action.INTERRUPTED, null);

		/**
		 * What to do.
		 */
		public enum Action {

			/** This instance claimed the call: run the method. */
			RUN,

			/** Send exactly this recorded answer again; never run the method. */
			RESEND,

			/**
			 * The instance that claimed the call died while its method ran: answer 400
			 * "tool interrupted, try again", never run the method a second time.
			 */
			INTERRUPTED,

			/** Another instance answers it, or it was answered: nothing to do. */
			SKIP

		}

	}

}
