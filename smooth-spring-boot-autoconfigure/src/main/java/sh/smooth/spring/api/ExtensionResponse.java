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

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An uploaded extension as {@code GET /extension} lists it. Unknown fields are ignored.
 *
 * @param id the extension id
 * @param fileName the name of the uploaded zip
 * @param creationTime when it was uploaded (epoch; the unit is not documented)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExtensionResponse(String id, @JsonProperty("file_name") @Nullable String fileName,
		@JsonProperty("creation_time") @Nullable Long creationTime) {

	public ExtensionResponse {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("an extension without an id");
		}
	}

}
