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

package sh.smooth.spring.store;

import java.time.Duration;

import sh.smooth.spring.support.Validate;

/**
 * How one instance takes part in the fleet ({@code smooth.fleet.*}).
 *
 * @param instanceId this instance's id in the store, unique in the fleet
 * @param lease how long the instance's tasks stay its own without a renewal; renewed
 * every third of it, and tasks are taken over once it expired
 * @param maxConcurrentTasks most tasks and sessions running fleet-wide, 0 for no limit
 * @param queuePollInterval how often a queued submit asks the store for a slot
 */
public record FleetSettings(String instanceId, Duration lease, int maxConcurrentTasks, Duration queuePollInterval) {

	/** The default lease. */
	public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

	/** The default interval of a queued submit's requests for a slot. */
	public static final Duration DEFAULT_QUEUE_POLL_INTERVAL = Duration.ofMillis(500);

	public FleetSettings {
		Validate.notBlank("smooth.fleet.instance-id", instanceId);
		if (instanceId.length() > 128) {
			throw new sh.smooth.spring.error.SmoothValidationException("smooth.fleet.instance-id",
					instanceId.length() + " characters", "must be at most 128 characters");
		}
		Validate.positive("smooth.fleet.lease-duration", lease);
		if (lease.toMillis() < 300) {
			throw new sh.smooth.spring.error.SmoothValidationException("smooth.fleet.lease-duration", lease,
					"must be at least 300 ms (it is renewed every third of it)");
		}
		if (maxConcurrentTasks < 0) {
			throw new sh.smooth.spring.error.SmoothValidationException("smooth.fleet.max-concurrent-tasks",
					maxConcurrentTasks, "must be at least 1 (leave it unset for no limit)");
		}
		Validate.positive("smooth.fleet.queue-poll-interval", queuePollInterval);
	}

	/**
	 * How often the leases are renewed.
	 * @return a third of the lease
	 */
	public Duration renewInterval() {
		return this.lease.dividedBy(3);
	}

	/**
	 * How often the store is swept for tasks to take over.
	 * @return half the lease
	 */
	public Duration sweepInterval() {
		return this.lease.dividedBy(2);
	}

}
