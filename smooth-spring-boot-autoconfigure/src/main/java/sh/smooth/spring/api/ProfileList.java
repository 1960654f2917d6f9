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

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The {@code r} of {@code GET /profile}: an array of profiles (what the SDKs read), or
 * the old {@code {"profile_ids": [...]}} object still shown in the docs (reference,
 * disagreement 12).
 *
 * @param profiles the profiles, in the server's order
 */
record ProfileList(List<ProfileResponse> profiles) {

	ProfileList {
		profiles = List.copyOf(profiles);
	}

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static ProfileList of(List<ProfileResponse> profiles) {
		return new ProfileList(profiles);
	}

	@JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
	static ProfileList ofIds(@JsonProperty("profile_ids") @Nullable List<String> ids) {
		return new ProfileList((ids != null) ? ids.stream().map(ProfileResponse::of).toList() : List.of());
	}

}
