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
import java.util.function.Consumer;

import sh.smooth.spring.browser.BrowserOptions;
import sh.smooth.spring.browser.Instruction;
import sh.smooth.spring.runtime.TaskKeys;
import sh.smooth.spring.support.Validate;

/**
 * A one-shot task: what the agent should do ({@link Instruction}: text, starting URL,
 * structured output, metadata, step budget) and the browser it does it in
 * ({@link BrowserOptions}). Options left unset take the defaults from
 * {@code smooth.task.*}. An idempotency key and a correlation key, kept by the task store
 * and never sent to Smooth, serve a fleet of instances (see {@code docs/fleet.md}). Built
 * with {@link #builder(String)}; validated as it is built, before any HTTP call.
 * Immutable. <pre class="code">
 * SmoothTask task = SmoothTask.builder("Find the cheapest flight NYC to LA")
 *     .url("https://flights.example.com")
 *     .outputType(Flight.class)
 *     .browser((browser) -&gt; browser.device(Device.MOBILE).tools("crm"))
 *     .build();
 * </pre>
 */
public final class SmoothTask {

	private final Instruction instruction;

	private final BrowserOptions browser;

	private final TaskKeys keys;

	private SmoothTask(Builder b) {
		this.instruction = b.instruction();
		this.browser = b.browser.build();
		this.keys = new TaskKeys(b.idempotencyKey, b.correlationKey);
	}

	private SmoothTask(Instruction instruction, BrowserOptions browser, TaskKeys keys) {
		this.instruction = instruction;
		this.browser = browser;
		this.keys = keys;
	}

	/**
	 * Starts a task specification.
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
	 * The browser the task runs in.
	 * @return the options
	 */
	public BrowserOptions browser() {
		return this.browser;
	}

	/**
	 * The keys the task store keeps for this submit.
	 * @return the idempotency and correlation keys
	 */
	public TaskKeys keys() {
		return this.keys;
	}

	/**
	 * A copy that asks for a structured answer of another type.
	 * @param outputType the type whose JSON Schema is sent as the response model
	 * @return the copy
	 */
	public SmoothTask withOutputType(Type outputType) {
		return new SmoothTask(this.instruction.withOutputType(outputType), this.browser, this.keys);
	}

	@Override
	public String toString() {
		return "SmoothTask[" + this.instruction + ", " + this.browser + "]";
	}

	/**
	 * Builds a {@link SmoothTask}: the {@link Instruction} setters plus the browser
	 * options.
	 */
	public static final class Builder extends Instruction.Builder<Builder> {

		private BrowserOptions.Builder browser = BrowserOptions.builder();

		private @org.jspecify.annotations.Nullable String idempotencyKey;

		private @org.jspecify.annotations.Nullable String correlationKey;

		private Builder(String task) {
			super(task);
		}

		/**
		 * The browser options, replacing any set before.
		 * @param options the options
		 * @return this builder
		 */
		public Builder browser(BrowserOptions options) {
			this.browser = Validate.notNull("browser", options).toBuilder();
			return this;
		}

		/**
		 * Sets browser options, such as
		 * {@code browser((b) -> b.device(Device.MOBILE).tools("crm"))}.
		 * @param options sets options on the builder
		 * @return this builder
		 */
		public Builder browser(Consumer<BrowserOptions.Builder> options) {
			Validate.notNull("browser", options).accept(this.browser);
			return this;
		}

		/**
		 * An idempotency key: a second submit with the same key, from any instance of a
		 * fleet sharing a task store, returns the task of the first instead of creating
		 * (and billing) another. Kept by the task store, never sent to Smooth.
		 * @param key not blank, at most {@value TaskKeys#MAX_LENGTH} characters
		 * @return this builder
		 */
		public Builder idempotencyKey(String key) {
			this.idempotencyKey = TaskKeys.check("idempotencyKey", Validate.notNull("idempotencyKey", key));
			return this;
		}

		/**
		 * A correlation key of the application (an order number, say), given back with
		 * the task's {@code SmoothTaskCompletedEvent}, whichever instance finishes it.
		 * Kept by the task store, never sent to Smooth.
		 * @param key not blank, at most {@value TaskKeys#MAX_LENGTH} characters
		 * @return this builder
		 */
		public Builder correlationKey(String key) {
			this.correlationKey = TaskKeys.check("correlationKey", Validate.notNull("correlationKey", key));
			return this;
		}

		/**
		 * Builds the immutable task.
		 * @return the task
		 */
		public SmoothTask build() {
			return new SmoothTask(this);
		}

	}

}
