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
 * Helpers shared by every feature: argument checks
 * ({@link sh.smooth.spring.support.Validate}), bounded blocking waits
 * ({@link sh.smooth.spring.support.Futures}), the defaults of the client and waiting
 * settings ({@link sh.smooth.spring.support.SmoothDefaults}) and the conversion of output
 * to Java types ({@link sh.smooth.spring.support.OutputConverter}). They know no feature.
 */
@NullMarked
package sh.smooth.spring.support;

import org.jspecify.annotations.NullMarked;
