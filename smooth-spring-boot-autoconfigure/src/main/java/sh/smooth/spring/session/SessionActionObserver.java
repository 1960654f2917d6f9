package sh.smooth.spring.session;

import org.jspecify.annotations.Nullable;

/**
 * Observes session actions from the POST of the action until its result (or failure). The
 * metrics feature implements it; the default does nothing.
 */
public interface SessionActionObserver {

	/** An observer that records nothing. */
	SessionActionObserver NOOP = (sessionId, action) -> (outcome, creditsUsed, error) -> {
	};

	/**
	 * An action is being sent.
	 * @param sessionId the session (task) id
	 * @param action the action name: {@code goto}, {@code extract}, {@code evaluate_js},
	 * {@code run_task} or {@code close}
	 * @return the observation to stop when the action ends
	 */
	Observation start(String sessionId, String action);

	/**
	 * One action in progress.
	 */
	@FunctionalInterface
	interface Observation {

		/**
		 * The action ended.
		 * @param outcome {@code success}, {@code error} (code 400), {@code failed} (code
		 * 500), {@code timeout} or {@code closed}
		 * @param creditsUsed credits the action reported, 0 if none
		 * @param error the error, if any
		 */
		void stop(String outcome, long creditsUsed, @Nullable Throwable error);

	}

}
