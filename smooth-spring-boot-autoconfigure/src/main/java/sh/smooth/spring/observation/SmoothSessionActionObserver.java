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
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import sh.smooth.spring.api.TaskKind;
import sh.smooth.spring.session.SessionActionObserver;

/**
 * Records one {@code smooth.session.action} observation per session action, as a child of
 * its session's {@code smooth.task} observation.
 */
public final class SmoothSessionActionObserver implements SessionActionObserver {

	private static final DefaultSmoothSessionActionObservationConvention DEFAULT_CONVENTION = new DefaultSmoothSessionActionObservationConvention();

	private final ObservationRegistry registry;

	private final SmoothTaskObservationSupport tasks;

	private final @Nullable SmoothSessionActionObservationConvention convention;

	/**
	 * Creates the observer.
	 * @param registry the registry
	 * @param tasks the task observations, for the parent and the credit tags
	 * @param convention a convention replacing the default, or {@code null}
	 */
	public SmoothSessionActionObserver(ObservationRegistry registry, SmoothTaskObservationSupport tasks,
			@Nullable SmoothSessionActionObservationConvention convention) {
		this.registry = registry;
		this.tasks = tasks;
		this.convention = convention;
	}

	@Override
	public Observation start(String sessionId, String action) {
		io.micrometer.observation.Observation parent = this.tasks.find(sessionId);
		SmoothTaskObservationContext session = (parent != null
				&& parent.getContext() instanceof SmoothTaskObservationContext context) ? context : null;
		SmoothSessionActionObservationContext context = new SmoothSessionActionObservationContext(sessionId, action,
				session, creditTags(sessionId, session));
		io.micrometer.observation.Observation observation = SmoothObservationDocumentation.SESSION_ACTION
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.parentObservation(parent)
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

	private KeyValues creditTags(String sessionId, @Nullable SmoothTaskObservationContext session) {
		if (session != null) {
			// the session's tags while it runs (status "running")
			return session.getLowCardinalityKeyValues();
		}
		// not observed (attached elsewhere, or its observation is off): same keys,
		// unknown
		// values
		return this.tasks.convention()
			.getLowCardinalityKeyValues(new SmoothTaskObservationContext(TaskKind.SESSION, null, sessionId, Set.of()));
	}

}
