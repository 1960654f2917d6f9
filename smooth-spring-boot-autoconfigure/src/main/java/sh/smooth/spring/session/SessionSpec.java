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

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;

import sh.smooth.spring.browser.Agent;
import sh.smooth.spring.browser.Certificate;
import sh.smooth.spring.browser.Device;
import sh.smooth.spring.task.SmoothTask;

/**
 * The options of a browser session: every task option except the task text, the starting
 * URL and structured output (navigate with {@link SmoothSession#goTo(String)} instead).
 * Unset options take the defaults from {@code smooth.task.*}. Built with
 * {@link #builder()}; each setter validates at once. Immutable.
 * <p>
 * The proxy password and certificates are secrets and are masked in {@link #toString()},
 * as are credentials in the user-info part of a URL ({@code http://user:pw@proxy:8080}).
 */
public final class SessionSpec {

	private final SmoothTask options;

	private SessionSpec(SmoothTask options) {
		this.options = options;
	}

	/**
	 * Starts a session specification.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A session with every default.
	 * @return the specification
	 */
	public static SessionSpec defaults() {
		return builder().build();
	}

	/**
	 * The options as a task specification with no task text, for {@code POST /task}.
	 * @return the options
	 */
	public SmoothTask options() {
		return this.options;
	}

	@Override
	public String toString() {
		return "SessionSpec[" + this.options + "]";
	}

	/**
	 * Builds a {@link SessionSpec}. The checks are those of {@link SmoothTask.Builder},
	 * which this builder fills.
	 */
	public static final class Builder {

		private final SmoothTask.Builder options = SmoothTask.sessionOptions();

		private Builder() {
		}

		/**
		 * The device.
		 * @param device the device
		 * @return this builder
		 */
		public Builder device(Device device) {
			this.options.device(device);
			return this;
		}

		/**
		 * A browser profile whose cookies the session uses; changes are saved back.
		 * @param profileId the profile id
		 * @return this builder
		 */
		public Builder profile(String profileId) {
			this.options.profile(profileId);
			return this;
		}

		/**
		 * A browser profile.
		 * @param profileId the profile id
		 * @param readOnly whether to leave the profile unchanged
		 * @return this builder
		 */
		public Builder profile(String profileId, boolean readOnly) {
			this.options.profile(profileId, readOnly);
			return this;
		}

		/**
		 * A proxy without credentials.
		 * @param server {@code http://host:port} or {@code socks5://host:port}
		 * @return this builder
		 */
		public Builder proxy(String server) {
			this.options.proxy(server);
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
			this.options.proxy(server, username, password);
			return this;
		}

		/**
		 * Adds a client certificate.
		 * @param certificate the certificate
		 * @return this builder
		 */
		public Builder certificate(Certificate certificate) {
			this.options.certificate(certificate);
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
			this.options.certificate(Certificate.of(pkcs12, password));
			return this;
		}

		/**
		 * Chrome extensions to load, by id.
		 * @param extensionIds the ids
		 * @return this builder
		 */
		public Builder extensions(String... extensionIds) {
			this.options.extensions(extensionIds);
			return this;
		}

		/**
		 * Files the agent can use, by id.
		 * @param fileIds the ids
		 * @return this builder
		 */
		public Builder files(String... fileIds) {
			this.options.files(fileIds);
			return this;
		}

		/**
		 * Restricts the browser to URLs matching these globs, such as
		 * {@code https://**.example.com/**}.
		 * @param patterns the globs
		 * @return this builder
		 */
		public Builder allowedUrls(String... patterns) {
			this.options.allowedUrls(patterns);
			return this;
		}

		/**
		 * The agent that runs {@code run_task} steps.
		 * @param agent the agent
		 * @return this builder
		 */
		public Builder agent(Agent agent) {
			this.options.agent(agent);
			return this;
		}

		/**
		 * Whether to record a video.
		 * @param enable whether to record
		 * @return this builder
		 */
		public Builder enableRecording(boolean enable) {
			this.options.enableRecording(enable);
			return this;
		}

		/**
		 * Whether stealth mode is on.
		 * @param enable whether to use stealth
		 * @return this builder
		 */
		public Builder useStealth(boolean enable) {
			this.options.useStealth(enable);
			return this;
		}

		/**
		 * Whether ads are blocked.
		 * @param enable whether to block ads
		 * @return this builder
		 */
		public Builder useAdblock(boolean enable) {
			this.options.useAdblock(enable);
			return this;
		}

		/**
		 * Whether captchas are solved.
		 * @param enable whether to solve captchas
		 * @return this builder
		 */
		public Builder useCaptchaSolver(boolean enable) {
			this.options.useCaptchaSolver(enable);
			return this;
		}

		/**
		 * Whether the mouse cursor is drawn (useful in recordings).
		 * @param show whether to draw it
		 * @return this builder
		 */
		public Builder showCursor(boolean show) {
			this.options.showCursor(show);
			return this;
		}

		/**
		 * Enables a built-in agent tool with its defaults, such as {@code hover}.
		 * @param name the tool name
		 * @return this builder
		 */
		public Builder additionalTool(String name) {
			this.options.additionalTool(name);
			return this;
		}

		/**
		 * Enables a built-in agent tool with a configuration, such as {@code screenshot}
		 * with {@code Map.of("full_page", true)}.
		 * @param name the tool name
		 * @param config the configuration, or {@code null}
		 * @return this builder
		 */
		public Builder additionalTool(String name, @Nullable Object config) {
			this.options.additionalTool(name, config);
			return this;
		}

		/**
		 * Sets an experimental feature flag.
		 * @param name the feature
		 * @param value its value
		 * @return this builder
		 */
		public Builder experimentalFeature(String name, Object value) {
			this.options.experimentalFeature(name, value);
			return this;
		}

		/**
		 * Adds a metadata variable shown to the agent.
		 * @param key the key
		 * @param value a string, number or boolean
		 * @return this builder
		 */
		public Builder metadata(String key, Object value) {
			this.options.metadata(key, value);
			return this;
		}

		/**
		 * Replaces the metadata.
		 * @param metadata at most 16 scalar values
		 * @return this builder
		 */
		public Builder metadata(Map<String, ?> metadata) {
			this.options.metadata(metadata);
			return this;
		}

		/**
		 * Attaches exactly these custom tools instead of the default set.
		 * @param names the tool names
		 * @return this builder
		 */
		public Builder tools(String... names) {
			this.options.tools(names);
			return this;
		}

		/**
		 * Attaches no custom tools.
		 * @return this builder
		 */
		public Builder noTools() {
			this.options.noTools();
			return this;
		}

		/**
		 * Builds the immutable specification.
		 * @return the specification
		 */
		public SessionSpec build() {
			return new SessionSpec(this.options.build());
		}

	}

}
