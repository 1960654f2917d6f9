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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JUnit extension: one simulator per class, the same in lifecycle methods and tests,
 * reset before each test.
 */
@ExtendWith(SmoothSimulatorExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SmoothSimulatorExtensionTests {

	private static SmoothSimulator first;

	private SmoothSimulator fromBeforeEach;

	@BeforeEach
	void setUp(SmoothSimulator sim) {
		this.fromBeforeEach = sim;
	}

	@Test
	@Order(1)
	void injectsTheSameSimulatorIntoLifecycleMethodsAndTests(SmoothSimulator sim) {
		assertThat(sim).isSameAs(this.fromBeforeEach);
		first = sim;
		new Api(sim).createTask("left behind");
		assertThat(sim.taskIds()).hasSize(1);
	}

	@Test
	@Order(2)
	void sharesItAcrossTheClassButResetsItBeforeEachTest(SmoothSimulator sim) {
		assertThat(sim).isSameAs(first);
		assertThat(sim.taskIds()).isEmpty();
		assertThat(sim.requests()).isEmpty();
	}

}
