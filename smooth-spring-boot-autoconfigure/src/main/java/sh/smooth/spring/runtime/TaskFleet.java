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

package sh.smooth.spring.runtime;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import reactor.core.publisher.Mono;

import sh.smooth.spring.api.TaskKind;

/**
 * Where the {@link TaskLauncher} hands its creations and attachments when the application
 * runs as a fleet sharing a task store: the fleet may make a submit wait for a slot of
 * the fleet-wide limit, give it the task of an earlier submit with the same idempotency
 * key, record the task and follow it until it ends. {@link #NONE} (one instance, nothing
 * stored) posts and attaches directly, as without a fleet.
 */
public interface TaskFleet {

	/** No fleet: every creation is posted at once, every attachment made directly. */
	TaskFleet NONE = new TaskFleet() {

		@Override
		public Mono<TaskRun> create(Creating creating) {
			return creating.post((run) -> {
			});
		}

		@Override
		public Mono<TaskRun> attach(String taskId, Attacher attacher) {
			return attacher.attach(taskId, TaskKind.TASK, 0L, (run) -> {
			});
		}

	};

	/**
	 * Creates a task or session.
	 * @param creating the creation to run (possibly after waiting, possibly more than
	 * once after a 429 "concurrent session limit"), or to replace with an attachment
	 * @return the run
	 */
	Mono<TaskRun> create(Creating creating);

	/**
	 * Attaches to an existing task.
	 * @param taskId the task id
	 * @param attacher makes the run
	 * @return the run
	 */
	Mono<TaskRun> attach(String taskId, Attacher attacher);

	/**
	 * Makes a run of an existing task: reads it once, then polls it from a cursor.
	 */
	@FunctionalInterface
	interface Attacher {

		/**
		 * Attaches.
		 * @param taskId the task
		 * @param kind task or session
		 * @param eventT the event cursor to poll from
		 * @param beforeStart called with the run before its first poll
		 * @return the run
		 */
		Mono<TaskRun> attach(String taskId, TaskKind kind, long eventT, Consumer<TaskRun> beforeStart);

	}

	/**
	 * One creation, as the launcher prepared it.
	 */
	interface Creating {

		/**
		 * Task or session.
		 * @return the kind
		 */
		TaskKind kind();

		/**
		 * The submit's keys.
		 * @return the keys
		 */
		TaskKeys keys();

		/**
		 * Completes when the caller gave up waiting (a timeout, an interrupt, a cancelled
		 * future or subscription): a submit still waiting for a slot leaves the queue.
		 * @return the signal
		 */
		CompletionStage<?> gaveUp();

		/**
		 * Sends {@code POST /task}; call it once per attempt.
		 * @param beforeStart called with the run before its first poll
		 * @return the run, once the server created the task
		 */
		Mono<TaskRun> post(Consumer<TaskRun> beforeStart);

		/**
		 * Attaches to an existing task instead (the task of the same idempotency key).
		 * @param taskId the task
		 * @param beforeStart called with the run before its first poll
		 * @return the run
		 */
		Mono<TaskRun> attach(String taskId, Consumer<TaskRun> beforeStart);

	}

}
