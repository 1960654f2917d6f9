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

package sh.smooth.spring.polling;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learned first poll for a result: nine tenths of the shortest of the last five
 * delays of its kind.
 */
class ResultTimingTests {

	@Test
	void anUnknownKindIsPolledAtOnce() {
		ResultTiming timing = new ResultTiming();
		assertThat(timing.firstPollMillis("goto")).isZero();
		timing.record("extract", 300);
		assertThat(timing.firstPollMillis("goto")).isZero();
	}

	@Test
	void theFirstPollIsNineTenthsOfTheShortestOfTheLastFive() {
		ResultTiming timing = new ResultTiming();
		for (long delay : new long[] { 500, 320, 400, 450, 480 }) {
			timing.record("goto", delay);
		}
		assertThat(timing.firstPollMillis("goto")).isEqualTo(288);
		// five more, slower: the 320 is forgotten
		for (long delay : new long[] { 600, 610, 620, 630, 640 }) {
			timing.record("goto", delay);
		}
		assertThat(timing.firstPollMillis("goto")).isEqualTo(540);
		// one quicker result lowers it at once
		timing.record("goto", 100);
		assertThat(timing.firstPollMillis("goto")).isEqualTo(90);
	}

	@Test
	void nonsenseDelaysAndTooManyKindsAreIgnored() {
		ResultTiming timing = new ResultTiming();
		timing.record("goto", 0);
		timing.record("goto", -5);
		assertThat(timing.firstPollMillis("goto")).isZero();
		for (int i = 0; i < ResultTiming.MAX_KINDS + 10; i++) {
			timing.record("kind " + i, 100);
		}
		assertThat(timing.firstPollMillis("kind 0")).isEqualTo(90);
		assertThat(timing.firstPollMillis("kind " + (ResultTiming.MAX_KINDS + 5))).isZero();
	}

}
