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

import java.lang.reflect.Type;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ParameterizedTypeReference;

import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.support.OutputConverter;

/**
 * The outcome of a finished task (or closed session): status, output, credits and URLs.
 */
public final class TaskResult {

	private final TaskResponse response;

	private final OutputConverter converter;

	/**
	 * Creates a result from the final response.
	 * @param response the response
	 * @param converter converts the output to Java types
	 */
	public TaskResult(TaskResponse response, OutputConverter converter) {
		this.response = response;
		this.converter = converter;
	}

	/**
	 * The task id.
	 * @return the id
	 */
	public String id() {
		return this.response.id();
	}

	/**
	 * The final status.
	 * @return the status
	 */
	public TaskStatus status() {
		return this.response.status();
	}

	/**
	 * Whether the task finished successfully.
	 * @return whether the status is {@code done}
	 */
	public boolean isDone() {
		return status() == TaskStatus.DONE;
	}

	/**
	 * The output as JSON: the answer, or structured output, or on failure the error
	 * description.
	 * @return the output, a JSON null node when absent
	 */
	public JsonNode output() {
		JsonNode output = this.response.output();
		return (output != null) ? output : this.converter.mapper().nullNode();
	}

	/**
	 * The output as text: a JSON string as is, anything else as JSON.
	 * @return the text, or {@code null}
	 */
	public @Nullable String outputText() {
		JsonNode output = this.response.output();
		if (output == null || output.isNull()) {
			return null;
		}
		return output.isString() ? output.asString() : output.toString();
	}

	/**
	 * The output converted to a type.
	 * @param <T> the type
	 * @param type the type
	 * @return the value, {@code null} if the output is null
	 */
	public <T> @Nullable T output(Class<T> type) {
		return this.converter.convert(this.response.output(), type, id());
	}

	/**
	 * The output converted to a generic type.
	 * @param <T> the type
	 * @param type the type reference, such as {@code List<Story>}
	 * @return the value, {@code null} if the output is null
	 */
	public <T> @Nullable T output(ParameterizedTypeReference<T> type) {
		Type javaType = type.getType();
		return this.converter.convert(this.response.output(), javaType, id());
	}

	/**
	 * Credits spent (1 credit = USD 0.01).
	 * @return the credits, 0 if the server did not say
	 */
	public long creditsUsed() {
		Long credits = this.response.creditsUsed();
		return (credits != null) ? credits : 0;
	}

	/**
	 * The recording URL as the final response gave it: {@code null} = not known yet,
	 * {@code ""} = none. Use {@link TaskHandle#recordingUrl(java.time.Duration)} to wait
	 * for it.
	 * @return the URL
	 */
	public @Nullable String recordingUrl() {
		return this.response.recordingUrl();
	}

	/**
	 * The device used.
	 * @return the device value, or {@code null}
	 */
	public @Nullable String device() {
		return this.response.device();
	}

	/**
	 * The raw final response.
	 * @return the response
	 */
	public TaskResponse response() {
		return this.response;
	}

	@Override
	public String toString() {
		return "TaskResult[id=" + id() + ", status=" + status().value() + ", creditsUsed=" + creditsUsed() + "]";
	}

}
