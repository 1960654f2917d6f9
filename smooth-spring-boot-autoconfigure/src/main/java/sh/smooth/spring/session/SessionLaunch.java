package sh.smooth.spring.session;

import java.time.Duration;
import java.util.function.Consumer;

import reactor.core.publisher.Mono;

import sh.smooth.spring.polling.TaskPoller;
import sh.smooth.spring.task.OutputConverter;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.Validate;

/**
 * What a {@link SessionFactory} needs from the client that opens a session.
 *
 * @param starter creates the session's task through the shared task path, so every
 * {@link sh.smooth.spring.task.TaskSupport} (custom tools, metrics) takes part
 * @param converter converts action output to Java types
 * @param callTimeout bound of one API call made for the caller (close)
 * @param liveUrlTimeout default bound of {@code liveUrl()}
 */
public record SessionLaunch(Starter starter, OutputConverter converter, Duration callTimeout, Duration liveUrlTimeout) {

	public SessionLaunch {
		Validate.notNull("starter", starter);
		Validate.notNull("converter", converter);
		Validate.positive("callTimeout", callTimeout);
		Validate.positive("liveUrlTimeout", liveUrlTimeout);
	}

	/**
	 * Creates the session's task on the server.
	 */
	@FunctionalInterface
	public interface Starter {

		/**
		 * Creates the task and starts polling it.
		 * @param options the session options (no task text)
		 * @param beforeStart called with the new poller before its first poll
		 * @return the started poller
		 */
		Mono<TaskPoller> start(SmoothTask options, Consumer<TaskPoller> beforeStart);

	}

}
