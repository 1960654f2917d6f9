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

package sh.smooth.spring.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the {@link ExpectedLog} declarations of a test class in force for the whole class
 * ({@code @BeforeAll} and {@code @AfterAll} included) and those of a test method for that
 * method, then prints one line per class with what was dropped.
 */
final class ExpectedLogExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

	private static final Logger logger = LoggerFactory.getLogger(ExpectedLog.class);

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(ExpectedLogExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		store(context).put("class", activate(context.getRequiredTestClass().getAnnotationsByType(ExpectedLog.class)));
		store(context).put("seen", new ArrayList<ExpectedLogFilter.Rule>());
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		Optional<java.lang.reflect.Method> method = context.getTestMethod();
		List<ExpectedLogFilter.Rule> rules = method
			.map((m) -> activate(
					AnnotationSupport.findRepeatableAnnotations(m, ExpectedLog.class).toArray(new ExpectedLog[0])))
			.orElse(List.of());
		store(context).put("method", rules);
	}

	@Override
	@SuppressWarnings("unchecked")
	public void afterEach(ExtensionContext context) {
		List<ExpectedLogFilter.Rule> rules = store(context).remove("method", List.class);
		if (rules == null) {
			return;
		}
		ExpectedLogFilter.deactivate(rules);
		// reported with the class's (a parameterized test's invocations sit one level
		// deeper) when the class declares some too, else now: JUnit runs the class
		// callbacks only for an extension registered on the class
		for (Optional<ExtensionContext> parent = context.getParent(); parent
			.isPresent(); parent = parent.get().getParent()) {
			List<ExpectedLogFilter.Rule> seen = store(parent.get()).get("seen", List.class);
			if (seen != null) {
				seen.addAll(rules);
				return;
			}
		}
		report(context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName(), rules);
	}

	@Override
	@SuppressWarnings("unchecked")
	public void afterAll(ExtensionContext context) {
		List<ExpectedLogFilter.Rule> rules = new ArrayList<>(store(context).remove("class", List.class));
		ExpectedLogFilter.deactivate(rules);
		rules.addAll(store(context).remove("seen", List.class));
		report(context.getRequiredTestClass().getSimpleName(), rules);
	}

	private static void report(String name, List<ExpectedLogFilter.Rule> rules) {
		// one entry per declaration, however many tests or invocations it covered
		Map<ExpectedLog, Integer> dropped = new LinkedHashMap<>();
		rules.forEach((rule) -> dropped.merge(rule.expected, rule.dropped.get(), Integer::sum));
		dropped.values().removeIf((count) -> count == 0);
		if (!dropped.isEmpty()) {
			int total = dropped.values().stream().mapToInt(Integer::intValue).sum();
			logger.info("{}: {} expected log event(s) not shown: {}", name, total,
					dropped.entrySet()
						.stream()
						.map((entry) -> ExpectedLogFilter.describe(entry.getKey(), entry.getValue()))
						.collect(Collectors.joining("; ")));
		}
	}

	private static List<ExpectedLogFilter.Rule> activate(ExpectedLog[] declared) {
		List<ExpectedLogFilter.Rule> rules = new ArrayList<>();
		for (ExpectedLog expected : declared) {
			rules.add(ExpectedLogFilter.activate(expected));
		}
		return rules;
	}

	private ExtensionContext.Store store(ExtensionContext context) {
		return context.getStore(NAMESPACE);
	}

}
