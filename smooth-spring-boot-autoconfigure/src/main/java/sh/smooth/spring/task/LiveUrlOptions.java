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

import java.time.Duration;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import sh.smooth.spring.support.Validate;

/**
 * The options of a live view URL, set through a {@code Consumer<LiveUrlOptions>}:
 * {@code handle.liveUrl((o) -> o.interactive(false).embed(true))}.
 */
public final class LiveUrlOptions {

	private boolean interactive = true;

	private boolean embed;

	private @Nullable Duration timeout;

	private LiveUrlOptions() {
	}

	/**
	 * Reads the options a caller sets.
	 * @param options sets the options, or {@code null} for the defaults
	 * @return the options
	 */
	public static LiveUrlOptions of(@Nullable Consumer<LiveUrlOptions> options) {
		LiveUrlOptions result = new LiveUrlOptions();
		if (options != null) {
			options.accept(result);
		}
		return result;
	}

	/**
	 * Whether the viewer can control the browser (default {@code true}).
	 * @param interactive whether it is interactive
	 * @return these options
	 */
	public LiveUrlOptions interactive(boolean interactive) {
		this.interactive = interactive;
		return this;
	}

	/**
	 * Whether the view is made for an iframe (default {@code false}).
	 * @param embed whether it is embedded
	 * @return these options
	 */
	public LiveUrlOptions embed(boolean embed) {
		this.embed = embed;
		return this;
	}

	/**
	 * How long to wait for the browser to come up (default
	 * {@code smooth.task.live-url-timeout}).
	 * @param timeout a positive duration
	 * @return these options
	 */
	public LiveUrlOptions timeout(Duration timeout) {
		this.timeout = Validate.positive("timeout", timeout);
		return this;
	}

	/**
	 * Whether the view is interactive.
	 * @return the flag
	 */
	public boolean isInteractive() {
		return this.interactive;
	}

	/**
	 * Whether the view is embedded.
	 * @return the flag
	 */
	public boolean isEmbed() {
		return this.embed;
	}

	/**
	 * The timeout set.
	 * @param fallback the default
	 * @return the timeout, or the default
	 */
	public Duration timeoutOr(Duration fallback) {
		return (this.timeout != null) ? this.timeout : fallback;
	}

}
