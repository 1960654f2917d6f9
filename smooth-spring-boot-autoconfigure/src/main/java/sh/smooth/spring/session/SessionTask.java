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

package sh.smooth.spring.session;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ParameterizedTypeReference;

import sh.smooth.spring.error.Redaction;
import sh.smooth.spring.error.SmoothValidationException;
import sh.smooth.spring.support.Validate;

/**
 * A small agent task run inside an open session ({@code run_task}): it shares the
 * session's browser, starting from the current page unless a URL is given. Built with
 * {@link #builder(String)}; validated when built. Immutable.
 * <p>
 * Secret values are sent to the server only; {@link #toString()} shows their names, never
 * their values.
 */
public final class SessionTask {

	/** The step budget when none is set, as in the official SDKs. */
	public static final int DEFAULT_MAX_STEPS = 32;

	private final String task;

	private final int maxSteps;

	private final @Nullable String url;

	private final @Nullable JsonNode responseModel;

	private final @Nullable Type outputType;

	private final @Nullable Map<String, Object> metadata;

	private final Map<String, Secret> secrets;

	private SessionTask(Builder b) {
		this.task = b.task;
		this.maxSteps = b.maxSteps;
		this.url = b.url;
		this.responseModel = b.responseModel;
		this.outputType = b.outputType;
		this.metadata = (b.metadata != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata)) : null;
		this.secrets = Collections.unmodifiableMap(new LinkedHashMap<>(b.secrets));
	}

	/**
	 * Starts a run_task specification.
	 * @param task what the agent should do, in plain language
	 * @return the builder
	 */
	public static Builder builder(String task) {
		return new Builder(Validate.notBlank("task", task));
	}

	/**
	 * The task text.
	 * @return the text
	 */
	public String task() {
		return this.task;
	}

	/**
	 * The step budget.
	 * @return 2 to 128
	 */
	public int maxSteps() {
		return this.maxSteps;
	}

	/**
	 * The page to go to first.
	 * @return the URL, or {@code null} to start from the current page
	 */
	public @Nullable String url() {
		return this.url;
	}

	/**
	 * The raw JSON Schema of the answer.
	 * @return the schema, or {@code null}
	 */
	public @Nullable JsonNode responseModel() {
		return this.responseModel;
	}

	/**
	 * The Java type whose JSON Schema is sent as the response model.
	 * @return the type, or {@code null}
	 */
	public @Nullable Type outputType() {
		return this.outputType;
	}

	/**
	 * The metadata shown to the agent.
	 * @return the metadata, or {@code null}
	 */
	public @Nullable Map<String, Object> metadata() {
		return this.metadata;
	}

	/**
	 * The secrets, by name. The values are secrets: never log them.
	 * @return the secrets, empty when none
	 */
	public Map<String, Secret> secrets() {
		return this.secrets;
	}

	@Override
	public String toString() {
		return "SessionTask[task=" + this.task + ", maxSteps=" + this.maxSteps + ", url=" + Redaction.url(this.url)
				+ ", secrets=" + this.secrets.keySet() + " (values masked)]";
	}

	/**
	 * A secret the agent may type, only on pages matching the allowed URL globs.
	 *
	 * @param value the value (secret)
	 * @param allowedUrls the globs where it may be used, at least one
	 */
	public record Secret(String value, List<String> allowedUrls) {

		public Secret {
			allowedUrls = List.copyOf(allowedUrls);
		}

		@Override
		public String toString() {
			return "Secret[value=******, allowedUrls=" + this.allowedUrls + "]";
		}

	}

	/**
	 * Builds a {@link SessionTask}. Each setter checks its argument at once.
	 */
	public static final class Builder {

		private final String task;

		private int maxSteps = DEFAULT_MAX_STEPS;

		private @Nullable String url;

		private @Nullable JsonNode responseModel;

		private @Nullable Type outputType;

		private @Nullable Map<String, Object> metadata;

		private final Map<String, Secret> secrets = new LinkedHashMap<>();

		private Builder(String task) {
			this.task = task;
		}

		/**
		 * The step budget (default 32).
		 * @param maxSteps 2 to 128
		 * @return this builder
		 */
		public Builder maxSteps(int maxSteps) {
			this.maxSteps = Validate.maxSteps("maxSteps (max_steps)", maxSteps);
			return this;
		}

		/**
		 * Goes to this page before the agent starts.
		 * @param url an absolute http(s) URL
		 * @return this builder
		 */
		public Builder url(String url) {
			this.url = Validate.httpUrl("url", url);
			return this;
		}

		/**
		 * A raw JSON Schema for a structured answer ({@code response_model}).
		 * @param schema a JSON object
		 * @return this builder
		 */
		public Builder responseModel(JsonNode schema) {
			this.responseModel = Validate.schema("responseModel", schema);
			this.outputType = null;
			return this;
		}

		/**
		 * A structured answer: the JSON Schema of this type is sent as
		 * {@code response_model}; read it with {@link ActionResult#output(Class)}.
		 * @param type a record, class, enum, ...
		 * @return this builder
		 */
		public Builder outputType(Class<?> type) {
			this.outputType = Validate.notNull("outputType", type);
			this.responseModel = null;
			return this;
		}

		/**
		 * A structured answer of a generic type, such as {@code List<Flight>}.
		 * @param type the type reference
		 * @return this builder
		 */
		public Builder outputType(ParameterizedTypeReference<?> type) {
			this.outputType = Validate.notNull("outputType", type).getType();
			this.responseModel = null;
			return this;
		}

		/**
		 * Adds a metadata variable shown to the agent.
		 * @param key the key
		 * @param value a string, number or boolean
		 * @return this builder
		 */
		public Builder metadata(String key, Object value) {
			// free-form for run_task in the SDKs, but the server's rule is undocumented:
			// the task-level limits are the safe choice
			this.metadata = Validate.withMetadata("metadata", this.metadata, key, value);
			return this;
		}

		/**
		 * Replaces the metadata.
		 * @param metadata at most 16 scalar values
		 * @return this builder
		 */
		public Builder metadata(Map<String, ?> metadata) {
			Map<String, Object> next = new LinkedHashMap<>(Validate.notNull("metadata", metadata));
			Validate.metadata("metadata", next);
			this.metadata = next;
			return this;
		}

		/**
		 * Adds a secret, such as a password, that the agent may type only on matching
		 * pages. The agent sees the name, never the value.
		 * @param name the name the agent refers to, such as {@code PASSWORD}
		 * @param value the value (never logged)
		 * @param allowedUrls the URL globs where it may be used, at least one, such as
		 * {@code https://*.example.com/*}
		 * @return this builder
		 */
		public Builder secret(String name, String value, String... allowedUrls) {
			Validate.notBlank("secret name", name);
			if (value == null || value.isEmpty()) {
				throw SmoothValidationException.secret("secrets[" + name + "].value", "must not be empty");
			}
			if (allowedUrls == null || allowedUrls.length == 0) {
				throw new SmoothValidationException("secrets[" + name + "].allowedUrls", "(none)",
						"must name at least one URL glob where the secret may be used");
			}
			List<String> urls = new ArrayList<>();
			for (int i = 0; i < allowedUrls.length; i++) {
				urls.add(Validate.notBlank("secrets[" + name + "].allowedUrls[" + i + "]", allowedUrls[i]));
			}
			this.secrets.put(name, new Secret(value, urls));
			return this;
		}

		/**
		 * Builds the immutable task.
		 * @return the task
		 */
		public SessionTask build() {
			return new SessionTask(this);
		}

	}

}
