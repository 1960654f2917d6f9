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
 * Test support for Smooth clients: {@link sh.smooth.spring.test.SmoothSimulator}, an
 * in-process fake of the Smooth HTTP API with scripting, fault injection and request
 * verification, plus its Spring
 * ({@link sh.smooth.spring.test.AutoConfigureSmoothSimulator}) and JUnit
 * ({@link sh.smooth.spring.test.SmoothSimulatorExtension}) integrations. Knows nothing of
 * the starter's client: it is a server that only shares the property names
 * {@code smooth.base-url} and {@code smooth.api-key}.
 */
package sh.smooth.spring.test;
