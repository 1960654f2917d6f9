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
package sh.smooth.spring.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The team's URL patterns for tasks started by a model, in Smooth's glob syntax:
 * {@code **} matches anything, {@code *} anything but {@code /}. A URL is allowed when a
 * pattern matches it without its query and fragment. A model's own pattern is accepted
 * only when it is no wider than a team pattern: the team pattern must match the model's
 * pattern as text, where a team {@code *} may stand for a model {@code *} but never for a
 * {@code **}. Empty: everything is allowed. Immutable.
 */
final class UrlPatterns {

	private final List<String> patterns;

	private final List<Pattern> urlMatchers;

	private final List<Pattern> patternMatchers;

	UrlPatterns(List<String> patterns) {
		this.patterns = List.copyOf(patterns);
		this.urlMatchers = this.patterns.stream().map((p) -> compile(p, "[^/]*")).toList();
		// a single-star may cover the model's single stars, but not its double stars
		this.patternMatchers = this.patterns.stream().map((p) -> compile(p, "(?:[^/*]|(?<!\\*)\\*(?!\\*))*")).toList();
	}

	private static Pattern compile(String glob, String singleStar) {
		StringBuilder regex = new StringBuilder();
		int i = 0;
		while (i < glob.length()) {
			char c = glob.charAt(i);
			if (c == '*') {
				boolean twice = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
				regex.append(twice ? ".*" : singleStar);
				i += twice ? 2 : 1;
			}
			else {
				int next = glob.indexOf('*', i);
				int end = (next < 0) ? glob.length() : next;
				regex.append(Pattern.quote(glob.substring(i, end)));
				i = end;
			}
		}
		return Pattern.compile(regex.toString());
	}

	boolean isEmpty() {
		return this.patterns.isEmpty();
	}

	List<String> patterns() {
		return this.patterns;
	}

	boolean allows(String url) {
		if (isEmpty()) {
			return true;
		}
		String bare = url;
		for (char cut : new char[] { '#', '?' }) {
			int at = bare.indexOf(cut);
			bare = (at < 0) ? bare : bare.substring(0, at);
		}
		String candidate = bare;
		return this.urlMatchers.stream().anyMatch((m) -> m.matcher(candidate).matches());
	}

	/**
	 * The patterns a model's task is confined to.
	 * @param requested the model's patterns, possibly empty
	 * @return the team's patterns when the model gave none, else the model's
	 * @throws SmoothAiRefusal when a model pattern is wider than every team pattern
	 */
	List<String> narrow(List<String> requested) {
		if (requested.isEmpty()) {
			return this.patterns;
		}
		if (isEmpty()) {
			return requested;
		}
		List<String> wider = new ArrayList<>();
		for (String pattern : requested) {
			if (this.patternMatchers.stream().noneMatch((m) -> m.matcher(pattern).matches())) {
				wider.add(pattern);
			}
		}
		if (!wider.isEmpty()) {
			throw new SmoothAiRefusal("allowed_urls " + wider + " would widen what this application allows; use "
					+ "patterns within " + this.patterns + ", or leave allowed_urls out to get exactly those");
		}
		return requested;
	}

}
