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

import org.jspecify.annotations.Nullable;

import sh.smooth.spring.task.TaskResult;

/**
 * A task recorded in the task store has ended: published as a Spring application event by
 * the instance that recorded its end, once per task fleet-wide, whichever instance
 * submitted it. An {@code @EventListener} method gets the results of tasks whose
 * submitting instance died or was redeployed (then {@link #takenOver()} is true), and
 * finds its own context again through {@link #correlationKey()}. <pre class="code">
 * &#64;EventListener
 * void completed(SmoothTaskCompletedEvent event) {
 *     orders.finish(event.correlationKey(), event.result());
 * }
 * </pre>
 *
 * @param taskId the task id
 * @param correlationKey the key given with
 * {@code SmoothTask.builder(...).correlationKey(...)}, or {@code null}
 * @param result the task's final result
 * @param takenOver whether the instance that finished it took it over from another one
 * @param instanceId the instance that finished it ({@code smooth.fleet.instance-id})
 */
public record SmoothTaskCompletedEvent(String taskId, @Nullable String correlationKey, TaskResult result,
		boolean takenOver, String instanceId) {

}
