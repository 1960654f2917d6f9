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

package sh.smooth.spring.browser;

import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ParameterizedTypeReference;

import sh.smooth.spring.error.Redaction;
import sh.smooth.spring.support.Validate;

/**
 * What the agent is asked to do in the browser: the task text, the page to start on, the
 * shape of a structured answer, metadata shown to the agent and the step budget. Shared
 * by a one-shot task ({@code SmoothTask}) and a task run inside a session
 * ({@link SessionTask}); built through their builders, which extend {@link Builder}.
 * Immutable.
 */
public final class Instruction {

	private final String text;

	private final @Nullable String url;

	private final @Nullable JsonNode responseModel;

	private final @Nullable Type outputType;

	private final @Nullable Map<String, Object> metadata;

	private final @Nullable Integer maxSteps;

	private Instruction(Instruction source, Type outputType) {
		this.text = source.text;
		this.url = source.url;
		this.responseModel = null;
		this.outputType = outputType;
		this.metadata = source.metadata;
		this.maxSteps = source.maxSteps;
	}

	private Instruction(Builder<?> b) {
		this.text = b.text;
		this.url = b.url;
		this.responseModel = b.responseModel;
		this.outputType = b.outputType;
		this.metadata = (b.metadata != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata)) : null;
		this.maxSteps = b.maxSteps;
	}

	// @formatter:off
	/** @return what the agent should do, in plain language */
	public String text() { return this.text; }
	/** @return the page to start on, {@code null} to let the agent choose (or stay) */
	public @Nullable String url() { return this.url; }
	/** @return the raw JSON Schema of the answer */
	public @Nullable JsonNode responseModel() { return this.responseModel; }
	/** @return the Java type whose JSON Schema is sent as the response model */
	public @Nullable Type outputType() { return this.outputType; }
	/** @return the metadata shown to the agent */
	public @Nullable Map<String, Object> metadata() { return this.metadata; }
	/** @return the step budget, {@code null} for {@code smooth.task.max-steps} */
	public @Nullable Integer maxSteps() { return this.maxSteps; }
	// @formatter:on

	/**
	 * A copy that asks for a structured answer of another type (replacing a response
	 * model or output type set before).
	 * @param outputType the type whose JSON Schema is sent as the response model
	 * @return the copy
	 */
	public Instruction withOutputType(Type outputType) {
		return new Instruction(this, Validate.notNull("outputType", outputType));
	}

	@Override
	public String toString() {
		return "Instruction[text=" + this.text + ", url=" + Redaction.url(this.url) + ", maxSteps=" + this.maxSteps
				+ "]";
	}

	/**
	 * The setters of an {@link Instruction}, written once for every builder that makes
	 * one. Each setter checks its argument at once.
	 *
	 * @param <B> the concrete builder
	 */
	public abstract static class Builder<B extends Builder<B>> {

		private final String text;

		private @Nullable String url;

		private @Nullable JsonNode responseModel;

		private @Nullable Type outputType;

		private @Nullable Map<String, Object> metadata;

		private @Nullable Integer maxSteps;

		/**
		 * Starts an instruction.
		 * @param text what the agent should do; must not be blank
		 */
		protected Builder(String text) {
			this.text = Validate.notBlank("task", text);
		}

		/**
		 * The page to start on.
		 * @param url an absolute http(s) URL
		 * @return this builder
		 */
		public B url(String url) {
			this.url = Validate.httpUrl("url", url);
			return self();
		}

		/**
		 * A raw JSON Schema for a structured answer ({@code response_model}).
		 * @param schema a JSON object
		 * @return this builder
		 */
		public B responseModel(JsonNode schema) {
			this.responseModel = Validate.schema("responseModel", schema);
			this.outputType = null;
			return self();
		}

		/**
		 * A structured answer: the JSON Schema of this type is sent as
		 * {@code response_model}.
		 * @param type a record, class, enum, ...
		 * @return this builder
		 */
		public B outputType(Class<?> type) {
			this.outputType = Validate.notNull("outputType", type);
			this.responseModel = null;
			return self();
		}

		/**
		 * A structured answer of a generic type, such as {@code List<Story>}.
		 * @param type the type reference
		 * @return this builder
		 */
		public B outputType(ParameterizedTypeReference<?> type) {
			this.outputType = Validate.notNull("outputType", type).getType();
			this.responseModel = null;
			return self();
		}

		/**
		 * Adds a metadata variable shown to the agent.
		 * @param key the key
		 * @param value a string, number or boolean
		 * @return this builder
		 */
		public B metadata(String key, Object value) {
			this.metadata = Validate.withMetadata("metadata", this.metadata, key, value);
			return self();
		}

		/**
		 * Replaces the metadata.
		 * @param metadata at most 16 scalar values
		 * @return this builder
		 */
		public B metadata(Map<String, ?> metadata) {
			Map<String, Object> next = new LinkedHashMap<>(Validate.notNull("metadata", metadata));
			Validate.metadata("metadata", next);
			this.metadata = next;
			return self();
		}

		/**
		 * The step budget (default {@code smooth.task.max-steps}).
		 * @param maxSteps 2 to 128
		 * @return this builder
		 */
		public B maxSteps(int maxSteps) {
			this.maxSteps = Validate.maxSteps("maxSteps (max_steps)", maxSteps);
			return self();
		}

		/**
		 * The instruction set so far.
		 * @return the instruction
		 */
		public final Instruction instruction() {
			return new Instruction(this);
		}

		@SuppressWarnings("unchecked")
		private B self() {
			return (B) this;
		}

	}

}
