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

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The context of a {@code smooth.session.action} observation.
 */
public class SmoothSessionActionObservationContext extends Observation.Context {

	private final String sessionId;

	private final String action;

	private final @Nullable SmoothTaskObservationContext session;

	private final KeyValues creditTags;

	private volatile @Nullable SessionActionOutcome outcome;

	private volatile long creditsUsed;

	/**
	 * Creates a context.
	 * @param sessionId the session (task) id
	 * @param action the action name
	 * @param session the context of the session's observation, if it is observed
	 * @param creditTags the tags under which the action's credits are counted: those of
	 * its session, so {@code smooth.credits.used} always has the same tag keys
	 */
	public SmoothSessionActionObservationContext(String sessionId, String action,
			@Nullable SmoothTaskObservationContext session, KeyValues creditTags) {
		this.sessionId = sessionId;
		this.action = action;
		this.session = session;
		this.creditTags = creditTags;
	}

	/**
	 * The session id.
	 * @return the id
	 */
	public String getSessionId() {
		return this.sessionId;
	}

	/**
	 * The action name as given by the session feature.
	 * @return the name
	 */
	public String getAction() {
		return this.action;
	}

	/**
	 * The context of the session's observation.
	 * @return the context, or {@code null} when the session is not observed
	 */
	public @Nullable SmoothTaskObservationContext getSession() {
		return this.session;
	}

	/**
	 * The tags of the action's credits.
	 * @return the tags
	 */
	public KeyValues getCreditTags() {
		return this.creditTags;
	}

	/**
	 * How the action ended.
	 * @return the outcome, or {@code null} while in flight
	 */
	public @Nullable SessionActionOutcome getOutcome() {
		return this.outcome;
	}

	/**
	 * Sets how the action ended.
	 * @param outcome the outcome
	 */
	public void setOutcome(SessionActionOutcome outcome) {
		this.outcome = outcome;
	}

	/**
	 * The credits the action reported.
	 * @return the credits, 0 if none
	 */
	public long getCreditsUsed() {
		return this.creditsUsed;
	}

	/**
	 * Sets the credits the action reported.
	 * @param creditsUsed the credits
	 */
	public void setCreditsUsed(long creditsUsed) {
		this.creditsUsed = creditsUsed;
	}

}
