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

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import sh.smooth.spring.task.TaskStatus;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the layers apart: only the auto-configuration knows Spring Boot's wiring, the
 * wire layer knows no features, the poller and the runtime know no tools or sessions,
 * tools know no sessions, observation knows no feature internals, and packages form no
 * cycle.
 */
class ArchitectureTests {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("sh.smooth.spring");

	@Test
	void clientPackagesDoNotDependOnTheAutoConfiguration() {
		noClasses().that()
			.resideOutsideOfPackage("sh.smooth.spring.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("sh.smooth.spring.autoconfigure..")
			.check(classes);
	}

	@Test
	void theWireLayerKnowsNoFeatures() {
		// TaskStatus is the one exception: the vocabulary of the wire's "status" field,
		// parsed once where the response is read, so that every layer agrees on it
		noClasses().that()
			.resideInAPackage("sh.smooth.spring.api..")
			.should()
			.dependOnClassesThat(resideInAnyPackage("sh.smooth.spring.task..", "sh.smooth.spring.browser..",
					"sh.smooth.spring.session..", "sh.smooth.spring.tool..", "sh.smooth.spring.resource..",
					"sh.smooth.spring.runtime..", "sh.smooth.spring.polling..", "sh.smooth.spring.health..")
				.and(not(equivalentTo(TaskStatus.class))))
			.check(classes);
	}

	@Test
	void onlyTheAutoConfigurationAndTheHealthIndicatorKnowSpringBoot() {
		// the HTTP client settings are Boot types too: the api package takes a plain
		// connector, built from them in the auto-configuration
		noClasses().that()
			.resideOutsideOfPackages("sh.smooth.spring.autoconfigure..", "sh.smooth.spring.health..",
					"sh.smooth.spring.ai.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.boot..")
			.check(classes);
	}

	@Test
	void thePollerKnowsNoToolsSessionsOrRuns() {
		// the scheduling state machine: it hands responses to whoever receives them
		noClasses().that()
			.resideInAPackage("sh.smooth.spring.polling..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("sh.smooth.spring.tool..", "sh.smooth.spring.session..", "sh.smooth.spring.runtime..")
			.check(classes);
	}

	@Test
	void theRuntimeKnowsNoToolsOrSessions() {
		// tools join through ToolAttachment, browser actions through
		// BrowserActionsFactory: both given by constructor
		noClasses().that()
			.resideInAPackage("sh.smooth.spring.runtime..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("sh.smooth.spring.tool..", "sh.smooth.spring.session..")
			.orShould()
			.dependOnClassesThat(resideInAnyPackage("sh.smooth.spring.task..").and(not(equivalentTo(TaskStatus.class))))
			.check(classes);
	}

	@Test
	void toolsDoNotKnowSessions() {
		// a tool drives its task's browser through the neutral BrowserActions
		noClasses().that()
			.resideInAPackage("sh.smooth.spring.tool..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("sh.smooth.spring.session..")
			.check(classes);
	}

	@Test
	void observationKnowsNoFeatureInternals() {
		// the observation contexts carry wire records and ids; the poll counter is the
		// engine's PollRecorder
		noClasses().that()
			.resideInAPackage("sh.smooth.spring.observation..")
			.should()
			.dependOnClassesThat(resideInAnyPackage("sh.smooth.spring.task..", "sh.smooth.spring.browser..",
					"sh.smooth.spring.session..", "sh.smooth.spring.tool..", "sh.smooth.spring.resource..",
					"sh.smooth.spring.runtime..", "sh.smooth.spring.schema..")
				.and(not(equivalentTo(TaskStatus.class))))
			.check(classes);
	}

	@Test
	void sharedHelpersDependOnNoFeature() {
		noClasses().that()
			.resideInAnyPackage("sh.smooth.spring.support..", "sh.smooth.spring.error..", "sh.smooth.spring.schema..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("sh.smooth.spring.task..", "sh.smooth.spring.browser..", "sh.smooth.spring.session..",
					"sh.smooth.spring.tool..", "sh.smooth.spring.resource..", "sh.smooth.spring.runtime..",
					"sh.smooth.spring.polling..", "sh.smooth.spring.observation..")
			.check(classes);
	}

	@Test
	void packagesAreFreeOfCycles() {
		// the root package (the templates) sits above every feature and is left out;
		// TaskStatus is the wire's status vocabulary that every layer shares (see above)
		slices().matching("sh.smooth.spring.(*)..")
			.should()
			.beFreeOfCycles()
			.ignoreDependency(alwaysTrue(), equivalentTo(TaskStatus.class))
			.check(classes);
	}

	@Test
	void onlyTheSpringAiBridgeKnowsSpringAi() {
		// Spring AI is optional: a class outside the bridge that touched it would fail
		// without it, and the bridge is an add-on that nothing else builds on
		noClasses().that()
			.resideOutsideOfPackage("sh.smooth.spring.ai..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("sh.smooth.spring.ai..", "org.springframework.ai..")
			.check(classes);
	}

	@Test
	void mainCodeUsesJackson3Only() {
		noClasses().should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson.databind..").check(classes);
	}

}
