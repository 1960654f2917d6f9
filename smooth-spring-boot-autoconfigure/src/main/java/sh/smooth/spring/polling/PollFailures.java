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

package sh.smooth.spring.polling;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import sh.smooth.spring.error.SmoothNetworkException;
import sh.smooth.spring.error.SmoothRateLimitException;
import sh.smooth.spring.error.SmoothServerException;
import sh.smooth.spring.error.SmoothTimeoutException;

/**
 * The failed polls in a row of one task, and what follows each: poll again after 1 s, 2
 * s, 4 s, 8 s, then every 16 s, for up to the failure tolerance counted from the first
 * failure of the run, or stop at once for a failure that will not pass. Kept apart from
 * {@link TaskPoller} so the scheduling state machine does not also carry the failure
 * policy; it is not thread-safe: the poller calls it under its own lock.
 */
final class PollFailures {

	// the poller's category: these lines were TaskPoller's, and logging set-ups name it
	private static final Log logger = LogFactory.getLog(TaskPoller.class);

	private static final long FIRST_BACKOFF_MILLIS = 1_000;

	private static final long MAX_BACKOFF_MILLIS = 16_000;

	/** Returned by {@link #failed} when polling must stop. */
	static final long STOP = -1;

	private final String taskId;

	private final Duration tolerance;

	/** Polls failed in a row; 0 while polling works. */
	private int count;

	/** When the first of the failed polls in a row failed. */
	private long sinceNanos;

	PollFailures(String taskId, Duration tolerance) {
		this.taskId = taskId;
		this.tolerance = tolerance;
	}

	/** Whether the last poll failed: a planned poll for a result then waits its turn. */
	boolean failing() {
		return this.count > 0;
	}

	/**
	 * Counts a failed poll.
	 * @param error the failure, after the HTTP retries of the API client
	 * @param nowNanos the time of the failure
	 * @return the delay of the next poll in milliseconds, or {@link #STOP}
	 */
	long failed(Throwable error, long nowNanos) {
		if (this.count == 0) {
			this.sinceNanos = nowNanos;
		}
		this.count++;
		long leftMillis = TimeUnit.NANOSECONDS.toMillis(this.tolerance.toNanos() - (nowNanos - this.sinceNanos));
		if (!mayPass(error) || leftMillis <= 0) {
			if (logger.isDebugEnabled()) {
				logger.debug("Polling of Smooth task " + this.taskId + " failed: " + error);
			}
			return STOP;
		}
		long delayMillis = Math.min(leftMillis,
				Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(4, this.count - 1)));
		if (this.count == 1 && logger.isInfoEnabled()) {
			logger.info("Polling of Smooth task " + this.taskId + " failed (" + error.getMessage()
					+ "); polling again for up to " + this.tolerance + " before its waiters fail");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Polling of Smooth task " + this.taskId + " failed again (" + error + "); next poll in "
					+ delayMillis + " ms");
		}
		return delayMillis;
	}

	/** Ends a run of failures: a poll worked. */
	void recovered() {
		int failed = this.count;
		this.count = 0;
		if (failed > 0 && logger.isInfoEnabled()) {
			logger.info("Polling of Smooth task " + this.taskId + " works again after " + failed + " failed polls");
		}
	}

	/**
	 * Whether a failed poll may work next time: a network error, a timeout, an unreadable
	 * response, a 5xx or a 429. A 404 (unknown task), 401/403 and other 4xx will not.
	 */
	private static boolean mayPass(Throwable error) {
		return error instanceof SmoothNetworkException || error instanceof SmoothTimeoutException
				|| error instanceof SmoothServerException || error instanceof SmoothRateLimitException;
	}

}
