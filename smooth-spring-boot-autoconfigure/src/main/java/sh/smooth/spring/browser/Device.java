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

import java.util.Arrays;
import java.util.Locale;

import sh.smooth.spring.error.SmoothValidationException;

/**
 * The browser device the agent uses.
 */
public enum Device {

	/** A desktop browser (the default). */
	DESKTOP("desktop"),

	/** A mobile browser. */
	MOBILE("mobile"),

	/** A large desktop viewport. */
	DESKTOP_LG("desktop-lg");

	private final String value;

	Device(String value) {
		this.value = value;
	}

	/**
	 * The wire value.
	 * @return the value, such as {@code desktop-lg}
	 */
	public String value() {
		return this.value;
	}

	/**
	 * Parses a wire value or an enum name.
	 * @param value the value
	 * @return the device
	 */
	public static Device of(String value) {
		String normalized = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
		return Arrays.stream(values())
			.filter((d) -> d.value.equals(normalized))
			.findFirst()
			.orElseThrow(
					() -> new SmoothValidationException("device", value, "must be one of desktop, mobile, desktop-lg"));
	}

}
