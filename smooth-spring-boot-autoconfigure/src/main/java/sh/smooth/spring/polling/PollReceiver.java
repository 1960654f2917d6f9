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

import java.util.List;

import sh.smooth.spring.api.TaskEvent;
import sh.smooth.spring.api.TaskResponse;

/**
 * What a {@link TaskPoller} hands its results to: the task's run. Called on the shared
 * polling scheduler, one call at a time per task; it must return quickly.
 */
public interface PollReceiver {

	/**
	 * A successful poll. When the response is final, the poller has already stopped and
	 * left the engine.
	 * @param response the response
	 * @param fresh the events not handed out before, in server order: an event a poll
	 * returns again (the cursor re-reads the newest millisecond) is not handed out twice,
	 * and events without an id are not handed out
	 */
	void received(TaskResponse response, List<TaskEvent> fresh);

	/**
	 * Polling stopped for good: a failure that cannot pass, failed polls beyond
	 * {@link PollingSettings#failureTolerance()}, or the client shut down. The poller has
	 * already left the engine.
	 * @param error the typed error
	 */
	void stopped(Throwable error);

}
