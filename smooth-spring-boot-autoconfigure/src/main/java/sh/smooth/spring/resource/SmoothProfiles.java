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

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import sh.smooth.spring.api.ApiErrors;
import sh.smooth.spring.api.ProfileRequest;
import sh.smooth.spring.api.ProfileResponse;
import sh.smooth.spring.api.ResourceApi;
import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.support.Futures;
import sh.smooth.spring.support.Validate;

/**
 * Creates, lists and deletes browser profiles ({@code /profile}). Each method blocks its
 * caller for one API call, bounded by the client's call timeout. Thread-safe.
 */
public final class SmoothProfiles {

	private static final String PLAN_HINT = "the Smooth plan of this API key may not include browser profiles";

	private final ResourceApi api;

	private final Duration timeout;

	/**
	 * Creates the profile operations.
	 * @param api the API client
	 * @param timeout the bound of one call
	 */
	public SmoothProfiles(SmoothApiClient api, Duration timeout) {
		this.api = api.resources();
		this.timeout = Validate.positive("timeout", timeout);
	}

	/**
	 * Creates a profile with an id chosen by the server.
	 * @return the new profile
	 * @throws sh.smooth.spring.error.SmoothAuthenticationException (403) if the plan
	 * lacks profiles
	 */
	public Profile create() {
		return doCreate(null);
	}

	/**
	 * Creates a profile with the given id.
	 * @param id the wanted id
	 * @return the new profile
	 * @throws sh.smooth.spring.error.SmoothConflictException (409) if a profile with this
	 * id already exists
	 * @throws sh.smooth.spring.error.SmoothAuthenticationException (403) if the plan
	 * lacks profiles
	 */
	public Profile create(String id) {
		return doCreate(Validate.notBlank("id", id));
	}

	private Profile doCreate(@Nullable String id) {
		String name = (id != null) ? "profile '" + id + "'" : "a profile";
		Mono<ProfileResponse> created = this.api.createProfile(new ProfileRequest(id))
			.onErrorMap(ApiErrors.explain(409, "profile '" + id + "' already exists"))
			.onErrorMap(ApiErrors.explain(403, "could not create " + name + ": " + PLAN_HINT))
			// an old server that answers without the profile still created it
			.switchIfEmpty(Mono.fromSupplier(() -> (id != null) ? ProfileResponse.of(id) : null))
			.switchIfEmpty(Mono.error(() -> new SmoothException("The answer to creating a profile has no profile")));
		return profile(Futures.await(created, this.timeout, null, "the creation of " + name));
	}

	/**
	 * Lists the profiles of this API key, with their statistics where the server gives
	 * them. The older answer {@code {"profile_ids": [...]}} is read too.
	 * @return the profiles, in the server's order
	 */
	public List<Profile> list() {
		List<ProfileResponse> profiles = Futures.await(
				this.api.listProfiles().onErrorMap(ApiErrors.explain(403, "could not list profiles: " + PLAN_HINT)),
				this.timeout, null, "the profile list");
		return profiles.stream().map(SmoothProfiles::profile).toList();
	}

	/**
	 * Deletes a profile.
	 * @param id the profile id
	 * @throws sh.smooth.spring.error.SmoothNotFoundException (404) if no profile has this
	 * id
	 */
	public void delete(String id) {
		Validate.notBlank("id", id);
		Futures.await(
				this.api.deleteProfile(id).onErrorMap(ApiErrors.explain(404, "profile '" + id + "' does not exist")),
				this.timeout, null, "the deletion of profile '" + id + "'");
	}

	static Profile profile(ProfileResponse response) {
		if (!response.hasStatistics()) {
			return new Profile(response.id(), null);
		}
		Long lastSaved = response.lastSavedAt();
		return new Profile(response.id(),
				new ProfileStatistics((response.cookieDomains() != null) ? response.cookieDomains() : List.of(),
						response.cookieCount(), response.profileSizeBytes(),
						(lastSaved != null) ? Instant.ofEpochSecond(lastSaved) : null));
	}

	@Override
	public String toString() {
		return "SmoothProfiles";
	}

}
