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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import sh.smooth.spring.polling.PollSchedule.Demand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule function, with seeded randomness: the phase of a task, the jitter of
 * steady polling and the backoff while something is awaited.
 */
class PollScheduleTests {

	private static final PollingSettings SETTINGS = PollingSettings.DEFAULTS;

	private static final long INTERVAL = SETTINGS.maxInterval().toMillis();

	@Test
	void theDefaultsPollASecondApartAndBackOffFrom100MsTo500MsWhileSomethingIsAwaited() {
		assertThat(SETTINGS.maxInterval()).isEqualTo(Duration.ofSeconds(1));
		assertThat(SETTINGS.firstDelay()).isEqualTo(Duration.ofMillis(100));
		assertThat(SETTINGS.activeMaxInterval()).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void aTaskIsFirstPolledAfterTheSubmitAtAnAgeOf1Point1To2Point1IntervalsSpreadEvenly() {
		SplittableRandom seeds = new SplittableRandom(42);
		int tasks = 10_000;
		int[] tenths = new int[10];
		for (int i = 0; i < tasks; i++) {
			PollSchedule schedule = new PollSchedule(SETTINGS, seeds.split());
			// the wait after the poll at once, sent 3 ms after the submit
			long age = 3 + schedule.nextDelayMillis(3, 0, Demand.IDLE);
			assertThat(age).isEqualTo(schedule.firstSteadyAgeMillis()).isBetween(1100L, 2100L);
			tenths[(int) Math.min(9, (age - 1100) * 10 / INTERVAL)]++;
		}
		// uniform: each tenth of the interval holds 10% of the tasks; with 10,000 draws
		// one tenth lies outside 8–12% with a probability under 1e-6
		for (int count : tenths) {
			assertThat(count).isBetween(tasks * 8 / 100, tasks * 12 / 100);
		}
	}

	@Test
	void steadyWaitsAreTheIntervalPlusOrMinusTenPercentUniformlyWithAMeanOfTheInterval() {
		PollSchedule schedule = new PollSchedule(SETTINGS, new SplittableRandom(7));
		long age = schedule.firstSteadyAgeMillis();
		List<Long> waits = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			long wait = schedule.nextDelayMillis(age, INTERVAL, (i % 2 == 0) ? Demand.IDLE : Demand.STEADY);
			waits.add(wait);
			age += wait;
		}
		assertThat(waits).allSatisfy((wait) -> assertThat(wait).isBetween(900L, 1100L));
		double mean = waits.stream().mapToLong(Long::longValue).average().orElseThrow();
		assertThat(mean).isBetween(990.0, 1010.0);
		// uniform on ±100 ms: standard deviation 200/sqrt(12) = 57.7 ms
		double variance = waits.stream().mapToDouble((wait) -> (wait - mean) * (wait - mean)).average().orElseThrow();
		assertThat(Math.sqrt(variance)).isBetween(52.0, 63.0);
		assertThat(waits.stream().filter((wait) -> wait < 950).count()).isBetween(2_250L, 2_750L);
		assertThat(waits.stream().filter((wait) -> wait > 1050).count()).isBetween(2_250L, 2_750L);
	}

	@Test
	void theSameSeedGivesTheSameScheduleAndAnotherSeedAnother() {
		assertThat(waits(11)).isEqualTo(waits(11)).isNotEqualTo(waits(12));
	}

	@Test
	void aWakeUpLateInTheTaskIsFollowedByOneSteadyInterval() {
		PollSchedule schedule = new PollSchedule(SETTINGS, new SplittableRandom(3));
		// the poll at once after a wake-up, 30 s into the task
		assertThat(schedule.nextDelayMillis(30_000, 0, Demand.IDLE)).isBetween(900L, 1100L);
	}

	@Test
	void whileSomethingIsAwaitedTheWaitGrowsFromTheFirstDelayToTheActiveCapWithJitterAtTheCap() {
		PollSchedule schedule = new PollSchedule(SETTINGS, new SplittableRandom(5));
		long first = schedule.nextDelayMillis(200, 0, Demand.URGENT);
		long second = schedule.nextDelayMillis(300, first, Demand.URGENT);
		long third = schedule.nextDelayMillis(450, second, Demand.URGENT);
		long fourth = schedule.nextDelayMillis(675, third, Demand.URGENT);
		assertThat(List.of(first, second, third, fourth)).containsExactly(100L, 150L, 225L, 337L);
		List<Long> atCap = LongStream.range(0, 1_000)
			.map((i) -> schedule.nextDelayMillis(10_000, 500, Demand.URGENT))
			.boxed()
			.toList();
		assertThat(atCap).allSatisfy((wait) -> assertThat(wait).isBetween(450L, 550L));
		assertThat(atCap.stream().distinct().count()).isGreaterThan(50);
	}

	@Test
	void aScheduleWithShortSettingsKeepsItsShape() {
		PollingSettings fast = new PollingSettings(Duration.ofMillis(20), Duration.ofMillis(200),
				Duration.ofMillis(100), 1.5);
		PollSchedule schedule = new PollSchedule(fast, new SplittableRandom(9));
		assertThat(schedule.firstSteadyAgeMillis()).isBetween(220L, 420L);
		assertThat(schedule.nextDelayMillis(1_000, 200, Demand.STEADY)).isBetween(180L, 220L);
		assertThat(schedule.nextDelayMillis(1_000, 0, Demand.URGENT)).isEqualTo(20);
	}

	private static List<Long> waits(long seed) {
		PollSchedule schedule = new PollSchedule(SETTINGS, new SplittableRandom(seed));
		List<Long> waits = new ArrayList<>();
		waits.add(schedule.firstSteadyAgeMillis());
		long age = schedule.firstSteadyAgeMillis();
		for (int i = 0; i < 20; i++) {
			long wait = schedule.nextDelayMillis(age, INTERVAL, Demand.IDLE);
			waits.add(wait);
			age += wait;
		}
		return waits;
	}

}
