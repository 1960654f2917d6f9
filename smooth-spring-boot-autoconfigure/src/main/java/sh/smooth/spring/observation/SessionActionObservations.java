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

package sh.smooth.spring.observation;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import sh.smooth.spring.api.TaskKind;

/**
 * Records one {@code smooth.session.action} observation per session action, as a child of
 * its session's {@code smooth.task} observation; used by the session feature where the
 * action is sent.
 */
public final class SessionActionObservations {

	private static final DefaultSmoothSessionActionObservationConvention DEFAULT_CONVENTION = new DefaultSmoothSessionActionObservationConvention();

	private static final DefaultSmoothTaskObservationConvention DEFAULT_TASK_CONVENTION = new DefaultSmoothTaskObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable SmoothSessionActionObservationConvention convention;

	/**
	 * Creates the recorder.
	 * @param registry the registry ({@link ObservationRegistry#NOOP} records nothing)
	 * @param convention a convention replacing the default, or {@code null}
	 */
	public SessionActionObservations(ObservationRegistry registry,
			@Nullable SmoothSessionActionObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	/**
	 * An action is being sent.
	 * @param sessionId the session (task) id
	 * @param action the action name: {@code goto}, {@code extract}, {@code evaluate_js},
	 * {@code run_task} or {@code close}
	 * @param session the session's observation, the parent
	 * @return the observation to stop when the action ends
	 */
	public Stoppable start(String sessionId, String action, Observation session) {
		SmoothTaskObservationContext parent = (session.getContext() instanceof SmoothTaskObservationContext task) ? task
				: null;
		SmoothSessionActionObservationContext context = new SmoothSessionActionObservationContext(sessionId, action,
				parent, creditTags(sessionId, parent));
		Observation observation = SmoothObservationDocumentation.SESSION_ACTION
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.parentObservation(session.isNoop() ? null : session)
			.start();
		AtomicBoolean stopped = new AtomicBoolean();
		return (outcome, creditsUsed, error) -> {
			// a second stop would count the action's credits twice
			if (!stopped.compareAndSet(false, true)) {
				return;
			}
			context.setOutcome(outcome);
			context.setCreditsUsed(Math.max(0, creditsUsed));
			if (error != null) {
				observation.error(error);
			}
			observation.stop();
		};
	}

	private static KeyValues creditTags(String sessionId, @Nullable SmoothTaskObservationContext session) {
		if (session != null) {
			// the session's tags while it runs (status "running")
			return session.getLowCardinalityKeyValues();
		}
		// the session is not observed: same keys, unknown values
		return DEFAULT_TASK_CONVENTION
			.getLowCardinalityKeyValues(new SmoothTaskObservationContext(TaskKind.SESSION, null, sessionId, Set.of()));
	}

	/**
	 * One action in progress.
	 */
	@FunctionalInterface
	public interface Stoppable {

		/**
		 * The action ended; the first call counts, later ones do nothing.
		 * @param outcome how it ended
		 * @param creditsUsed credits the action reported, 0 if none
		 * @param error the error, if any
		 */
		void stop(SessionActionOutcome outcome, long creditsUsed, @Nullable Throwable error);

	}

}
