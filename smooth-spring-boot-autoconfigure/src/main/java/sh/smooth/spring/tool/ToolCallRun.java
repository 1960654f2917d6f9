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

package sh.smooth.spring.tool;

import sh.smooth.spring.observation.ToolCallOutcome;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;

import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.api.TaskEvent;
import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.observation.ToolCallObservations;
import sh.smooth.spring.observation.ToolCallOutcome;
import sh.smooth.spring.runtime.TaskRun;

/**
 * One tool call, from the event to the accepted answer. Exactly one of success, failure,
 * timeout, a too long wait in the queue, or cancellation wins and answers; the others do
 * nothing. The call's run and its wait for a thread have separate bounds: the queue timer
 * runs from the hand-over to the executor until the call starts, the run timer from the
 * start.
 */
final class ToolCallRun {

	private static final Log logger = LogFactory.getLog(ToolCallRun.class);

	/** The tool name recorded for a lost answer to a tool nobody declared. */
	private static final String UNKNOWN_TOOL = "unknown";

	private final ToolRuntime runtime;

	private final TaskRun run;

	private final SmoothToolContext context;

	private final @Nullable SmoothToolCallback tool;

	private final @Nullable JsonNode input;

	private final List<String> available;

	private final Runnable onDone;

	private final boolean cameWithFinalResponse;

	private final ToolCallObservations.Stoppable observation;

	private final AtomicBoolean answered = new AtomicBoolean();

	/** Claimed by whichever comes first: the start on a thread or the queue timeout. */
	private final AtomicBoolean started = new AtomicBoolean();

	private volatile @Nullable ObjectNode arguments;

	private volatile @Nullable Future<?> execution;

	private volatile @Nullable CompletableFuture<?> async;

	private volatile @Nullable Disposable queueTimer;

	private volatile @Nullable Disposable timer;

	ToolCallRun(ToolRuntime runtime, TaskRun run, SmoothToolContext context, @Nullable SmoothToolCallback tool,
			@Nullable JsonNode input, List<String> available, Runnable onDone, boolean cameWithFinalResponse) {
		this.runtime = runtime;
		this.run = run;
		this.context = context;
		this.tool = tool;
		this.input = input;
		this.available = available;
		this.onDone = onDone;
		this.cameWithFinalResponse = cameWithFinalResponse;
		this.observation = observe(runtime, run, context);
	}

	private static ToolCallObservations.Stoppable observe(ToolRuntime runtime, TaskRun run, SmoothToolContext context) {
		try {
			// a child of the task's observation, which the run carries
			return runtime.observations()
				.start(context.taskId(), context.eventId(), context.toolName(), run.observation(),
						runtime.knownToolNames().get());
		}
		catch (RuntimeException ex) {
			logger.warn("The observation of a Smooth tool call failed", ex);
			return (outcome, error) -> {
			};
		}
	}

	boolean cameWithFinalResponse() {
		return this.cameWithFinalResponse;
	}

	void unknownTool() {
		fail(ToolCallOutcome.UNKNOWN_TOOL, null);
	}

	/** The message of the answer to a call whose claimer stopped while it ran. */
	static final String INTERRUPTED = "tool interrupted, try again";

	/**
	 * Answers a call whose claimer stopped while the method ran: code 400 "tool
	 * interrupted, try again", without running the method (it may have had its effect).
	 */
	void interrupted() {
		answer(ToolCallOutcome.FAILURE, ToolReply.error(400, INTERRUPTED), null);
	}

	/**
	 * Sends again the answer another instance recorded for this call, without running the
	 * method; the answer is sent as recorded.
	 * @param recorded the recorded answer event
	 */
	void resend(TaskEvent recorded) {
		if (!this.answered.compareAndSet(false, true)) {
			return;
		}
		deliver(ToolCallOutcome.SUCCESS, recorded, null);
	}

	/**
	 * Checks the input, hands the call to the executor and arms the queue timeout. An
	 * input that is not a JSON object is answered at once, without a thread.
	 */
	void start() {
		JsonNode received = this.input;
		ObjectNode object = ToolInput.asObject(received, this.runtime.mapper());
		if (object == null && received != null) {
			SmoothToolCallback tool = this.tool;
			String expected = ToolInput.expected((tool != null) ? inputs(tool) : null);
			fail(ToolCallOutcome.BAD_ARGUMENTS, ToolInput.notAnObject(this.context.toolName(), received, expected));
			return;
		}
		this.arguments = object;
		try {
			this.execution = this.runtime.executor().submit(this::execute);
		}
		catch (RejectedExecutionException ex) {
			if (this.runtime.isClosed()) {
				shutDown();
				return;
			}
			logger.warn("Smooth tool '" + this.context.toolName() + "' could not run for task " + this.context.taskId()
					+ ": the tool executor is full (smooth.tools.executor.*)");
			fail(ToolCallOutcome.FAILURE, ex);
			return;
		}
		this.queueTimer = this.run.scheduler()
			.schedule(this::queueTimeout, this.runtime.queueTimeout().toMillis(), TimeUnit.MILLISECONDS);
		if (this.started.get()) {
			// started (or answered) before the timer was armed
			dispose(this.queueTimer);
		}
	}

	private static @Nullable JsonNode inputs(SmoothToolCallback tool) {
		try {
			return tool.signature().inputs();
		}
		catch (RuntimeException ex) {
			// only for the message: a broken signature must not stop the answer
			return null;
		}
	}

	private void execute() {
		if (!this.started.compareAndSet(false, true)) {
			// waited too long in the queue and was answered "busy": must not run now
			return;
		}
		dispose(this.queueTimer);
		SmoothToolCallback tool = this.tool;
		ObjectNode arguments = this.arguments;
		if (tool == null || arguments == null || this.answered.get()) {
			return;
		}
		// the timeout counts running time only, from here
		this.timer = this.run.scheduler()
			.schedule(this::timeout, this.runtime.timeout().toMillis(), TimeUnit.MILLISECONDS);
		if (this.answered.get()) {
			// cancelled before the timer was armed
			dispose(this.timer);
			return;
		}
		try {
			Object value = tool.call(arguments, this.context);
			CompletableFuture<?> pending = asFuture(value);
			if (pending != null) {
				this.async = pending;
				pending.whenComplete((result, error) -> {
					if (error != null) {
						failWith(unwrap(error));
					}
					else {
						succeed(result);
					}
				});
				return;
			}
			if (value instanceof Future<?> future) {
				value = future.get();
			}
			succeed(value);
		}
		catch (ExecutionException ex) {
			failWith((ex.getCause() != null) ? ex.getCause() : ex);
		}
		catch (Throwable ex) {
			failWith(ex);
		}
	}

	private static @Nullable CompletableFuture<?> asFuture(@Nullable Object value) {
		if (value instanceof CompletionStage<?> stage) {
			return stage.toCompletableFuture();
		}
		if (value == null) {
			return null;
		}
		ReactiveAdapter adapter = ReactiveAdapterRegistry.getSharedInstance().getAdapter(value.getClass());
		if (adapter == null) {
			return null;
		}
		return adapter.isMultiValue() ? Flux.from(adapter.toPublisher(value)).collectList().toFuture()
				: Mono.from(adapter.toPublisher(value)).toFuture();
	}

	private static Throwable unwrap(Throwable error) {
		return (error instanceof CompletionException && error.getCause() != null) ? error.getCause() : error;
	}

	private void succeed(@Nullable Object value) {
		JsonNode output;
		try {
			output = (value == null) ? null
					: (value instanceof JsonNode node) ? node : this.runtime.mapper().valueToTree(value);
		}
		catch (JacksonException ex) {
			fail(ToolCallOutcome.FAILURE, ex);
			return;
		}
		answer(ToolCallOutcome.SUCCESS, ToolReply.success(output), null);
	}

	private void failWith(Throwable error) {
		if (this.answered.get()) {
			// timed out or cancelled: the interrupt surfaced here, nothing more to say
			return;
		}
		if (this.runtime.isClosed()) {
			shutDown();
			return;
		}
		if (error instanceof SmoothToolArgumentException) {
			fail(ToolCallOutcome.BAD_ARGUMENTS, error);
		}
		else if (error instanceof SmoothToolException) {
			fail(ToolCallOutcome.TOOL_ERROR, error);
		}
		else {
			logger.warn("Smooth tool '" + this.context.toolName() + "' failed for task " + this.context.taskId()
					+ " (event " + this.context.eventId() + ")", error);
			fail(ToolCallOutcome.FAILURE, error);
		}
	}

	private void queueTimeout() {
		if (!this.started.compareAndSet(false, true) || this.answered.get()) {
			return;
		}
		Future<?> queued = this.execution;
		if (queued != null) {
			// leaves the queue as a no-op; the started flag already keeps it from running
			queued.cancel(false);
		}
		logger.warn("Smooth tool '" + this.context.toolName() + "' waited longer than " + this.runtime.queueTimeout()
				+ " for a thread for task " + this.context.taskId() + " (event " + this.context.eventId()
				+ "): answering \"busy\"; it will not run (smooth.tools.executor.*)");
		fail(ToolCallOutcome.FAILURE, new RejectedExecutionException("Smooth tool '" + this.context.toolName()
				+ "' waited longer than " + this.runtime.queueTimeout() + " for a thread"));
	}

	private void timeout() {
		if (this.answered.get()) {
			return;
		}
		logger.warn("Smooth tool '" + this.context.toolName() + "' ran longer than " + this.runtime.timeout()
				+ " for task " + this.context.taskId() + " (event " + this.context.eventId()
				+ "): answering with an error and interrupting it");
		fail(ToolCallOutcome.TIMEOUT, null);
		interrupt();
	}

	/**
	 * Stops the call because its task ended; nothing is sent.
	 * @param reason why, for the log
	 */
	void cancel(String reason) {
		if (!this.answered.compareAndSet(false, true)) {
			return;
		}
		disposeTimers();
		interrupt();
		logger.warn("Cancelled Smooth tool '" + this.context.toolName() + "' (event " + this.context.eventId() + "): "
				+ reason + " while it was running");
		stopObservation(ToolCallOutcome.FAILURE, new CancellationException(reason));
		this.onDone.run();
	}

	/**
	 * The application shuts down while the call runs (or before it could start): the
	 * failure is the shutdown's interrupt, not the tool's. Answering it with an error
	 * would end the remote task with a tool failure (code 500 fails an essential tool)
	 * and use up the call, which a re-attach from another instance could still answer; so
	 * nothing is sent.
	 */
	private void shutDown() {
		cancel("the application is shutting down");
	}

	private void interrupt() {
		Future<?> running = this.execution;
		if (running != null) {
			running.cancel(true);
		}
		CompletableFuture<?> pending = this.async;
		if (pending != null) {
			pending.cancel(true);
		}
	}

	private void fail(ToolCallOutcome kind, @Nullable Throwable error) {
		if (this.answered.get()) {
			return;
		}
		ToolFailure failure = new ToolFailure(kind, this.context, this.tool, error, this.available,
				this.runtime.timeout());
		ToolReply reply;
		try {
			reply = this.runtime.errors().handle(failure);
		}
		catch (RuntimeException ex) {
			logger.warn("The SmoothToolErrorHandler failed; answering the tool call with code 500", ex);
			reply = ToolReply.error(500, "tool '" + this.context.toolName() + "' failed");
		}
		answer(kind, reply, error);
	}

	private void answer(ToolCallOutcome outcome, ToolReply reply, @Nullable Throwable error) {
		if (!this.answered.compareAndSet(false, true)) {
			return;
		}
		disposeTimers();
		TaskEvent event = TaskEvent.toolResponse(this.context.eventId(), reply.code(), reply.output());
		ToolCallLedger ledger = this.runtime.ledger();
		if (ledger == ToolCallLedger.NONE) {
			deliver(outcome, event, error);
			return;
		}
		// recorded before it is sent: an heir then sends exactly this answer, never
		// another one
		ledger.record(this.run, event).subscribe((recorded) -> {
			if (recorded) {
				deliver(outcome, event, error);
			}
			else {
				logger.info("The answer to Smooth tool call '" + this.context.toolName() + "' (event "
						+ this.context.eventId() + ") of task " + this.context.taskId() + " is not sent: another "
						+ "instance took the task over and decided it");
				done(outcome, error);
			}
		}, (storeError) -> {
			logger.warn("Could not record the answer to Smooth tool call '" + this.context.toolName() + "' (event "
					+ this.context.eventId() + ") of task " + this.context.taskId()
					+ " in the task store; it is not sent (an heir answers the call)", storeError);
			this.runtime.answerLost((this.tool != null) ? this.context.toolName() : UNKNOWN_TOOL);
			done(outcome, error);
		});
	}

	private void deliver(ToolCallOutcome outcome, TaskEvent event, @Nullable Throwable error) {
		// same event id on every send, until accepted or the task ends; never re-run
		ToolAnswerDelivery delivery = new ToolAnswerDelivery(this.run, this.runtime.retry(), event,
				this.context.toolName());
		delivery.send().subscribe(null, (sendError) -> notSent(outcome, sendError, delivery), () -> {
			this.runtime.ledger().accepted(this.run, event);
			// the answer may end the task or bring its next step: look at once, not an
			// interval later
			this.run.wakeUp();
			done(outcome, error);
		});
	}

	private void notSent(ToolCallOutcome outcome, Throwable error, ToolAnswerDelivery delivery) {
		boolean rejected = SmoothApiClient.isStatus(error, 400) || SmoothApiClient.isStatus(error, 404);
		if (this.cameWithFinalResponse || (rejected && !delivery.resent())) {
			// the task was over before the answer could matter: nobody waits for it
			logger.info("The answer to Smooth tool call '" + this.context.toolName() + "' (event "
					+ this.context.eventId() + ") " + (rejected ? "was rejected" : "was not accepted") + "; task "
					+ this.context.taskId() + " has probably ended: " + error.getMessage());
		}
		else {
			String why = rejected ? "the server rejected it after earlier failures; the task has probably ended"
					: this.run.isDone() ? ended() + " before the server accepted it" : "the server refused it";
			logger.warn("The answer to Smooth tool call '" + this.context.toolName() + "' (event "
					+ this.context.eventId() + ") of task " + this.context.taskId() + " was lost: " + why + " ("
					+ error.getMessage() + ")");
			// a tool attached to the task (a bounded set of names), else "unknown"
			this.runtime.answerLost((this.tool != null) ? this.context.toolName() : UNKNOWN_TOOL);
		}
		done(outcome, error);
	}

	private String ended() {
		TaskResponse latest = this.run.latest();
		return (latest != null && latest.isTerminal()) ? "the task ended with status " + latest.status().value()
				: "polling of the task stopped";
	}

	private void done(ToolCallOutcome outcome, @Nullable Throwable error) {
		stopObservation(outcome, error);
		this.onDone.run();
	}

	private void stopObservation(ToolCallOutcome outcome, @Nullable Throwable error) {
		try {
			this.observation.stop(outcome, error);
		}
		catch (RuntimeException ex) {
			logger.warn("The observation of a Smooth tool call failed", ex);
		}
	}

	private void disposeTimers() {
		dispose(this.queueTimer);
		dispose(this.timer);
	}

	private static void dispose(@Nullable Disposable armed) {
		if (armed != null) {
			armed.dispose();
		}
	}

}
