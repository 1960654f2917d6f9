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

import java.util.function.Consumer;
import java.util.function.Function;

import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.session.BrowserActions;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.function.SingletonSupplier;

import sh.smooth.spring.polling.TaskPoller;
import sh.smooth.spring.task.Validate;

/**
 * Answers the agent's {@code tool_call} events for every task of the application. Each
 * call runs on a bounded executor (never on an HTTP or polling thread), runs once per
 * event id (an application-wide, bounded set of handled ids), is bounded both while it
 * waits for a thread and while it runs, and is cancelled when its task ends. Its answer
 * is sent until the server accepts it or the task ends. Close it to stop the executor.
 */
public final class ToolDispatcher implements AutoCloseable {

	/** How many handled tool-call ids are remembered for de-duplication. */
	public static final int HANDLED_CAPACITY = 100_000;

	/**
	 * The default of {@code smooth.tools.executor.queue-timeout}: how long a call may
	 * wait for a thread.
	 */
	public static final Duration DEFAULT_QUEUE_TIMEOUT = Duration.ofSeconds(30);

	private final ExecutorService executor;

	private final SmoothToolErrorHandler errors;

	private final Supplier<ToolCallObserver> observer;

	private final JsonMapper mapper;

	private final Duration timeout;

	private final Duration queueTimeout;

	private final HandledToolCalls handled;

	private volatile Consumer<String> lostAnswers = (toolName) -> {
	};

	private volatile boolean closed;

	private volatile Function<TaskPoller, BrowserActions> actions = (poller) -> {
		throw new SmoothException("Browser actions are not available: the session feature is not configured");
	};

	/**
	 * Creates a dispatcher whose calls may wait {@link #DEFAULT_QUEUE_TIMEOUT} for a
	 * thread.
	 * @param executor runs tool methods; owned: shut down by {@link #close()}
	 * @param errors maps failures to replies
	 * @param observer observes calls (resolved on first use)
	 * @param mapper writes results as JSON
	 * @param timeout how long a tool may run, counted from when it starts running
	 */
	public ToolDispatcher(ExecutorService executor, SmoothToolErrorHandler errors, Supplier<ToolCallObserver> observer,
			JsonMapper mapper, Duration timeout) {
		this(executor, errors, observer, mapper, timeout, DEFAULT_QUEUE_TIMEOUT);
	}

	/**
	 * Creates a dispatcher.
	 * @param executor runs tool methods; owned: shut down by {@link #close()}
	 * @param errors maps failures to replies
	 * @param observer observes calls (resolved on first use)
	 * @param mapper writes results as JSON
	 * @param timeout how long a tool may run, counted from when it starts running
	 * @param queueTimeout how long a call may wait for a thread; past it the call is
	 * answered "busy" (code 400) and never runs
	 */
	public ToolDispatcher(ExecutorService executor, SmoothToolErrorHandler errors, Supplier<ToolCallObserver> observer,
			JsonMapper mapper, Duration timeout, Duration queueTimeout) {
		this(executor, errors, observer, mapper, timeout, queueTimeout, HANDLED_CAPACITY);
	}

	ToolDispatcher(ExecutorService executor, SmoothToolErrorHandler errors, Supplier<ToolCallObserver> observer,
			JsonMapper mapper, Duration timeout, Duration queueTimeout, int handledCapacity) {
		this.executor = executor;
		this.errors = errors;
		this.observer = SingletonSupplier.of(observer);
		this.mapper = mapper;
		this.timeout = Validate.positive("smooth.tools.timeout", timeout);
		this.queueTimeout = Validate.positive("smooth.tools.executor.queue-timeout", queueTimeout);
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
			throw new sh.smooth.spring.error.SmoothValidationException("smooth.tools.executor.threads", threads,
					"must be at least 1");
		}
		if (queueCapacity < 0) {
			throw new sh.smooth.spring.error.SmoothValidationException("smooth.tools.executor.queue-capacity",
					queueCapacity, "must not be negative");
		}
		BlockingQueue<Runnable> queue = (queueCapacity == 0) ? new SynchronousQueue<>()
				: new ArrayBlockingQueue<>(queueCapacity);
		ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, queue,
				threadFactory, new ThreadPoolExecutor.AbortPolicy());
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

	/**
	 * Dispatches the tool calls of a task to these tools, and keeps the task polled at
	 * the steady active interval until it ends. Call before the poller starts.
	 * @param poller the task's poller
	 * @param tools the tools attached to the task
	 */
	public void attach(TaskPoller poller, List<SmoothToolCallback> tools) {
		attach(poller, tools, true);
	}

	/**
	 * Dispatches the tool calls of a task or session to these tools. Call before the
	 * poller starts.
	 * @param poller the poller
	 * @param tools the tools attached
	 * @param steady whether to keep polling at the steady active interval until the end:
	 * yes for a task, whose agent may call a tool at any time whether or not anyone
	 * awaits it; no for a session, whose agent only works (and calls tools) while an
	 * action is pending, which polls actively anyway, so an idle session still costs no
	 * requests
	 */
	public void attach(TaskPoller poller, List<SmoothToolCallback> tools, boolean steady) {
		poller.addListener(new TaskToolCalls(this, tools, steady));
		if (steady) {
			poller.retainSteadyPolling();
		}
	}

	ExecutorService executor() {
		return this.executor;
	}

	SmoothToolErrorHandler errors() {
		return this.errors;
	}

	ToolCallObserver observer() {
		return this.observer.get();
	}

	JsonMapper mapper() {
		return this.mapper;
	}

	Duration timeout() {
		return this.timeout;
	}

	Duration queueTimeout() {
		return this.queueTimeout;
	}

	HandledToolCalls handled() {
		return this.handled;
	}

	/**
	 * Sets who counts the tool answers that never reached the server (the metrics
	 * feature).
	 * @param recorder called with the tool name ({@code unknown} for a tool nobody
	 * declared) once per lost answer
	 */
	public void setLostAnswerRecorder(Consumer<String> recorder) {
		this.lostAnswers = recorder;
	}

	void answerLost(String toolName) {
		try {
			this.lostAnswers.accept(toolName);
		}
		catch (RuntimeException ex) {
			// a broken recorder must not break the answer path
		}
	}

	/**
	 * Sets how a tool gets the browser actions of its task (wired by the
	 * auto-configuration to the session feature).
	 * @param actions gives the actions of a task
	 */
	public void setActions(Function<TaskPoller, BrowserActions> actions) {
		this.actions = actions;
	}

	BrowserActions actionsFor(TaskPoller poller) {
		return this.actions.apply(poller);
	}

	/**
	 * Whether {@link #close()} was called: calls interrupted or refused from then on are
	 * the application's shutdown, not failures of the tools.
	 * @return whether the dispatcher is closed
	 */
	boolean isClosed() {
		return this.closed;
	}

	@Override
	public void close() {
		// set before the interrupts, so the interrupted calls see it
		this.closed = true;
		// interrupts running tools: their tasks cannot be answered once the client is
		// gone
		this.executor.shutdownNow();
	}

}
