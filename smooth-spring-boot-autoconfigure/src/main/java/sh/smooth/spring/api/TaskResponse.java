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

package sh.smooth.spring.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import sh.smooth.spring.task.TaskStatus;

/**
 * The {@code r} object of a task response. Unknown fields are ignored. A response without
 * a {@code status} is rejected when it is read (a typed
 * {@link sh.smooth.spring.error.SmoothNetworkException}), and {@code null} entries of
 * {@code events} are dropped, so no consumer meets a {@code null} where the protocol
 * promises a value.
 *
 * @param id the task id
 * @param status the status, parsed once from the wire value ({@link TaskStatus#UNKNOWN}
 * for a value this client does not know)
 * @param output the answer, or the failure description
 * @param creditsUsed credits spent so far
 * @param device the device
 * @param liveUrl the live view URL
 * @param recordingUrl null = not known yet, "" = none, else the URL
 * @param downloadsUrl null = not known yet, "" = none, else the URL
 * @param createdAt creation time (epoch, unit unspecified)
 * @param events new events since {@code event_t}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskResponse(String id, TaskStatus status, @Nullable JsonNode output,
		@JsonProperty("credits_used") @Nullable Long creditsUsed, @Nullable String device,
		@JsonProperty("live_url") @Nullable String liveUrl,
		@JsonProperty("recording_url") @Nullable String recordingUrl,
		@JsonProperty("downloads_url") @Nullable String downloadsUrl,
		@JsonProperty("created_at") @Nullable Long createdAt, @Nullable List<TaskEvent> events) {

	public TaskResponse {
		if (status == null) {
			throw new IllegalArgumentException("the task response has no 'status'");
		}
		if (events != null && events.contains(null)) {
			List<TaskEvent> present = new ArrayList<>(events);
			present.removeIf((event) -> event == null);
			events = Collections.unmodifiableList(present);
		}
	}

	/**
	 * Whether the status is final ({@code done}, {@code failed} or {@code cancelled}). An
	 * {@link TaskStatus#UNKNOWN unknown} status is not.
	 * @return whether the task has ended
	 */
	public boolean isTerminal() {
		return this.status.isTerminal();
	}

	/**
	 * The events, never {@code null}.
	 * @return the events
	 */
	public List<TaskEvent> eventList() {
		return (this.events != null) ? this.events : List.of();
	}

}
