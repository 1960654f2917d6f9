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

package sh.smooth.spring;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Customizes the {@link WebClient.Builder} used for Smooth alone (a clone of Boot's
 * builder), for example to add a filter or a proxy. Unlike a global
 * {@code WebClientCustomizer}, it never touches the application's other clients, and what
 * it adds never leaks onto them.
 */
@FunctionalInterface
public interface SmoothWebClientCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the Smooth builder
	 */
	void customize(WebClient.Builder builder);

}
