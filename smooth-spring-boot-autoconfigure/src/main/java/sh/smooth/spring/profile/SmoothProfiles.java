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

package sh.smooth.spring.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpMethod;

import sh.smooth.spring.api.ApiErrors;
import sh.smooth.spring.api.CallSafety;
import sh.smooth.spring.api.RequestBodies;
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

	private final SmoothApiClient api;

	private final Duration timeout;

	/**
	 * Creates the profile operations.
	 * @param api the API client
	 * @param timeout the bound of one call
	 */
	public SmoothProfiles(SmoothApiClient api, Duration timeout) {
		this.api = api;
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
		ObjectNode body = this.api.mapper().createObjectNode();
		body.put("id", id);
		String name = (id != null) ? "profile '" + id + "'" : "a profile";
		JsonNode r = Futures.await(
				this.api
					.exchange(HttpMethod.POST, (uri) -> uri.path("/profile").build(),
							RequestBodies.json(this.api.mapper(), body), null, CallSafety.NOT_IDEMPOTENT)
					.onErrorMap(ApiErrors.explain(409, "profile '" + id + "' already exists"))
					.onErrorMap(ApiErrors.explain(403, "could not create " + name + ": " + PLAN_HINT)),
				this.timeout, null, "the creation of " + name);
		if (r.isObject() && r.hasNonNull("id")) {
			return profile(r);
		}
		if (id != null) {
			// an old server that answers without the profile still created it
			return new Profile(id, null);
		}
		throw new SmoothException("Unexpected answer to creating a profile: " + r);
	}

	/**
	 * Lists the profiles of this API key, with their statistics where the server gives
	 * them.
	 * @return the profiles, in the server's order
	 */
	public List<Profile> list() {
		JsonNode r = Futures.await(
				this.api
					.exchange(HttpMethod.GET, (uri) -> uri.path("/profile").build(), null, null, CallSafety.IDEMPOTENT)
					.onErrorMap(ApiErrors.explain(403, "could not list profiles: " + PLAN_HINT)),
				this.timeout, null, "the profile list");
		return profiles(r);
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
				this.api
					.exchange(HttpMethod.DELETE, (uri) -> uri.path("/profile/{id}").build(id), null, null,
							CallSafety.IDEMPOTENT)
					.onErrorMap(ApiErrors.explain(404, "profile '" + id + "' does not exist")),
				this.timeout, null, "the deletion of profile '" + id + "'");
	}

	static List<Profile> profiles(JsonNode r) {
		List<Profile> profiles = new ArrayList<>();
		if (r.isObject() && r.has("profile_ids")) {
			// the old BrowserProfilesResponse shape, still shown in the docs
			r.get("profile_ids").forEach((id) -> profiles.add(new Profile(id.asString(), null)));
			return profiles;
		}
		if (r.isNull() || r.isMissingNode()) {
			return profiles;
		}
		if (!r.isArray()) {
			throw new SmoothException("Unexpected shape of the profile list: " + r.getNodeType());
		}
		for (JsonNode item : r) {
			profiles.add(item.isString() ? new Profile(item.asString(), null) : profile(item));
		}
		return profiles;
	}

	static Profile profile(JsonNode node) {
		JsonNode id = node.get("id");
		if (id == null || !id.isString() || id.asString().isBlank()) {
			throw new SmoothException("A profile without an id in the answer: " + node);
		}
		List<String> domains = new ArrayList<>();
		JsonNode cookieDomains = node.get("cookie_domains");
		if (cookieDomains != null && cookieDomains.isArray()) {
			cookieDomains.forEach((domain) -> domains.add(domain.asString()));
		}
		Long cookieCount = number(node, "cookie_count");
		Long sizeBytes = number(node, "profile_size_bytes");
		Long lastSaved = number(node, "last_saved_at");
		boolean anyStatistics = cookieDomains != null || cookieCount != null || sizeBytes != null || lastSaved != null;
		ProfileStatistics statistics = anyStatistics ? new ProfileStatistics(domains, cookieCount, sizeBytes,
				(lastSaved != null) ? Instant.ofEpochSecond(lastSaved) : null) : null;
		return new Profile(id.asString(), statistics);
	}

	private static @Nullable Long number(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isNumber()) ? value.asLong() : null;
	}

	@Override
	public String toString() {
		return "SmoothProfiles";
	}

}
