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

package sh.smooth.spring.observation;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import sh.smooth.spring.api.TaskRequest;
import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.api.ToolSignature;
import sh.smooth.spring.error.SmoothTimeoutException;
import sh.smooth.spring.polling.TaskEventListener;
import sh.smooth.spring.polling.TaskPoller;
import sh.smooth.spring.task.TaskStart;
import sh.smooth.spring.task.TaskSupport;

/**
 * Records one {@code smooth.task} observation per task and session: it starts when the
 * server has created the task and stops when the task ends ({@code done}, {@code failed},
 * {@code cancelled}) or its polling fails ({@code error}, {@code timeout}). A task the
 * server refused to create is recorded as an {@code error} at once. Also the registry of
 * observed tasks in flight, which session actions and tool calls use as their parent.
 */
public final class SmoothTaskObservationSupport implements TaskSupport {

	private static final DefaultSmoothTaskObservationConvention DEFAULT_CONVENTION = new DefaultSmoothTaskObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable SmoothTaskObservationConvention convention;

	private final Map<String, Observation> live = new ConcurrentHashMap<>();

	/**
	 * Creates the support.
	 * @param registry the registry ({@link ObservationRegistry#NOOP} records nothing)
	 * @param convention a convention replacing the default, or {@code null}
	 */
	public SmoothTaskObservationSupport(ObservationRegistry registry,
			@Nullable SmoothTaskObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	@Override
	public void started(TaskStart start, TaskPoller poller) {
		SmoothTaskObservationContext context = new SmoothTaskObservationContext(start.kind(), start.request(),
				poller.taskId(), toolNames(start.request()));
		Observation observation = observation(context).start();
		if (!observation.isNoop()) {
			this.live.put(poller.taskId(), observation);
		}
		poller.addListener(new Stopper(poller.taskId(), observation, context));
	}

	@Override
	public void failed(TaskStart start, Throwable error) {
		SmoothTaskObservationContext context = new SmoothTaskObservationContext(start.kind(), start.request(), null,
				toolNames(start.request()));
		Observation observation = observation(context).start();
		context.setStatus(status(error));
		observation.error(error);
		observation.stop();
	}

	/**
	 * The observation of a task in flight, the parent of its actions and tool calls.
	 * @param taskId the task id
	 * @return the observation, or {@code null} if the task is not observed or has ended
	 */
	public @Nullable Observation find(String taskId) {
		return this.live.get(taskId);
	}

	/**
	 * The convention in use.
	 * @return the user's convention, or the default
	 */
	SmoothTaskObservationConvention convention() {
		return (this.convention != null) ? this.convention : DEFAULT_CONVENTION;
	}

	private Observation observation(SmoothTaskObservationContext context) {
		return SmoothObservationDocumentation.TASK.observation(this.convention, DEFAULT_CONVENTION, () -> context,
				this.registry);
	}

	private static Set<String> toolNames(@Nullable TaskRequest request) {
		if (request == null || request.customTools() == null) {
			return Set.of();
		}
		return request.customTools().stream().map(ToolSignature::name).collect(Collectors.toUnmodifiableSet());
	}

	private static String status(Throwable error) {
		return (error instanceof SmoothTimeoutException) ? SmoothTaskObservationContext.TIMEOUT
				: SmoothTaskObservationContext.ERROR;
	}

	/**
	 * Stops the observation once, on the first of terminal or failure. Runs on the
	 * polling scheduler: it only updates the context and stops the observation.
	 */
	private final class Stopper implements TaskEventListener {

		private final String taskId;

		private final Observation observation;

		private final SmoothTaskObservationContext context;

		private final AtomicBoolean stopped = new AtomicBoolean();

		Stopper(String taskId, Observation observation, SmoothTaskObservationContext context) {
			this.taskId = taskId;
			this.observation = observation;
			this.context = context;
		}

		@Override
		public void onTerminal(TaskPoller poller, TaskResponse response) {
			stop((context) -> context.setResponse(response), null);
		}

		@Override
		public void onFailure(TaskPoller poller, Throwable error) {
			TaskResponse latest = poller.latest();
			stop((context) -> {
				context.setStatus(status(error));
				// the final value is unknown: the last one seen is the best lower bound
				context.setCreditsUsed((latest != null) ? latest.creditsUsed() : null);
			}, error);
		}

		private void stop(Consumer<SmoothTaskObservationContext> outcome, @Nullable Throwable error) {
			if (!this.stopped.compareAndSet(false, true)) {
				return;
			}
			SmoothTaskObservationSupport.this.live.remove(this.taskId, this.observation);
			outcome.accept(this.context);
			if (error != null) {
				this.observation.error(error);
			}
			this.observation.stop();
		}

	}

}
