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

package sh.smooth.spring.test;

/**
 * A request that broke the official OpenAPI document.
 *
 * @param request the offending request
 * @param key the validator's message key, such as
 * {@code validation.request.body.schema.maximum}
 * @param message the validator's message
 */
public record OpenApiViolation(RecordedRequest request, String key, String message) {

	@Override
	public String toString() {
		return this.request.method() + " " + this.request.path() + " [" + this.key + "] " + this.message;
	}

}
