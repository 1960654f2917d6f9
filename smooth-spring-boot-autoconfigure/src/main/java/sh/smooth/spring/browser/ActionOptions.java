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

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import sh.smooth.spring.error.SmoothValidationException;
import sh.smooth.spring.support.Validate;

/**
 * The options of one browser action, set by the caller through a
 * {@code Consumer<ActionOptions>}: {@code s.extract(Flight.class, (o) -> o.prompt("the
 * cheapest").timeout(Duration.ofMinutes(1)))}. Each setter checks its argument at once;
 * an option the action does not take (a prompt on {@code goTo}) is rejected before
 * anything is sent, with a message naming the option and the action.
 */
public final class ActionOptions {

	private @Nullable Duration timeout;

	private @Nullable String prompt;

	private @Nullable Map<String, ?> args;

	private ActionOptions() {
	}

	/**
	 * Reads the options a caller sets.
	 * @param options sets the options, or {@code null} for none
	 * @param action the action, for messages ({@code goto}, {@code extract}, ...)
	 * @param allowed the options the action takes besides {@code timeout}
	 * ({@code "prompt"}, {@code "args"})
	 * @return the options
	 * @throws SmoothValidationException when an option does not apply to the action
	 */
	public static ActionOptions of(@Nullable Consumer<ActionOptions> options, String action, String... allowed) {
		ActionOptions result = new ActionOptions();
		if (options == null) {
			return result;
		}
		options.accept(result);
		Set<String> takes = Set.of(allowed);
		if (result.prompt != null && !takes.contains("prompt")) {
			throw new SmoothValidationException("prompt", result.prompt, "does not apply to " + action);
		}
		if (result.args != null && !takes.contains("args")) {
			throw new SmoothValidationException("args", result.args.keySet(), "does not apply to " + action);
		}
		return result;
	}

	/**
	 * How long to wait for the result (default {@code smooth.session.action-timeout});
	 * the session stays usable when it passes.
	 * @param timeout a positive duration
	 * @return these options
	 */
	public ActionOptions timeout(Duration timeout) {
		this.timeout = Validate.positive("timeout", timeout);
		return this;
	}

	/**
	 * What to extract ({@code extract} only); without it the type or schema alone guides
	 * the extraction.
	 * @param prompt the prompt
	 * @return these options
	 */
	public ActionOptions prompt(String prompt) {
		this.prompt = Validate.notBlank("prompt", prompt);
		return this;
	}

	/**
	 * The arguments of a JavaScript function ({@code evaluateJs} only), such as
	 * {@code Map.of("x", 1, "y", 2)} for {@code (a) => a.x + a.y}; serialised as a JSON
	 * object.
	 * @param args the arguments
	 * @return these options
	 */
	public ActionOptions args(Map<String, ?> args) {
		this.args = Validate.notNull("args", args);
		return this;
	}

	/**
	 * The timeout set.
	 * @param fallback the default
	 * @return the timeout, or the default when none was set
	 */
	public Duration timeoutOr(Duration fallback) {
		return (this.timeout != null) ? this.timeout : fallback;
	}

	/**
	 * The prompt set.
	 * @return the prompt, or {@code null}
	 */
	public @Nullable String prompt() {
		return this.prompt;
	}

	/**
	 * The arguments set.
	 * @return the arguments, or {@code null}
	 */
	public @Nullable Map<String, ?> args() {
		return this.args;
	}

}
