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

package sh.smooth.spring.api;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A profile as the server describes it ({@code ProfileResponse}). Only {@code id} is
 * required; newer servers add the statistics, each optional. Unknown fields are ignored,
 * and a bare string (an id) is read as a profile without statistics.
 *
 * @param id the profile id
 * @param cookieDomains the registrable domains it has cookies for, most recently used
 * first
 * @param cookieCount how many cookies it holds
 * @param profileSizeBytes its stored size
 * @param lastSavedAt when a task last wrote it back, in epoch seconds
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProfileResponse(String id, @JsonProperty("cookie_domains") @Nullable List<String> cookieDomains,
		@JsonProperty("cookie_count") @Nullable Long cookieCount,
		@JsonProperty("profile_size_bytes") @Nullable Long profileSizeBytes,
		@JsonProperty("last_saved_at") @Nullable Long lastSavedAt) {

	@JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
	public ProfileResponse {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("a profile without an id");
		}
		cookieDomains = (cookieDomains != null) ? cookieDomains.stream().filter(Objects::nonNull).toList() : null;
	}

	/**
	 * A profile known only by its id.
	 * @param id the id
	 * @return the profile
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ProfileResponse of(String id) {
		return new ProfileResponse(id, null, null, null, null);
	}

	/**
	 * Whether the server sent any statistics.
	 * @return whether one of the optional values is present
	 */
	public boolean hasStatistics() {
		return this.cookieDomains != null || this.cookieCount != null || this.profileSizeBytes != null
				|| this.lastSavedAt != null;
	}

}
