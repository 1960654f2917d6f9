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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;

import sh.smooth.spring.error.Redaction;
import sh.smooth.spring.error.SmoothValidationException;
import sh.smooth.spring.support.Validate;

/**
 * How the browser of a task or session starts: device, agent, profile, proxy, client
 * certificates, extensions, files, allowed URLs, the browser features and the custom
 * tools offered to the agent. Every option left unset ({@code null}) takes its default
 * from {@code smooth.task.*} when the request is written. The {@linkplain Builder#origin
 * origin} is the one option never sent to the server: it only tags the metrics. Built
 * with {@link #builder()}; each setter validates at once. Immutable.
 * <p>
 * The proxy password and certificates are secrets and are masked in {@link #toString()},
 * as are credentials in the user-info part of a URL ({@code http://user:pw@proxy:8080}).
 */
public final class BrowserOptions {

	private static final BrowserOptions DEFAULTS = new Builder().build();

	private final @Nullable Device device;

	private final @Nullable Agent agent;

	private final @Nullable String profileId;

	private final boolean profileReadOnly;

	private final @Nullable String proxyServer;

	private final @Nullable String proxyUsername;

	private final @Nullable String proxyPassword;

	private final @Nullable List<Certificate> certificates;

	private final @Nullable List<String> extensions;

	private final @Nullable List<String> files;

	private final @Nullable List<String> allowedUrls;

	private final @Nullable Boolean stealth;

	private final @Nullable Boolean adblock;

	private final @Nullable Boolean captchaSolver;

	private final @Nullable Boolean showCursor;

	private final @Nullable Boolean recording;

	private final @Nullable Map<String, @Nullable Object> additionalTools;

	private final @Nullable Map<String, Object> experimentalFeatures;

	private final @Nullable Map<String, Object> metadata;

	private final ToolSelection tools;

	private final String origin;

	private BrowserOptions(Builder b) {
		this.device = b.device;
		this.agent = b.agent;
		this.profileId = b.profileId;
		this.profileReadOnly = b.profileReadOnly;
		this.proxyServer = b.proxyServer;
		this.proxyUsername = b.proxyUsername;
		this.proxyPassword = b.proxyPassword;
		this.certificates = copy(b.certificates);
		this.extensions = copy(b.extensions);
		this.files = copy(b.files);
		this.allowedUrls = copy(b.allowedUrls);
		this.stealth = b.stealth;
		this.adblock = b.adblock;
		this.captchaSolver = b.captchaSolver;
		this.showCursor = b.showCursor;
		this.recording = b.recording;
		this.additionalTools = (b.additionalTools != null)
				? Collections.unmodifiableMap(new LinkedHashMap<>(b.additionalTools)) : null;
		this.experimentalFeatures = (b.experimentalFeatures != null)
				? Collections.unmodifiableMap(new LinkedHashMap<>(b.experimentalFeatures)) : null;
		this.metadata = (b.metadata != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata)) : null;
		this.tools = b.tools;
		this.origin = b.origin;
	}

	/**
	 * Starts browser options.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Every option at its default.
	 * @return the options
	 */
	public static BrowserOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * A builder that starts from these options.
	 * @return the builder
	 */
	public Builder toBuilder() {
		Builder b = new Builder();
		b.device = this.device;
		b.agent = this.agent;
		b.profileId = this.profileId;
		b.profileReadOnly = this.profileReadOnly;
		b.proxyServer = this.proxyServer;
		b.proxyUsername = this.proxyUsername;
		b.proxyPassword = this.proxyPassword;
		b.certificates = this.certificates;
		b.extensions = this.extensions;
		b.files = this.files;
		b.allowedUrls = this.allowedUrls;
		b.stealth = this.stealth;
		b.adblock = this.adblock;
		b.captchaSolver = this.captchaSolver;
		b.showCursor = this.showCursor;
		b.recording = this.recording;
		b.additionalTools = this.additionalTools;
		b.experimentalFeatures = this.experimentalFeatures;
		b.metadata = this.metadata;
		b.tools = this.tools;
		b.origin = this.origin;
		return b;
	}

	// @formatter:off
	/** @return the device, {@code null} for the default */
	public @Nullable Device device() { return this.device; }
	/** @return the agent, {@code null} for the default */
	public @Nullable Agent agent() { return this.agent; }
	/** @return the browser profile */
	public @Nullable String profileId() { return this.profileId; }
	/** @return whether the profile is left unchanged */
	public boolean profileReadOnly() { return this.profileReadOnly; }
	/** @return the proxy server */
	public @Nullable String proxyServer() { return this.proxyServer; }
	/** @return the proxy user */
	public @Nullable String proxyUsername() { return this.proxyUsername; }
	/** @return the proxy password (secret) */
	public @Nullable String proxyPassword() { return this.proxyPassword; }
	/** @return the client certificates (secret) */
	public @Nullable List<Certificate> certificates() { return this.certificates; }
	/** @return the extension ids */
	public @Nullable List<String> extensions() { return this.extensions; }
	/** @return the file ids */
	public @Nullable List<String> files() { return this.files; }
	/** @return the allowed URL globs */
	public @Nullable List<String> allowedUrls() { return this.allowedUrls; }
	/** @return whether stealth mode is on, {@code null} for the default */
	public @Nullable Boolean stealth() { return this.stealth; }
	/** @return whether ads are blocked, {@code null} for the default */
	public @Nullable Boolean adblock() { return this.adblock; }
	/** @return whether captchas are solved, {@code null} for the default */
	public @Nullable Boolean captchaSolver() { return this.captchaSolver; }
	/** @return whether the cursor is drawn, {@code null} for the default */
	public @Nullable Boolean showCursor() { return this.showCursor; }
	/** @return whether a video is recorded, {@code null} for the default */
	public @Nullable Boolean recording() { return this.recording; }
	/** @return the built-in tools and their configuration */
	public @Nullable Map<String, @Nullable Object> additionalTools() { return this.additionalTools; }
	/** @return the experimental features */
	public @Nullable Map<String, Object> experimentalFeatures() { return this.experimentalFeatures; }
	/** @return the metadata of a session, shown to its agent ({@code null} for none) */
	public @Nullable Map<String, Object> metadata() { return this.metadata; }
	/** @return which custom tools are offered to the agent */
	public ToolSelection tools() { return this.tools; }
	/** @return who started the task, the {@code origin} tag of its metrics; never sent */
	public String origin() { return this.origin; }
	// @formatter:on

	@Override
	public String toString() {
		return "BrowserOptions[device=" + this.device + ", agent=" + this.agent + ", profileId=" + this.profileId
				+ ", proxyServer=" + Redaction.url(this.proxyServer) + ", proxyPassword="
				+ ((this.proxyPassword != null) ? "******" : null) + ", certificates="
				+ ((this.certificates != null) ? this.certificates.size() + " (masked)" : null) + ", allowedUrls="
				+ this.allowedUrls + ", tools=" + this.tools + ", origin=" + this.origin + "]";
	}

	private static <T> @Nullable List<T> copy(@Nullable List<T> list) {
		return (list != null) ? List.copyOf(list) : null;
	}

	/**
	 * Builds {@link BrowserOptions}. Each setter checks its argument at once and names
	 * the option when it is wrong.
	 */
	public static final class Builder {

		/** The origin of tasks and sessions an application starts itself. */
		public static final String DEFAULT_ORIGIN = "application";

		private static final Pattern ORIGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");

		private @Nullable Device device;

		private @Nullable Agent agent;

		private @Nullable String profileId;

		private boolean profileReadOnly;

		private @Nullable String proxyServer;

		private @Nullable String proxyUsername;

		private @Nullable String proxyPassword;

		private @Nullable List<Certificate> certificates;

		private @Nullable List<String> extensions;

		private @Nullable List<String> files;

		private @Nullable List<String> allowedUrls;

		private @Nullable Boolean stealth;

		private @Nullable Boolean adblock;

		private @Nullable Boolean captchaSolver;

		private @Nullable Boolean showCursor;

		private @Nullable Boolean recording;

		private @Nullable Map<String, @Nullable Object> additionalTools;

		private @Nullable Map<String, Object> experimentalFeatures;

		private @Nullable Map<String, Object> metadata;

		private ToolSelection tools = ToolSelection.DEFAULT;

		private String origin = DEFAULT_ORIGIN;

		private Builder() {
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
		 * The agent.
		 * @param agent the agent
		 * @return this builder
		 */
		public Builder agent(Agent agent) {
			this.agent = Validate.notNull("agent", agent);
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
		 * A proxy without credentials.
		 * @param server {@code http://host:port}, {@code https://...} or
		 * {@code socks5://host:port}
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
		 * @param server {@code http://host:port}, {@code https://...} or
		 * {@code socks5://host:port}
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
		 * Adds a client certificate from a PKCS#12 resource, such as
		 * {@code classpath:client.p12}.
		 * @param pkcs12 the resource
		 * @param password its password, or {@code null}
		 * @return this builder
		 */
		public Builder certificate(Resource pkcs12, @Nullable String password) {
			return certificate(Certificate.of(pkcs12, password));
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
		 * Files the agent can use, by id (see {@code smooth.files()}).
		 * @param fileIds the ids
		 * @return this builder
		 */
		public Builder files(String... fileIds) {
			this.files = ids("files", fileIds);
			return this;
		}

		/**
		 * Restricts the browser to URLs matching these globs, such as
		 * {@code https://**.example.com/**}.
		 * @param patterns the globs
		 * @return this builder
		 */
		public Builder allowedUrls(String... patterns) {
			this.allowedUrls = ids("allowedUrls", patterns);
			return this;
		}

		/**
		 * Whether stealth mode is on ({@code use_stealth}).
		 * @param enable whether to use stealth
		 * @return this builder
		 */
		public Builder stealth(boolean enable) {
			this.stealth = enable;
			return this;
		}

		/**
		 * Whether ads are blocked ({@code use_adblock}).
		 * @param enable whether to block ads
		 * @return this builder
		 */
		public Builder adblock(boolean enable) {
			this.adblock = enable;
			return this;
		}

		/**
		 * Whether captchas are solved ({@code use_captcha_solver}).
		 * @param enable whether to solve captchas
		 * @return this builder
		 */
		public Builder captchaSolver(boolean enable) {
			this.captchaSolver = enable;
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
		 * Whether a video is recorded ({@code enable_recording}).
		 * @param enable whether to record
		 * @return this builder
		 */
		public Builder recording(boolean enable) {
			this.recording = enable;
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
		 * Adds a metadata variable of a session, shown to its agent. A task's
		 * {@link Instruction} metadata, when set, is sent instead.
		 * @param key the key
		 * @param value a string, number or boolean
		 * @return this builder
		 */
		public Builder metadata(String key, Object value) {
			this.metadata = Validate.withMetadata("metadata", this.metadata, key, value);
			return this;
		}

		/**
		 * Replaces the session metadata.
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
		 * Offers exactly these custom tools instead of the default set.
		 * @param names the tool names
		 * @return this builder
		 */
		public Builder tools(String... names) {
			ids("tools", names);
			this.tools = ToolSelection.names(names);
			return this;
		}

		/**
		 * Offers every custom tool of these groups instead of the default set.
		 * @param groups the group names
		 * @return this builder
		 */
		public Builder toolGroups(String... groups) {
			ids("toolGroups", groups);
			this.tools = ToolSelection.groups(groups);
			return this;
		}

		/**
		 * Offers the custom tools of this selection.
		 * @param selection the selection
		 * @return this builder
		 */
		public Builder tools(ToolSelection selection) {
			this.tools = Validate.notNull("tools", selection);
			return this;
		}

		/**
		 * Offers no custom tools.
		 * @return this builder
		 */
		public Builder noTools() {
			this.tools = ToolSelection.none();
			return this;
		}

		/**
		 * Who starts the task or session, such as {@code spring-ai} for a task a model
		 * started: the {@code origin} tag of its {@code smooth.task} observation and its
		 * credit meters (default {@value #DEFAULT_ORIGIN}). Never sent to the server. A
		 * tag value, so it must come from a small fixed set, never from user input.
		 * @param origin 1 to 32 lower-case letters, digits, '.', '_' or '-', starting
		 * with a letter or digit
		 * @return this builder
		 */
		public Builder origin(String origin) {
			Validate.notBlank("origin", origin);
			if (!ORIGIN.matcher(origin).matches()) {
				throw new SmoothValidationException("origin", origin,
						"must be 1 to 32 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
			}
			this.origin = origin;
			return this;
		}

		/**
		 * Builds the immutable options.
		 * @return the options
		 */
		public BrowserOptions build() {
			return new BrowserOptions(this);
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
