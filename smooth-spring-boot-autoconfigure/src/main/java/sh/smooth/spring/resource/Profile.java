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

package sh.smooth.spring.resource;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import sh.smooth.spring.support.Validate;

/**
 * A browser profile: pass its id to {@code SmoothTask.Builder#profile(String)} to reuse
 * its cookies. Profiles are created, listed and deleted with {@link SmoothProfiles}.
 *
 * @param id the profile id
 * @param statistics what newer servers tell about the profile, or {@code null} when the
 * server sent none (older servers, and the answer to a create)
 */
public record Profile(String id, @Nullable ProfileStatistics statistics) {

	/**
	 * Creates a profile.
	 * @param id the profile id
	 * @param statistics the statistics, or {@code null}
	 */
	public Profile {
		Validate.notBlank("profile id", id);
	}

	/**
	 * The statistics, if the server sent any.
	 * @return the statistics
	 */
	public Optional<ProfileStatistics> stats() {
		return Optional.ofNullable(this.statistics);
	}

}
