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

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import sh.smooth.spring.support.SmoothDefaults;
import sh.smooth.spring.api.RetrySettings;
import sh.smooth.spring.api.TaskEvent;
import sh.smooth.spring.api.TaskKind;
import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.api.ToolSignature;
import sh.smooth.spring.browser.ToolSelection;
import sh.smooth.spring.error.SmoothValidationException;
import sh.smooth.spring.observation.ToolAnswerRecorder;
import sh.smooth.spring.observation.ToolCallObservations;
import sh.smooth.spring.runtime.BrowserActionsFactory;
import sh.smooth.spring.runtime.TaskRun;
import sh.smooth.spring.runtime.TaskRunListener;
import sh.smooth.spring.runtime.ToolAttachment;
import sh.smooth.spring.support.Validate;

/**
 * Offers the application's custom tools to tasks and answers the agent's
 * {@code tool_call} events: selects the tools of a task (their signatures go into
 * {@code custom_tools}), takes each new call of a task once, and starts a
 * {@link ToolCallRun} for it. Each call runs on a bounded executor (never on an HTTP or
 * polling thread), runs once per event id (an application-wide, bounded set of handled
 * ids), is bounded both while it waits for a thread and while it runs, and is cancelled
 * when its task ends. Its answer is sent until the server accepts it or the task ends.
 * Close it to stop the executor.
 */
public final class ToolDispatcher implements ToolAttachment, AutoCloseable {

	private static final Log logger = LogFactory.getLog(ToolDispatcher.class);

	/** How many handled tool-call ids are remembered for de-duplication. */
	public static final int HANDLED_CAPACITY = 100_000;

	/**
	 * The default of {@code smooth.tools.executor.queue-timeout}: how long a call may
	 * wait for a thread.
	 */
	public static final Duration DEFAULT_QUEUE_TIMEOUT = SmoothDefaults.duration(SmoothDefaults.TOOL_QUEUE_TIMEOUT);

	private final ToolRegistry registry;

	private final ToolRuntime runtime;

	private final BrowserActionsFactory actions;

	private final HandledToolCalls handled;

	/**
	 * Creates a dispatcher.
	 * @param registry the tools, with the default selection for tasks that do not choose
	 * @param executor runs tool methods; owned: shut down by {@link #close()}
	 * @param errors maps failures to replies
	 * @param mapper writes results as JSON
	 * @param settings the bounds of a call and of its answer's re-sends
	 * @param actions gives a tool the browser actions of its task
	 * @param observations records the {@code smooth.tool.call} observations
	 * @param lostAnswers counts answers that never reached the server
	 */
	public ToolDispatcher(ToolRegistry registry, ExecutorService executor, SmoothToolErrorHandler errors,
			JsonMapper mapper, Settings settings, BrowserActionsFactory actions, ToolCallObservations observations,
			ToolAnswerRecorder lostAnswers) {
		this(registry, executor, errors, mapper, settings, actions, observations, lostAnswers, ToolCallLedger.NONE);
	}

	/**
	 * Creates a dispatcher whose calls a fleet claims and records, so that each runs once
	 * fleet-wide.
	 * @param registry the tools, with the default selection for tasks that do not choose
	 * @param executor runs tool methods; owned: shut down by {@link #close()}
	 * @param errors maps failures to replies
	 * @param mapper writes results as JSON
	 * @param settings the bounds of a call and of its answer's re-sends
	 * @param actions gives a tool the browser actions of its task
	 * @param observations records the {@code smooth.tool.call} observations
	 * @param lostAnswers counts answers that never reached the server
	 * @param ledger claims each call before it runs and records its answer before it is
	 * sent ({@link ToolCallLedger#NONE} for one instance)
	 */
	public ToolDispatcher(ToolRegistry registry, ExecutorService executor, SmoothToolErrorHandler errors,
			JsonMapper mapper, Settings settings, BrowserActionsFactory actions, ToolCallObservations observations,
			ToolAnswerRecorder lostAnswers, ToolCallLedger ledger) {
		this(registry, executor, errors, mapper, settings, actions, observations, lostAnswers, HANDLED_CAPACITY,
				ledger);
	}

	ToolDispatcher(ToolRegistry registry, ExecutorService executor, SmoothToolErrorHandler errors, JsonMapper mapper,
			Settings settings, BrowserActionsFactory actions, ToolCallObservations observations,
			ToolAnswerRecorder lostAnswers, int handledCapacity) {
		this(registry, executor, errors, mapper, settings, actions, observations, lostAnswers, handledCapacity,
				ToolCallLedger.NONE);
	}

	private ToolDispatcher(ToolRegistry registry, ExecutorService executor, SmoothToolErrorHandler errors,
			JsonMapper mapper, Settings settings, BrowserActionsFactory actions, ToolCallObservations observations,
			ToolAnswerRecorder lostAnswers, int handledCapacity, ToolCallLedger ledger) {
		this.registry = registry;
		this.runtime = new ToolRuntime(executor, errors, mapper, settings.timeout(), settings.queueTimeout(),
				settings.retry(), observations, lostAnswers, registry::nameSet, Validate.notNull("ledger", ledger));
		this.actions = actions;
		this.handled = new HandledToolCalls(handledCapacity);
	}

	/**
	 * A bounded executor for tool methods, with daemon threads named
	 * {@code smooth-tool-N}: an idle tool thread never keeps the JVM alive after
	 * {@code main} returns, and {@link #close()} stops them with the context. Idle
	 * threads end after 60 s.
	 * @param threads most tools running at once
	 * @param queueCapacity most calls waiting for a thread (0 for none); beyond it calls
	 * are answered with an error
	 * @return the executor
	 */
	public static ExecutorService boundedExecutor(int threads, int queueCapacity) {
		CustomizableThreadFactory factory = new CustomizableThreadFactory("smooth-tool-");
		factory.setDaemon(true);
		return boundedExecutor(threads, queueCapacity, factory);
	}

	/**
	 * A bounded executor for tool methods whose threads come from the given factory, such
	 * as a virtual-thread factory when {@code spring.threads.virtual.enabled=true}: the
	 * bound and the queue hold all the same, so a virtual thread is still never started
	 * for a call beyond {@code threads} running plus {@code queueCapacity} waiting.
	 * @param threads most tools running at once
	 * @param queueCapacity most calls waiting for a thread (0 for none); beyond it calls
	 * are answered with an error
	 * @param threadFactory makes the threads (they must not keep the JVM alive)
	 * @return the executor
	 */
	public static ExecutorService boundedExecutor(int threads, int queueCapacity, ThreadFactory threadFactory) {
		if (threads < 1) {
			throw new SmoothValidationException("smooth.tools.executor.threads", threads, "must be at least 1");
		}
		if (queueCapacity < 0) {
			throw new SmoothValidationException("smooth.tools.executor.queue-capacity", queueCapacity,
					"must not be negative");
		}
		BlockingQueue<Runnable> queue = (queueCapacity == 0) ? new SynchronousQueue<>()
				: new ArrayBlockingQueue<>(queueCapacity);
		ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, queue,
				threadFactory, new ThreadPoolExecutor.AbortPolicy());
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

	@Override
	public Selected select(ToolSelection selection) {
		// validates the names before any HTTP call
		List<SmoothToolCallback> tools = this.registry.select(selection);
		if (tools.isEmpty()) {
			return Selected.NONE;
		}
		List<ToolSignature> signatures = tools.stream().map(SmoothToolCallback::signature).toList();
		return new Selected() {

			@Override
			public List<ToolSignature> signatures() {
				return signatures;
			}

			@Override
			public void attach(TaskRun run) {
				ToolDispatcher.this.attach(run, tools);
			}

		};
	}

	/**
	 * Answers the tool calls of a run with these tools. A task is kept polled at the
	 * steady active interval until it ends: its agent may call a tool at any time,
	 * whether or not anyone awaits it. A session is not: its agent only works (and calls
	 * tools) while an action is pending, which polls actively anyway, so an idle session
	 * still costs no requests.
	 * @param run the run, before it starts polling
	 * @param tools the tools attached
	 */
	void attach(TaskRun run, List<SmoothToolCallback> tools) {
		boolean steady = run.kind() == TaskKind.TASK;
		run.addListener(new RunCalls(tools, steady));
		if (steady) {
			run.retainSteadyPolling();
		}
	}

	@Override
	public void close() {
		// interrupts running tools: their tasks cannot be answered once the client is
		// gone; isShutdown() is true before the interrupts, so they see the shutdown
		this.runtime.executor().shutdownNow();
	}

	/**
	 * The tool calls of one run: takes each new {@code tool_call} event once, starts a
	 * {@link ToolCallRun} for it, and cancels the runs still going when the task ends.
	 * Runs on the polling scheduler and returns at once: tools run on the executor.
	 */
	private final class RunCalls implements TaskRunListener {

		private final Map<String, SmoothToolCallback> tools = new LinkedHashMap<>();

		private final List<String> names;

		private final Map<String, ToolCallRun> running = new ConcurrentHashMap<>();

		/** Whether this run holds a steady-polling reference to release at the end. */
		private final boolean steady;

		RunCalls(List<SmoothToolCallback> tools, boolean steady) {
			this.steady = steady;
			tools.forEach((tool) -> this.tools.put(tool.name(), tool));
			this.names = this.tools.keySet().stream().sorted().toList();
		}

		@Override
		public void onEvents(TaskRun run, List<TaskEvent> events) {
			TaskResponse latest = run.latest();
			boolean finalResponse = latest != null && latest.isTerminal();
			for (TaskEvent event : events) {
				if (isAnswer(event)) {
					// our own answer, replayed after a re-attach: its call needs nothing
					// more
					ToolDispatcher.this.handled.claim(run.id(), event.id());
				}
			}
			for (TaskEvent event : events) {
				if (isCall(event) && ToolDispatcher.this.handled.claim(run.id(), event.id())) {
					dispatch(run, event, finalResponse);
				}
			}
		}

		private void dispatch(TaskRun run, TaskEvent event, boolean finalResponse) {
			ToolCallLedger ledger = ToolDispatcher.this.runtime.ledger();
			if (ledger == ToolCallLedger.NONE) {
				start(run, event, finalResponse, ToolCallLedger.Decision.RUN);
				return;
			}
			String eventId = Validate.notNull("id", event.id());
			// claimed in the fleet's store before anything runs: only the claimer runs it
			ledger.claim(run, eventId)
				.subscribe((decision) -> start(run, event, finalResponse, decision),
						(error) -> logger.warn("Could not claim Smooth tool call " + eventId + " of task " + run.id()
								+ " in the task store; it is not run here (an heir answers it)", error));
		}

		private void start(TaskRun run, TaskEvent event, boolean finalResponse, ToolCallLedger.Decision decision) {
			if (decision.action() == ToolCallLedger.Decision.Action.SKIP) {
				return;
			}
			String name = Validate.notNull("name", event.payloadName());
			JsonNode input = (event.payload() != null) ? event.payload().get("input") : null;
			SmoothToolContext context = new SmoothToolContext(run.id(), event.id(), name,
					() -> ToolDispatcher.this.actions.actionsFor(run));
			SmoothToolCallback tool = this.tools.get(name);
			ToolCallRun call = new ToolCallRun(ToolDispatcher.this.runtime, run, context, tool, input, this.names,
					() -> this.running.remove(context.eventId()), finalResponse);
			if (finalResponse && logger.isInfoEnabled()) {
				logger.info("Smooth tool call '" + name + "' (event " + context.eventId() + ") arrived with the final "
						+ "status of task " + run.id() + ": it is handled, but the server may reject the answer");
			}
			if (decision.action() == ToolCallLedger.Decision.Action.RESEND) {
				call.resend(Validate.notNull("answer", decision.answer()));
				return;
			}
			if (decision.action() == ToolCallLedger.Decision.Action.INTERRUPTED) {
				logger.warn("Smooth tool call '" + name + "' (event " + context.eventId() + ") of task " + run.id()
						+ " was claimed by an instance that stopped before answering: answering \"tool interrupted, "
						+ "try again\" (a tool is never run twice)");
				call.interrupted();
				return;
			}
			if (tool == null) {
				logger.warn("The Smooth agent called unknown tool '" + name + "' on task " + run.id() + " (event "
						+ context.eventId() + "); available: " + String.join(", ", this.names));
				call.unknownTool();
				return;
			}
			this.running.put(context.eventId(), call);
			call.start();
		}

		@Override
		public void onTerminal(TaskRun run, TaskResponse response) {
			for (ToolCallRun call : this.running.values()) {
				// calls that came with the final status were started knowingly: let them
				// answer
				if (!call.cameWithFinalResponse()) {
					call.cancel("task " + run.id() + " ended with status " + response.status().value());
				}
			}
			if (this.steady) {
				run.releaseSteadyPolling();
			}
		}

		@Override
		public void onFailure(TaskRun run, Throwable error) {
			for (ToolCallRun call : this.running.values()) {
				call.cancel("polling of task " + run.id() + " stopped (" + error.getMessage() + ")");
			}
			if (this.steady) {
				run.releaseSteadyPolling();
			}
		}

		private static boolean isCall(TaskEvent event) {
			return TaskEvent.TOOL_CALL.equals(event.name()) && event.id() != null && event.payloadName() != null
					&& event.payloadCode() == null;
		}

		private static boolean isAnswer(TaskEvent event) {
			return TaskEvent.TOOL_CALL.equals(event.name()) && event.id() != null && event.payloadCode() != null;
		}

	}

	/**
	 * The bounds of tool calls.
	 *
	 * @param timeout how long a tool may run, counted from when it starts running
	 * ({@code smooth.tools.timeout})
	 * @param queueTimeout how long a call may wait for a thread; past it the call is
	 * answered "busy" (code 400) and never runs
	 * ({@code smooth.tools.executor.queue-timeout})
	 * @param retry the client's retry settings: an answer's re-sends never wait longer
	 * than their bound of 429 pauses
	 */
	public record Settings(Duration timeout, Duration queueTimeout, RetrySettings retry) {

		public Settings {
			Validate.positive("smooth.tools.timeout", timeout);
			Validate.positive("smooth.tools.executor.queue-timeout", queueTimeout);
			Validate.notNull("retry", retry);
		}

	}

}
