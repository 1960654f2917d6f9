package sh.smooth.spring.task;

import sh.smooth.spring.polling.TaskPoller;

/**
 * Extension point for features that take part in every task and session: custom tools add
 * their signatures and dispatch their calls, metrics start and stop observations.
 * Implementations are called in order; they must not block.
 */
public interface TaskSupport {

	/**
	 * Before {@code POST /task}: may return a changed request (such as one with
	 * {@code custom_tools}).
	 * @param start the start
	 * @return the start to use
	 */
	default TaskStart prepare(TaskStart start) {
		return start;
	}

	/**
	 * After the task was created (or attached to), before its first poll: the place to
	 * add listeners.
	 * @param start the start
	 * @param poller the poller of the new task
	 */
	default void started(TaskStart start, TaskPoller poller) {
	}

	/**
	 * {@code POST /task} failed.
	 * @param start the start
	 * @param error the error
	 */
	default void failed(TaskStart start, Throwable error) {
	}

}
