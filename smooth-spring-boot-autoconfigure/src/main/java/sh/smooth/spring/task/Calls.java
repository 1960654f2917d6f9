package sh.smooth.spring.task;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Runs one API call on the caller's thread with a bound, and cancels it when the caller
 * gives up, so a timed-out upload or download does not go on in the background.
 */
public final class Calls {

	private Calls() {
	}

	/**
	 * Subscribes to a call and waits for it.
	 * @param <T> the value type
	 * @param call the call
	 * @param timeout the bound
	 * @param taskId the task, for messages
	 * @param what what is awaited, for messages (such as "the profile list")
	 * @return the value ({@code null} for a {@code Mono<Void>})
	 */
	public static <T> T await(Mono<T> call, Duration timeout, @Nullable String taskId, String what) {
		CompletableFuture<T> future = call.toFuture();
		try {
			return Futures.await(future, timeout, taskId, what);
		}
		finally {
			// no effect once done; otherwise cancels the subscription
			future.cancel(true);
		}
	}

}
