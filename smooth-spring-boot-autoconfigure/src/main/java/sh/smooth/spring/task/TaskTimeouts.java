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

package sh.smooth.spring.task;

import java.time.Duration;

import sh.smooth.spring.support.Validate;

/**
 * The default bounds of blocking waits.
 *
 * @param task bound of {@code await()} and {@code run(...)}
 * ({@code smooth.task.default-timeout})
 * @param liveUrl bound of {@code liveUrl()} ({@code smooth.task.live-url-timeout})
 * @param call bound of one API call made on the caller's thread (submit, get, cancel,
 * opening and closing a session)
 */
public record TaskTimeouts(Duration task, Duration liveUrl, Duration call) {

	public TaskTimeouts {
		Validate.positive("smooth.task.default-timeout", task);
		Validate.positive("smooth.task.live-url-timeout", liveUrl);
		Validate.positive("call timeout", call);
	}

	/**
	 * The bound of one API call for the connection settings: its connect and read
	 * timeouts, twice (a call and one retry).
	 * @param connectTimeout the connect timeout
	 * @param readTimeout the read timeout
	 * @return the bound
	 */
	public static Duration callTimeout(Duration connectTimeout, Duration readTimeout) {
		return readTimeout.plus(connectTimeout).multipliedBy(2);
	}

}
