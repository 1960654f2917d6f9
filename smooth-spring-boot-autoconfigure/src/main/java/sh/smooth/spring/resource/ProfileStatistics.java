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

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a newer server reports about a profile. Each value is optional on the wire, so
 * each may be {@code null} here.
 *
 * @param cookieDomains the registrable domains the profile has cookies for, most recently
 * used first (empty when unknown)
 * @param cookieCount how many cookies the profile holds
 * @param sizeBytes the stored size of the profile
 * @param lastSavedAt when a task last wrote the profile back
 */
public record ProfileStatistics(List<String> cookieDomains, @Nullable Long cookieCount, @Nullable Long sizeBytes,
		@Nullable Instant lastSavedAt) {

	/**
	 * Creates statistics.
	 * @param cookieDomains the domains
	 * @param cookieCount the cookie count, or {@code null}
	 * @param sizeBytes the size, or {@code null}
	 * @param lastSavedAt the last save, or {@code null}
	 */
	public ProfileStatistics {
		cookieDomains = List.copyOf(cookieDomains);
	}

}
