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

package sh.smooth.spring.error;

/**
 * No API key was configured. The application starts without one; the first call fails
 * with this exception.
 */
public class SmoothMissingApiKeyException extends SmoothException {

	public SmoothMissingApiKeyException() {
		super("No Smooth API key is configured: set the property smooth.api-key, "
				+ "or the environment variable SMOOTH_API_KEY (CIRCLEMIND_API_KEY is read too). "
				+ "Get a key at https://app.smooth.sh");
	}

}
