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

package sh.smooth.spring.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import sh.smooth.spring.store.TaskStore.StoredTask;
import sh.smooth.spring.store.TaskStore.ToolClaim.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rules every {@link TaskStore} keeps, run against each store: the in-memory one and
 * the JDBC one on a real PostgreSQL.
 */
abstract class TaskStoreContractTests {

	static final Duration LONG = Duration.ofMinutes(5);

	static final Duration SHORT = Duration.ofMillis(300);

	TaskStore store;

	abstract TaskStore newStore();

	@BeforeEach
	void createStore() {
		this.store = newStore();
	}

	static StoredTask task(String id, String owner) {
		return new StoredTask(id, "task", owner, 0L, "corr-" + id, null, TaskStore.RUNNING, false);
	}

	@Test
	void aTaskIsInsertedOnceAndReadBack() {
		assertThat(this.store.insert(task("t1", "a"), LONG)).isTrue();
		assertThat(this.store.insert(task("t1", "b"), LONG)).isFalse();
		assertThat(this.store.find("t1")).hasValueSatisfying((stored) -> {
			assertThat(stored.ownerId()).isEqualTo("a");
			assertThat(stored.correlationKey()).isEqualTo("corr-t1");
			assertThat(stored.isRunning()).isTrue();
			assertThat(stored.takenOver()).isFalse();
		});
		assertThat(this.store.find("nope")).isEmpty();
		assertThat(this.store.owns("t1", "a")).isTrue();
		assertThat(this.store.owns("t1", "b")).isFalse();
	}

	@Test
	void onlyExpiredLeasesAreTakenOverAndEachOnce() {
		this.store.insert(task("live", "a"), LONG);
		this.store.insert(task("dying", "a"), SHORT);
		assertThat(this.store.takeOverExpired("b", LONG, 10)).isEmpty();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			List<StoredTask> taken = this.store.takeOverExpired("b", LONG, 10);
			assertThat(taken).extracting(StoredTask::taskId).containsExactly("dying");
			assertThat(taken.get(0).ownerId()).isEqualTo("b");
			assertThat(taken.get(0).takenOver()).isTrue();
		});
		assertThat(this.store.takeOverExpired("c", LONG, 10)).isEmpty();
		assertThat(this.store.owns("dying", "b")).isTrue();
		assertThat(this.store.owns("live", "a")).isTrue();
	}

	@Test
	void renewalKeepsATaskAndReleaseHandsItOver() {
		this.store.insert(task("t", "a"), SHORT);
		assertThat(this.store.renew("a", LONG)).isEqualTo(1);
		assertThat(this.store.takeOverExpired("b", LONG, 10)).isEmpty();
		this.store.release("a");
		assertThat(this.store.takeOverExpired("b", LONG, 10)).extracting(StoredTask::taskId).containsExactly("t");
		assertThat(this.store.renew("a", LONG)).isZero();
	}

	@Test
	void concurrentSweepersNeverTakeTheSameTask() throws Exception {
		for (int i = 0; i < 50; i++) {
			this.store.insert(task("t" + i, "dead"), Duration.ZERO);
		}
		List<Callable<List<StoredTask>>> sweepers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String owner = "heir" + i;
			sweepers.add(() -> {
				List<StoredTask> mine = new ArrayList<>();
				for (int round = 0; round < 10; round++) {
					mine.addAll(this.store.takeOverExpired(owner, LONG, 7));
				}
				return mine;
			});
		}
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<String> taken = new ArrayList<>();
			for (Future<List<StoredTask>> result : threads.invokeAll(sweepers)) {
				result.get().forEach((stored) -> taken.add(stored.taskId()));
			}
			assertThat(taken).hasSize(50).doesNotHaveDuplicates();
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void theCursorMovesOnlyForTheOwnerAndAnEndIsRecordedOnce() {
		// with a key: kept after its end (the in-memory store forgets other ended tasks)
		this.store.insert(new StoredTask("t", "task", "a", 0L, null, "key-t", TaskStore.RUNNING, false), LONG);
		this.store.moveCursor("t", "a", 1234L);
		this.store.moveCursor("t", "b", 9999L);
		assertThat(this.store.find("t").orElseThrow().eventCursor()).isEqualTo(1234L);
		assertThat(this.store.finish("t", "done")).isTrue();
		assertThat(this.store.finish("t", "done")).isFalse();
		assertThat(this.store.find("t").orElseThrow().status()).isEqualTo("done");
		assertThat(this.store.renew("a", LONG)).isZero();
	}

	@Test
	void anEndedTaskWithoutKeyIsNoLongerRunning() {
		this.store.insert(task("t", "a"), LONG);
		assertThat(this.store.finish("t", "failed")).isTrue();
		assertThat(this.store.find("t").filter(StoredTask::isRunning)).isEmpty();
		assertThat(this.store.owns("t", "a")).isFalse();
		assertThat(this.store.takeOverExpired("b", LONG, 10)).isEmpty();
	}

	@Test
	void aToolCallIsClaimedOnceAndItsAnswerRecordedBeforeItIsSent() {
		this.store.insert(task("t", "a"), LONG);
		assertThat(this.store.claimToolCall("t", "e1", "a").outcome()).isEqualTo(Outcome.CLAIMED);
		assertThat(this.store.claimToolCall("t", "e1", "a").outcome()).isEqualTo(Outcome.RUNNING_HERE);
		// another instance that does not own the task never runs it
		assertThat(this.store.claimToolCall("t", "e1", "b").outcome()).isEqualTo(Outcome.NOT_OWNER);
		assertThat(this.store.recordAnswer("t", "e1", "a", "{\"code\":200,\"output\":\"x\"}")).isTrue();
		assertThat(this.store.recordAnswer("t", "e1", "a", "{\"code\":200,\"output\":\"y\"}")).isFalse();
		TaskStore.ToolClaim recorded = this.store.claimToolCall("t", "e1", "a");
		assertThat(recorded.outcome()).isEqualTo(Outcome.RECORDED);
		assertThat(recorded.answer()).isEqualTo("{\"code\":200,\"output\":\"x\"}");
		this.store.answerAccepted("t", "e1");
		assertThat(this.store.claimToolCall("t", "e1", "a").outcome()).isEqualTo(Outcome.ACCEPTED);
	}

	@Test
	void anHeirAnswersAClaimWithoutAnswerAsInterruptedAndTheDeadClaimerCannotRecordAnyMore() {
		this.store.insert(task("t", "a"), Duration.ZERO);
		assertThat(this.store.claimToolCall("t", "e1", "a").outcome()).isEqualTo(Outcome.CLAIMED);
		assertThat(this.store.takeOverExpired("b", LONG, 10)).hasSize(1);
		assertThat(this.store.claimToolCall("t", "e1", "b").outcome()).isEqualTo(Outcome.INTERRUPTED);
		// the old owner was only slow: its late answer must not be sent
		assertThat(this.store.recordAnswer("t", "e1", "a", "{\"code\":200}")).isFalse();
		assertThat(this.store.recordAnswer("t", "e1", "b", "{\"code\":400}")).isTrue();
		assertThat(this.store.claimToolCall("t", "e2", "a").outcome()).isEqualTo(Outcome.NOT_OWNER);
	}

	@Test
	void concurrentClaimsOfOneToolCallHaveOneWinner() throws Exception {
		this.store.insert(task("t", "a"), LONG);
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			Set<Outcome> outcomes = ConcurrentHashMap.newKeySet();
			List<Outcome> claimed = new java.util.concurrent.CopyOnWriteArrayList<>();
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				done.add(threads.submit(() -> {
					start.await();
					Outcome outcome = this.store.claimToolCall("t", "e1", "a").outcome();
					outcomes.add(outcome);
					if (outcome == Outcome.CLAIMED) {
						claimed.add(outcome);
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : done) {
				future.get();
			}
			assertThat(claimed).hasSize(1);
			assertThat(outcomes).containsExactlyInAnyOrder(Outcome.CLAIMED, Outcome.RUNNING_HERE);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void anIdempotencyKeyIsClaimedOnceAndThenGivesItsTask() {
		TaskStore.SubmitClaim first = this.store.claimSubmit("order-42", "a", LONG);
		assertThat(first.mine()).isTrue();
		TaskStore.SubmitClaim pending = this.store.claimSubmit("order-42", "b", LONG);
		assertThat(pending.mine()).isFalse();
		assertThat(pending.taskId()).isNull();
		this.store.insert(new StoredTask("t42", "task", "a", 0L, null, "order-42", TaskStore.RUNNING, false), LONG);
		// recorded on the task before the key was given its id: the task is found already
		assertThat(this.store.claimSubmit("order-42", "b", LONG).taskId()).isEqualTo("t42");
		this.store.submitCreated("order-42", "t42");
		assertThat(this.store.claimSubmit("order-42", "c", LONG)).isEqualTo(new TaskStore.SubmitClaim(false, "t42"));
	}

	@Test
	void aKeyWhoseCreationFailedOrWhoseClaimerDiedIsFreeAgain() {
		assertThat(this.store.claimSubmit("k1", "a", LONG).mine()).isTrue();
		this.store.releaseSubmit("k1", "a");
		assertThat(this.store.claimSubmit("k1", "b", LONG).mine()).isTrue();
		assertThat(this.store.claimSubmit("k2", "a", Duration.ZERO).mine()).isTrue();
		assertThat(this.store.claimSubmit("k2", "b", LONG).mine()).isTrue();
	}

	@Test
	void theQueueGrantsSlotsInOrderUpToTheLimit() {
		this.store.insert(task("running", "x"), LONG);
		long first = this.store.enqueue("a", LONG);
		long second = this.store.enqueue("b", LONG);
		long third = this.store.enqueue("a", LONG);
		assertThat(this.store.queued()).isEqualTo(3);
		// the head first, whoever asks
		assertThat(this.store.acquire(second, 3)).isFalse();
		assertThat(this.store.acquire(first, 3)).isTrue();
		assertThat(this.store.acquire(first, 3)).isTrue();
		assertThat(this.store.acquire(second, 3)).isTrue();
		// one running and two creating: full
		assertThat(this.store.acquire(third, 3)).isFalse();
		assertThat(this.store.queued()).isEqualTo(1);
		// a 429: back in line, before the third
		this.store.requeue(second);
		assertThat(this.store.acquire(third, 3)).isFalse();
		assertThat(this.store.acquire(second, 3)).isTrue();
		this.store.dequeue(first);
		this.store.finish("running", "done");
		assertThat(this.store.acquire(third, 3)).isTrue();
		this.store.dequeue(second);
		this.store.dequeue(third);
		assertThat(this.store.queued()).isZero();
	}

	@Test
	void aQueuedSubmitOfADeadInstanceNeitherBlocksTheQueueNorHoldsASlot() {
		long dead = this.store.enqueue("dead", Duration.ZERO);
		long creatingDead = this.store.enqueue("dead2", SHORT);
		long live = this.store.enqueue("a", LONG);
		assertThat(this.store.acquire(creatingDead, 1)).isTrue();
		assertThat(this.store.acquire(live, 1)).isFalse();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.store.acquire(live, 1));
		assertThat(this.store.purgeExpired()).isEqualTo(2);
		assertThat(this.store.acquire(dead, 1)).isFalse();
	}

}
