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

package sh.smooth.spring.task;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.core.ParameterizedTypeReference;

import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.support.OutputConverter;
import sh.smooth.spring.support.Validate;

/**
 * The outcome of a finished task (or closed session): status, output, credits and URLs.
 * The client makes them from the server's responses; tests of code that uses
 * {@code SmoothOperations} make their own with {@link #builder(String)}:
 * <pre class="code">
 * given(smooth.run("...")).willReturn(TaskResult.builder("t-1").status(TaskStatus.DONE).output("ok").build());
 * </pre>
 */
public final class TaskResult {

	private static final OutputConverter DEFAULT_CONVERTER = new OutputConverter(JsonMapper.builder().build());

	private final String id;

	private final TaskStatus status;

	private final @Nullable JsonNode output;

	private final long creditsUsed;

	private final @Nullable String recordingUrl;

	private final @Nullable String device;

	private final OutputConverter converter;

	private TaskResult(Builder b) {
		this.id = b.id;
		this.status = b.status;
		this.output = b.output;
		this.creditsUsed = b.creditsUsed;
		this.recordingUrl = b.recordingUrl;
		this.device = b.device;
		this.converter = b.converter;
	}

	/**
	 * Starts a result, for tests: status {@code done}, no output, no credits unless set.
	 * @param id the task id
	 * @return the builder
	 */
	public static Builder builder(String id) {
		return new Builder(Validate.notBlank("id", id));
	}

	/**
	 * The result a response shows.
	 * @param response the response
	 * @param converter converts the output to Java types
	 * @return the result
	 */
	static TaskResult from(TaskResponse response, OutputConverter converter) {
		return builder(response.id()).converter(converter)
			.status(response.status())
			.output(response.output())
			.creditsUsed((response.creditsUsed() != null) ? response.creditsUsed() : 0)
			.recordingUrl(response.recordingUrl())
			.device(response.device())
			.build();
	}

	/**
	 * The task id.
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * The final status.
	 * @return the status
	 */
	public TaskStatus status() {
		return this.status;
	}

	/**
	 * Whether the task finished successfully.
	 * @return whether the status is {@code done}
	 */
	public boolean isDone() {
		return this.status == TaskStatus.DONE;
	}

	/**
	 * The output as JSON: the answer, or structured output, or on failure the error
	 * description.
	 * @return the output, a JSON null node when absent
	 */
	public JsonNode output() {
		return (this.output != null) ? this.output : JsonNodeFactory.instance.nullNode();
	}

	/**
	 * The output as text: a JSON string as is, anything else as JSON.
	 * @return the text, or {@code null}
	 */
	public @Nullable String outputText() {
		if (this.output == null || this.output.isNull()) {
			return null;
		}
		return this.output.isString() ? this.output.asString() : this.output.toString();
	}

	/**
	 * The output converted to a type.
	 * @param <T> the type
	 * @param type the type
	 * @return the value, {@code null} if the output is null
	 */
	public <T> @Nullable T output(Class<T> type) {
		return this.converter.convert(this.output, type, this.id);
	}

	/**
	 * The output converted to a generic type.
	 * @param <T> the type
	 * @param type the type reference, such as {@code List<Story>}
	 * @return the value, {@code null} if the output is null
	 */
	public <T> @Nullable T output(ParameterizedTypeReference<T> type) {
		return this.converter.convert(this.output, type.getType(), this.id);
	}

	/**
	 * Credits spent (1 credit = USD 0.01).
	 * @return the credits, 0 if the server did not say
	 */
	public long creditsUsed() {
		return this.creditsUsed;
	}

	/**
	 * The recording, as the final response gave it. Use
	 * {@link TaskHandle#recordingUrl(java.time.Duration)} to wait for one the server
	 * publishes after the end.
	 * @return the URL, or empty when there is none or it is not known yet
	 */
	public Optional<String> recordingUrl() {
		return (this.recordingUrl != null && !this.recordingUrl.isEmpty()) ? Optional.of(this.recordingUrl)
				: Optional.empty();
	}

	/**
	 * The device used.
	 * @return the device value, or {@code null}
	 */
	public @Nullable String device() {
		return this.device;
	}

	@Override
	public String toString() {
		return "TaskResult[id=" + this.id + ", status=" + this.status.value() + ", creditsUsed=" + this.creditsUsed
				+ "]";
	}

	/**
	 * Builds a {@link TaskResult}.
	 */
	public static final class Builder {

		private final String id;

		private TaskStatus status = TaskStatus.DONE;

		private @Nullable JsonNode output;

		private long creditsUsed;

		private @Nullable String recordingUrl;

		private @Nullable String device;

		private OutputConverter converter = DEFAULT_CONVERTER;

		private Builder(String id) {
			this.id = id;
		}

		/**
		 * The final status (default {@code done}).
		 * @param status the status
		 * @return this builder
		 */
		public Builder status(TaskStatus status) {
			this.status = Validate.notNull("status", status);
			return this;
		}

		/**
		 * The output as JSON.
		 * @param output the output, or {@code null} for none
		 * @return this builder
		 */
		public Builder output(@Nullable JsonNode output) {
			this.output = output;
			return this;
		}

		/**
		 * The output as a value, converted to JSON (a string stays a JSON string).
		 * @param output the output, or {@code null} for none
		 * @return this builder
		 */
		public Builder output(@Nullable Object output) {
			this.output = (output == null) ? null
					: (output instanceof JsonNode node) ? node : this.converter.mapper().valueToTree(output);
			return this;
		}

		/**
		 * The credits spent.
		 * @param creditsUsed the credits
		 * @return this builder
		 */
		public Builder creditsUsed(long creditsUsed) {
			this.creditsUsed = creditsUsed;
			return this;
		}

		/**
		 * The recording URL.
		 * @param recordingUrl the URL, {@code ""} or {@code null} for none
		 * @return this builder
		 */
		public Builder recordingUrl(@Nullable String recordingUrl) {
			this.recordingUrl = recordingUrl;
			return this;
		}

		/**
		 * The device used.
		 * @param device the device value
		 * @return this builder
		 */
		public Builder device(@Nullable String device) {
			this.device = device;
			return this;
		}

		/**
		 * How the output converts to Java types (default: a plain {@link JsonMapper}).
		 * @param converter the converter
		 * @return this builder
		 */
		public Builder converter(OutputConverter converter) {
			this.converter = Validate.notNull("converter", converter);
			return this;
		}

		/**
		 * Builds the immutable result.
		 * @return the result
		 */
		public TaskResult build() {
			return new TaskResult(this);
		}

	}

}
