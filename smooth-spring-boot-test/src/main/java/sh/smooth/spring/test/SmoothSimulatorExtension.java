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

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit Jupiter extension for tests without Spring: injects a {@link SmoothSimulator}
 * into test, lifecycle and constructor parameters.
 * <p>
 * One simulator per test class (it starts in milliseconds, but a port and a thread per
 * test method would add up); it is {@link SmoothSimulator#reset() reset} before each test
 * so scripts, faults and recorded requests never leak between tests, and closed when the
 * class is done.
 *
 * <pre class="code">
 * &#64;ExtendWith(SmoothSimulatorExtension.class)
 * class MyTests {
 *     &#64;Test
 *     void works(SmoothSimulator sim) { ... }
 * }
 * </pre>
 */
public class SmoothSimulatorExtension implements ParameterResolver, BeforeEachCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(SmoothSimulatorExtension.class);

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == SmoothSimulator.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return simulator(extensionContext);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		SmoothSimulator simulator = classContext(context).getStore(NAMESPACE)
			.get(SmoothSimulator.class, SmoothSimulator.class);
		if (simulator != null) {
			simulator.reset();
		}
	}

	private static SmoothSimulator simulator(ExtensionContext context) {
		// stored values that are AutoCloseable are closed with their context
		return classContext(context).getStore(NAMESPACE)
			.computeIfAbsent(SmoothSimulator.class, (key) -> SmoothSimulator.start(), SmoothSimulator.class);
	}

	private static ExtensionContext classContext(ExtensionContext context) {
		ExtensionContext current = context;
		while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
			current = current.getParent().get();
		}
		return current;
	}

}
