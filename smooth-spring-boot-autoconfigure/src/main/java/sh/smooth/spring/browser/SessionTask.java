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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import sh.smooth.spring.error.Redaction;
import sh.smooth.spring.error.SmoothValidationException;
import sh.smooth.spring.support.Validate;

/**
 * A small agent task run inside an open browser ({@code run_task}): an
 * {@link Instruction} plus secrets the agent may type. It shares the browser, starting
 * from the current page unless a URL is given. Built with {@link #builder(String)};
 * validated as it is built. Immutable.
 * <p>
 * Secret values are sent to the server only; {@link #toString()} shows their names, never
 * their values.
 */
public final class SessionTask {

	private final Instruction instruction;

	private final Map<String, Secret> secrets;

	private SessionTask(Builder b) {
		this.instruction = b.instruction();
		this.secrets = Collections.unmodifiableMap(new LinkedHashMap<>(b.secrets));
	}

	/**
	 * Starts a run_task specification.
	 * @param task what the agent should do, in plain language
	 * @return the builder
	 */
	public static Builder builder(String task) {
		return new Builder(task);
	}

	/**
	 * What the agent should do.
	 * @return the instruction
	 */
	public Instruction instruction() {
		return this.instruction;
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
		return "SessionTask[task=" + this.instruction.text() + ", maxSteps=" + this.instruction.maxSteps() + ", url="
				+ Redaction.url(this.instruction.url()) + ", secrets=" + this.secrets.keySet() + " (values masked)]";
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
	 * Builds a {@link SessionTask}: the {@link Instruction} setters plus secrets.
	 */
	public static final class Builder extends Instruction.Builder<Builder> {

		private final Map<String, Secret> secrets = new LinkedHashMap<>();

		private Builder(String task) {
			super(task);
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
