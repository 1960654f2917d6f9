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

/**
 * Whether a call may be repeated after it may have reached the server.
 */
public enum CallSafety {

	/**
	 * Repeating is harmless (GET, DELETE, a tool answer with the same event id): retried
	 * on 5xx, 429, timeouts and connection errors.
	 */
	IDEMPOTENT,

	/**
	 * Repeating could burn credits (POST /task, a session action): retried only when the
	 * connection was refused, so nothing was sent.
	 */
	NOT_IDEMPOTENT

}
