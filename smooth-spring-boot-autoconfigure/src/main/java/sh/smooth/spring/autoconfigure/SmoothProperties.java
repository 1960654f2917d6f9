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

package sh.smooth.spring.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import sh.smooth.spring.runtime.TaskDefaults;
import sh.smooth.spring.browser.Agent;
import sh.smooth.spring.browser.Device;
import sh.smooth.spring.error.Redaction;
import sh.smooth.spring.support.SmoothDefaults;

/**
 * Configuration of the Smooth client, bound from {@code smooth.*}.
 *
 * @param apiKey API key sent in the apikey header. When unset, the SMOOTH_API_KEY and
 * then CIRCLEMIND_API_KEY environment variables are used.
 * @param baseUrl Base URL of the Smooth API, including the version segment. When it is
 * set nowhere, the SMOOTH_BASE_URL environment variable of the official SDKs is used: the
 * base before the version segment, to which /v1 is added.
 * @param connectTimeout Timeout for opening a connection to the API. When unset,
 * spring.http.clients.connect-timeout applies, else 10 seconds.
 * @param readTimeout Timeout for a response. The server may hold a poll open, so keep it
 * at 60 seconds or more. When unset, spring.http.clients.read-timeout applies, else 90
 * seconds.
 * @param maxResponseSize Largest response body the client buffers.
 * @param polling How tasks are polled.
 * @param retry How failed calls are retried.
 * @param task Values for task fields a task leaves unset, and waiting bounds.
 * @param tools Custom tools.
 * @param session Browser sessions.
 * @param metrics Metrics and observations.
 * @param health Health indicator.
 */
@ConfigurationProperties("smooth")
public record SmoothProperties(@Nullable String apiKey, @DefaultValue(SmoothDefaults.BASE_URL) URI baseUrl,
		@Nullable Duration connectTimeout, @Nullable Duration readTimeout,
		@DefaultValue(SmoothDefaults.MAX_RESPONSE_SIZE) DataSize maxResponseSize, @DefaultValue Polling polling,
		@DefaultValue Retry retry, @DefaultValue Task task, @DefaultValue Tools tools, @DefaultValue Session session,
		@DefaultValue Metrics metrics, @DefaultValue Health health) {

	@Override
	public String toString() {
		// a record prints every component: the key must not be one of them
		return "SmoothProperties[apiKey=" + ((this.apiKey != null) ? "******" : null) + ", baseUrl="
				+ Redaction.url(this.baseUrl) + ", connectTimeout=" + this.connectTimeout + ", readTimeout="
				+ this.readTimeout + ", polling=" + this.polling + ", retry=" + this.retry + ", task=" + this.task
				+ ", tools=" + this.tools + "]";
	}

	/**
	 * Polling.
	 *
	 * @param firstDelay First wait after a poll with no news while a session action or a
	 * wait for a condition is pending; it grows from here by backoff-factor up to
	 * active-max-interval. Shorter means quicker action results and more polls.
	 * @param maxInterval Steady interval (±10% jitter) of a task nobody waits on in
	 * particular, with or without custom tools: about 60 polls a minute per task at 1s; a
	 * task's end or a tool call is seen half an interval later on median. A task is first
	 * polled at once after the submit, then at a random age of 1.1 to 2.1 intervals.
	 * @param activeMaxInterval Longest wait between polls while a session action or a
	 * wait for a condition is pending.
	 * @param backoffFactor Factor by which the wait grows while an action is pending.
	 * @param maxRequestsPerSecond Cap on poll requests per second across all tasks,
	 * shared fairly; 0 for no cap.
	 * @param threads Threads of the shared polling scheduler.
	 * @param failureTolerance How long the polls of a task may keep failing before its
	 * waiters fail, while the client backs off from 1 s to 16 s between polls. Tolerated:
	 * network errors, timeouts, unreadable responses, 5xx and 429 (each after the HTTP
	 * retries). Not tolerated, failing at once: 404 (unknown task), 401/403 and other
	 * 4xx. 0 fails at the first failed poll.
	 */
	public record Polling(@DefaultValue("100ms") Duration firstDelay, @DefaultValue("1s") Duration maxInterval,
			@DefaultValue("500ms") Duration activeMaxInterval, @DefaultValue("1.5") double backoffFactor,
			@DefaultValue("0") double maxRequestsPerSecond, @DefaultValue(SmoothDefaults.POLLING_THREADS) int threads,
			@DefaultValue("60s") Duration failureTolerance) {
	}

	/**
	 * Retries of safe calls (GET, DELETE, tool answers) on 5xx, 429 and connection
	 * errors.
	 *
	 * @param maxAttempts Attempts in total, including the first; 1 disables retries.
	 * @param initialBackoff Wait before the first retry; it doubles, with jitter.
	 * @param maxBackoff Longest wait between retries.
	 * @param maxRetryAfter Longest pause a 429's Retry-After imposes on the calls it
	 * limits (the polls of every task, or tool answers and session actions, or cancels);
	 * a longer advertised wait is cut to this. A refused submit pauses nothing.
	 */
	public record Retry(@DefaultValue("4") int maxAttempts, @DefaultValue("500ms") Duration initialBackoff,
			@DefaultValue("10s") Duration maxBackoff, @DefaultValue("60s") Duration maxRetryAfter) {
	}

	/**
	 * Task defaults.
	 *
	 * @param agent Agent that runs tasks.
	 * @param device Browser device.
	 * @param maxSteps Step budget of a task, from 2 to 128.
	 * @param enableRecording Whether tasks are recorded on video.
	 * @param useStealth Whether stealth mode is on.
	 * @param useAdblock Whether ads are blocked.
	 * @param useCaptchaSolver Whether captchas are solved.
	 * @param showCursor Whether the mouse cursor is drawn.
	 * @param defaultTimeout How long run() and await() wait for a task.
	 * @param liveUrlTimeout How long liveUrl() waits for the browser to come up.
	 */
	public record Task(@DefaultValue(TaskDefaults.AGENT) Agent agent, @DefaultValue(TaskDefaults.DEVICE) Device device,
			@DefaultValue(TaskDefaults.MAX_STEPS) int maxSteps,
			@DefaultValue(TaskDefaults.RECORDING) boolean enableRecording,
			@DefaultValue(TaskDefaults.STEALTH) boolean useStealth,
			@DefaultValue(TaskDefaults.ADBLOCK) boolean useAdblock,
			@DefaultValue(TaskDefaults.CAPTCHA_SOLVER) boolean useCaptchaSolver,
			@DefaultValue(TaskDefaults.SHOW_CURSOR) boolean showCursor,
			@DefaultValue(SmoothDefaults.TASK_TIMEOUT) Duration defaultTimeout,
			@DefaultValue(SmoothDefaults.LIVE_URL_TIMEOUT) Duration liveUrlTimeout) {
	}

	/**
	 * Custom tools.
	 *
	 * @param attach Which discovered tools are attached to a task that does not choose.
	 * @param defaultGroups With attach=all, offer a task that does not choose only the
	 * tools of these groups (@SmoothTool(groups = ...)). Every group must exist.
	 * @param timeout How long a tool may run before it is answered with an error and
	 * interrupted. Counts running time only, not the wait for a thread.
	 * @param executor Executor that runs tool methods.
	 */
	public record Tools(@DefaultValue("all") Attach attach, @DefaultValue List<String> defaultGroups,
			@DefaultValue(SmoothDefaults.TOOL_TIMEOUT) Duration timeout, @DefaultValue Executor executor) {

		/**
		 * Which tools a task gets by default.
		 */
		public enum Attach {

			/** Every discovered tool. */
			ALL,

			/** None; tasks choose their tools by name or group. */
			NONE

		}

		/**
		 * The bounded executor for tool methods.
		 *
		 * @param threads Most threads running tool methods at once.
		 * @param queueCapacity Most tool calls waiting for a thread; beyond it calls are
		 * answered with an error.
		 * @param queueTimeout How long a tool call may wait for a thread. A call still
		 * waiting then is answered "busy" (code 400, so the agent may try again) and
		 * never runs.
		 */
		public record Executor(@DefaultValue("8") int threads, @DefaultValue("1000") int queueCapacity,
				@DefaultValue(SmoothDefaults.TOOL_QUEUE_TIMEOUT) Duration queueTimeout) {
		}

	}

	/**
	 * Browser sessions.
	 *
	 * @param actionTimeout How long a session action waits for its result.
	 */
	public record Session(@DefaultValue(SmoothDefaults.ACTION_TIMEOUT) Duration actionTimeout) {
	}

	/**
	 * Metrics.
	 *
	 * @param enabled Whether Smooth metrics and observations are recorded.
	 */
	public record Metrics(@DefaultValue("true") boolean enabled) {
	}

	/**
	 * Health.
	 *
	 * @param enabled Whether the Smooth health indicator is registered.
	 * @param cacheTtl How long a health result is reused before the API is asked again.
	 */
	public record Health(@DefaultValue("false") boolean enabled, @DefaultValue("60s") Duration cacheTtl) {
	}

}
