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
/**
 * The Spring AI bridge, active only with Spring AI on the classpath: Smooth as Spring AI
 * tools ({@link sh.smooth.spring.ai.SmoothAiToolCallbackProvider}:
 * {@code smooth_run_task} and the session tools, behind guard rails and an optional
 * {@link sh.smooth.spring.ai.SmoothAiTaskGuard}), and Spring AI tools as Smooth custom
 * tools ({@link sh.smooth.spring.ai.SpringAiToolSelection}). Nothing else in the starter
 * depends on this package.
 */
@NullMarked
package sh.smooth.spring.ai;

import org.jspecify.annotations.NullMarked;
