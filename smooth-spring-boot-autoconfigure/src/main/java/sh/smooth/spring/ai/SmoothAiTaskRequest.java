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
package sh.smooth.spring.ai;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a model asked Smooth to do, after the guard rails of {@code smooth.ai.*} applied:
 * the request a {@link SmoothAiTaskGuard} sees before anything is sent.
 *
 * @param tool the tool the model called, such as {@code smooth_run_task}
 * @param task the task text, for the tools that run one
 * @param url the start or target URL, if any
 * @param maxSteps the step budget that will be sent, if any
 * @param allowedUrls the URL patterns that will be sent; empty for no confinement
 * @param sessionId the session the call acts on, for the session tools after open
 */
public record SmoothAiTaskRequest(String tool, @Nullable String task, @Nullable String url, @Nullable Integer maxSteps,
		List<String> allowedUrls, @Nullable String sessionId) {

	/**
	 * Copies the patterns.
	 */
	public SmoothAiTaskRequest {
		allowedUrls = List.copyOf(allowedUrls);
	}

}
