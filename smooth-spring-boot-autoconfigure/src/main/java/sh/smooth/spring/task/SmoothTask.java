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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ParameterizedTypeReference;

import sh.smooth.spring.browser.Agent;
import sh.smooth.spring.browser.Certificate;
import sh.smooth.spring.browser.Device;
import sh.smooth.spring.error.Redaction;
import sh.smooth.spring.error.SmoothValidationException;
import sh.smooth.spring.support.Validate;

/**
 * Everything a task can ask for: every field of the API's task request. Fields left unset
 * take the defaults from {@code smooth.task.*}. Built with {@link #builder(String)};
 * validated when built, before any HTTP call. Immutable.
 * <p>
 * The proxy password and certificates are secrets and are masked in {@link #toString()},
 * as are credentials in the user-info part of a URL ({@code http://user:pw@proxy:8080}).
 */
public final class SmoothTask {

	private final @Nullable String task;

	private final @Nullable String url;

	private final @Nullable JsonNode responseModel;

	private final @Nullable Type outputType;

	private final @Nullable Map<String, Object> metadata;

	private final @Nullable List<String> files;

	private final @Nullable Agent agent;

	private final @Nullable Integer maxSteps;

	private final @Nullable Device device;

	private final @Nullable List<String> allowedUrls;

	private final @Nullable Boolean enableRecording;

	private final @Nullable String profileId;

	private final boolean profileReadOnly;

	private final @Nullable Boolean useStealth;

	private final @Nullable String proxyServer;

	private final @Nullable String proxyUsername;

	private final @Nullable String proxyPassword;

	private final @Nullable List<Certificate> certificates;

	private final @Nullable Boolean useAdblock;

	private final @Nullable Boolean useCaptchaSolver;

	private final @Nullable Map<String, @Nullable Object> additionalTools;

	private final @Nullable Map<String, Object> experimentalFeatures;

	private final @Nullable List<String> extensions;

	private final @Nullable Boolean showCursor;

	private final ToolSelection tools;

	private SmoothTask(Builder b) {
		this.task = b.task;
		this.url = b.url;
		this.responseModel = b.responseModel;
		this.outputType = b.outputType;
		this.metadata = (b.metadata != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata)) : null;
		this.files = copy(b.files);
		this.agent = b.agent;
		this.maxSteps = b.maxSteps;
		this.device = b.device;
		this.allowedUrls = copy(b.allowedUrls);
		this.enableRecording = b.enableRecording;
		this.profileId = b.profileId;
		this.profileReadOnly = b.profileReadOnly;
		this.useStealth = b.useStealth;
		this.proxyServer = b.proxyServer;
		this.proxyUsername = b.proxyUsername;
		this.proxyPassword = b.proxyPassword;
		this.certificates = copy(b.certificates);
		this.useAdblock = b.useAdblock;
		this.useCaptchaSolver = b.useCaptchaSolver;
		this.additionalTools = (b.additionalTools != null)
				? Collections.unmodifiableMap(new LinkedHashMap<>(b.additionalTools)) : null;
		this.experimentalFeatures = (b.experimentalFeatures != null)
				? Collections.unmodifiableMap(new LinkedHashMap<>(b.experimentalFeatures)) : null;
		this.extensions = copy(b.extensions);
		this.showCursor = b.showCursor;
		this.tools = b.tools;
	}

	private static <T> @Nullable List<T> copy(@Nullable List<T> list) {
		return (list != null) ? List.copyOf(list) : null;
	}

	/**
	 * Starts a task specification.
	 * @param task what the agent should do, in plain language
	 * @return the builder
	 */
	public static Builder builder(String task) {
		return new Builder(Validate.notBlank("task", task));
	}

	/**
	 * Starts the options of a browser session (no task text); used by the session
	 * feature.
	 * @return the builder
	 */
	public static Builder sessionOptions() {
		return new Builder(null);
	}

	// @formatter:off
	/** @return the task text, {@code null} for a session */
	public @Nullable String task() { return this.task; }
	/** @return the starting URL */
	public @Nullable String url() { return this.url; }
	/** @return the raw JSON Schema of the output */
	public @Nullable JsonNode responseModel() { return this.responseModel; }
	/** @return the Java type whose schema is sent as the response model */
	public @Nullable Type outputType() { return this.outputType; }
	/** @return the metadata */
	public @Nullable Map<String, Object> metadata() { return this.metadata; }
	/** @return the file ids */
	public @Nullable List<String> files() { return this.files; }
	/** @return the agent, {@code null} for the default */
	public @Nullable Agent agent() { return this.agent; }
	/** @return the step budget, {@code null} for the default */
	public @Nullable Integer maxSteps() { return this.maxSteps; }
	/** @return the device, {@code null} for the default */
	public @Nullable Device device() { return this.device; }
	/** @return the allowed URL globs */
	public @Nullable List<String> allowedUrls() { return this.allowedUrls; }
	/** @return whether to record, {@code null} for the default */
	public @Nullable Boolean enableRecording() { return this.enableRecording; }
	/** @return the profile id */
	public @Nullable String profileId() { return this.profileId; }
	/** @return whether the profile stays unchanged */
	public boolean profileReadOnly() { return this.profileReadOnly; }
	/** @return whether stealth is on, {@code null} for the default */
	public @Nullable Boolean useStealth() { return this.useStealth; }
	/** @return the proxy server */
	public @Nullable String proxyServer() { return this.proxyServer; }
	/** @return the proxy user */
	public @Nullable String proxyUsername() { return this.proxyUsername; }
	/** @return the proxy password (secret) */
	public @Nullable String proxyPassword() { return this.proxyPassword; }
	/** @return the certificates (secret) */
	public @Nullable List<Certificate> certificates() { return this.certificates; }
	/** @return whether ads are blocked, {@code null} for the default */
	public @Nullable Boolean useAdblock() { return this.useAdblock; }
	/** @return whether captchas are solved, {@code null} for the default */
	public @Nullable Boolean useCaptchaSolver() { return this.useCaptchaSolver; }
	/** @return the built-in tools and their configuration */
	public @Nullable Map<String, @Nullable Object> additionalTools() { return this.additionalTools; }
	/** @return the experimental features */
	public @Nullable Map<String, Object> experimentalFeatures() { return this.experimentalFeatures; }
	/** @return the extension ids */
	public @Nullable List<String> extensions() { return this.extensions; }
	/** @return whether the cursor is drawn, {@code null} for the default */
	public @Nullable Boolean showCursor() { return this.showCursor; }
	/** @return which custom tools are attached */
	public ToolSelection tools() { return this.tools; }
	// @formatter:on

	@Override
	public String toString() {
		return "SmoothTask[task=" + this.task + ", url=" + Redaction.url(this.url) + ", agent=" + this.agent
				+ ", device=" + this.device + ", maxSteps=" + this.maxSteps + ", profileId=" + this.profileId
				+ ", proxyServer=" + Redaction.url(this.proxyServer) + ", proxyPassword="
				+ ((this.proxyPassword != null) ? "******" : null) + ", certificates="
				+ ((this.certificates != null) ? this.certificates.size() + " (masked)" : null) + ", tools="
				+ this.tools + "]";
	}

	/**
	 * Builds a {@link SmoothTask}. Each setter checks its argument at once;
	 * {@link #build()} checks the combination.
	 */
	public static final class Builder {

		private final @Nullable String task;

		private @Nullable String url;

		private @Nullable JsonNode responseModel;

		private @Nullable Type outputType;

		private @Nullable Map<String, Object> metadata;

		private @Nullable List<String> files;

		private @Nullable Agent agent;

		private @Nullable Integer maxSteps;

		private @Nullable Device device;

		private @Nullable List<String> allowedUrls;

		private @Nullable Boolean enableRecording;

		private @Nullable String profileId;

		private boolean profileReadOnly;

		private @Nullable Boolean useStealth;

		private @Nullable String proxyServer;

		private @Nullable String proxyUsername;

		private @Nullable String proxyPassword;

		private @Nullable List<Certificate> certificates;

		private @Nullable Boolean useAdblock;

		private @Nullable Boolean useCaptchaSolver;

		private @Nullable Map<String, @Nullable Object> additionalTools;

		private @Nullable Map<String, Object> experimentalFeatures;

		private @Nullable List<String> extensions;

		private @Nullable Boolean showCursor;

		private ToolSelection tools = ToolSelection.DEFAULT;

		private Builder(@Nullable String task) {
			this.task = task;
		}

		/**
		 * The page to start on; otherwise the agent picks one.
		 * @param url an absolute http(s) URL
		 * @return this builder
		 */
		public Builder url(String url) {
			this.url = Validate.httpUrl("url", url);
			return this;
		}

		/**
		 * A raw JSON Schema for structured output ({@code response_model}).
		 * @param schema the schema
		 * @return this builder
		 */
		public Builder responseModel(JsonNode schema) {
			this.responseModel = Validate.schema("responseModel", schema);
			this.outputType = null;
			return this;
		}

		/**
		 * Structured output: the JSON Schema of this type is sent as
		 * {@code response_model}.
		 * @param type a record, class, enum, ...
		 * @return this builder
		 */
		public Builder outputType(Class<?> type) {
			this.outputType = Validate.notNull("outputType", type);
			this.responseModel = null;
			return this;
		}

		/**
		 * Structured output for a generic type, such as {@code List<Story>}.
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
		 * Files the agent can use, by id (see {@code smooth.files()}).
		 * @param fileIds the ids
		 * @return this builder
		 */
		public Builder files(String... fileIds) {
			this.files = ids("files", fileIds);
			return this;
		}

		/**
		 * The agent.
		 * @param agent the agent
		 * @return this builder
		 */
		public Builder agent(Agent agent) {
			this.agent = Validate.notNull("agent", agent);
			return this;
		}

		/**
		 * The step budget.
		 * @param maxSteps 2 to 128
		 * @return this builder
		 */
		public Builder maxSteps(int maxSteps) {
			this.maxSteps = Validate.maxSteps("maxSteps (max_steps)", maxSteps);
			return this;
		}

		/**
		 * The device.
		 * @param device the device
		 * @return this builder
		 */
		public Builder device(Device device) {
			this.device = Validate.notNull("device", device);
			return this;
		}

		/**
		 * Restricts the agent to URLs matching these globs, such as
		 * {@code https://**.example.com/**}.
		 * @param patterns the globs
		 * @return this builder
		 */
		public Builder allowedUrls(String... patterns) {
			this.allowedUrls = ids("allowedUrls", patterns);
			return this;
		}

		/**
		 * Whether to record a video.
		 * @param enable whether to record
		 * @return this builder
		 */
		public Builder enableRecording(boolean enable) {
			this.enableRecording = enable;
			return this;
		}

		/**
		 * A browser profile whose cookies the agent uses; changes are saved back.
		 * @param profileId the profile id
		 * @return this builder
		 */
		public Builder profile(String profileId) {
			return profile(profileId, false);
		}

		/**
		 * A browser profile.
		 * @param profileId the profile id
		 * @param readOnly whether to leave the profile unchanged
		 * @return this builder
		 */
		public Builder profile(String profileId, boolean readOnly) {
			this.profileId = Validate.notBlank("profileId", profileId);
			this.profileReadOnly = readOnly;
			return this;
		}

		/**
		 * Whether stealth mode is on.
		 * @param enable whether to use stealth
		 * @return this builder
		 */
		public Builder useStealth(boolean enable) {
			this.useStealth = enable;
			return this;
		}

		/**
		 * A proxy without credentials.
		 * @param server {@code http://host:port} or {@code socks5://host:port}
		 * @return this builder
		 */
		public Builder proxy(String server) {
			this.proxyServer = Validate.proxyServer("proxyServer", server);
			this.proxyUsername = null;
			this.proxyPassword = null;
			return this;
		}

		/**
		 * A proxy with credentials.
		 * @param server {@code http://host:port} or {@code socks5://host:port}
		 * @param username the user
		 * @param password the password (masked everywhere but on the wire)
		 * @return this builder
		 */
		public Builder proxy(String server, String username, String password) {
			this.proxyServer = Validate.proxyServer("proxyServer", server);
			this.proxyUsername = Validate.notBlank("proxyUsername", username);
			if (password == null || password.isEmpty()) {
				throw SmoothValidationException.secret("proxyPassword", "must not be empty");
			}
			this.proxyPassword = password;
			return this;
		}

		/**
		 * Adds a client certificate.
		 * @param certificate the certificate
		 * @return this builder
		 */
		public Builder certificate(Certificate certificate) {
			List<Certificate> next = (this.certificates != null) ? new ArrayList<>(this.certificates)
					: new ArrayList<>();
			next.add(Validate.notNull("certificate", certificate));
			this.certificates = next;
			return this;
		}

		/**
		 * Whether ads are blocked.
		 * @param enable whether to block ads
		 * @return this builder
		 */
		public Builder useAdblock(boolean enable) {
			this.useAdblock = enable;
			return this;
		}

		/**
		 * Whether captchas are solved.
		 * @param enable whether to solve captchas
		 * @return this builder
		 */
		public Builder useCaptchaSolver(boolean enable) {
			this.useCaptchaSolver = enable;
			return this;
		}

		/**
		 * Enables a built-in agent tool with its defaults, such as {@code hover} or
		 * {@code print_page}.
		 * @param name the tool name
		 * @return this builder
		 */
		public Builder additionalTool(String name) {
			return additionalTool(name, null);
		}

		/**
		 * Enables a built-in agent tool with a configuration, such as {@code screenshot}
		 * with {@code Map.of("full_page", true)}.
		 * @param name the tool name
		 * @param config the configuration (serialised as JSON), or {@code null}
		 * @return this builder
		 */
		public Builder additionalTool(String name, @Nullable Object config) {
			Map<String, @Nullable Object> next = (this.additionalTools != null)
					? new LinkedHashMap<>(this.additionalTools) : new LinkedHashMap<>();
			next.put(Validate.notBlank("additionalTools name", name), config);
			this.additionalTools = next;
			return this;
		}

		/**
		 * Sets an experimental feature flag.
		 * @param name the feature
		 * @param value its value (serialised as JSON)
		 * @return this builder
		 */
		public Builder experimentalFeature(String name, Object value) {
			Map<String, Object> next = (this.experimentalFeatures != null)
					? new LinkedHashMap<>(this.experimentalFeatures) : new LinkedHashMap<>();
			next.put(Validate.notBlank("experimentalFeatures name", name),
					Validate.notNull("experimentalFeatures value", value));
			this.experimentalFeatures = next;
			return this;
		}

		/**
		 * Chrome extensions to load, by id (see {@code smooth.extensions()}).
		 * @param extensionIds the ids
		 * @return this builder
		 */
		public Builder extensions(String... extensionIds) {
			this.extensions = ids("extensions", extensionIds);
			return this;
		}

		/**
		 * Whether the mouse cursor is drawn (useful in recordings).
		 * @param show whether to draw it
		 * @return this builder
		 */
		public Builder showCursor(boolean show) {
			this.showCursor = show;
			return this;
		}

		/**
		 * Attaches exactly these custom tools instead of the default set.
		 * @param names the tool names
		 * @return this builder
		 */
		public Builder tools(String... names) {
			this.tools = new ToolSelection(ids("tools", names));
			return this;
		}

		/**
		 * Attaches no custom tools.
		 * @return this builder
		 */
		public Builder noTools() {
			this.tools = ToolSelection.NONE;
			return this;
		}

		/**
		 * Builds the immutable task.
		 * @return the task
		 */
		public SmoothTask build() {
			return new SmoothTask(this);
		}

		private static List<String> ids(String field, String @Nullable [] values) {
			if (values == null) {
				throw new SmoothValidationException(field, null, "must not be null");
			}
			for (int i = 0; i < values.length; i++) {
				Validate.notBlank(field + "[" + i + "]", values[i]);
			}
			return Arrays.asList(values);
		}

	}

}
