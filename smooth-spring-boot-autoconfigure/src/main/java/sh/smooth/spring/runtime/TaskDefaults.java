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

package sh.smooth.spring.runtime;

import sh.smooth.spring.browser.Agent;
import sh.smooth.spring.browser.Device;
import sh.smooth.spring.support.Validate;

/**
 * The values a request gets for the options a task or session leaves unset
 * ({@code smooth.task.*}). The constants are the one place each default is written: the
 * {@code @DefaultValue}s of the properties name them, and {@link #standard()} parses them
 * for clients built without Spring Boot.
 *
 * @param agent the agent
 * @param device the device
 * @param maxSteps the step budget, of tasks and of {@code run_task} alike
 * @param recording whether to record a video
 * @param stealth whether stealth mode is on
 * @param adblock whether ads are blocked
 * @param captchaSolver whether captchas are solved
 * @param showCursor whether the cursor is drawn
 */
public record TaskDefaults(Agent agent, Device device, int maxSteps, boolean recording, boolean stealth,
		boolean adblock, boolean captchaSolver, boolean showCursor) {

	/** The default agent, as the official SDKs send it. */
	public static final String AGENT = "smooth";

	/** The default device. */
	public static final String DEVICE = "desktop";

	/** The default step budget. */
	public static final String MAX_STEPS = "32";

	/** Whether tasks are recorded by default. */
	public static final String RECORDING = "true";

	/** Whether stealth mode is on by default. */
	public static final String STEALTH = "true";

	/** Whether ads are blocked by default. */
	public static final String ADBLOCK = "true";

	/** Whether captchas are solved by default. */
	public static final String CAPTCHA_SOLVER = "true";

	/** Whether the cursor is drawn by default. */
	public static final String SHOW_CURSOR = "false";

	public TaskDefaults {
		Validate.notNull("smooth.task.agent", agent);
		Validate.notNull("smooth.task.device", device);
		Validate.maxSteps("smooth.task.max-steps", maxSteps);
	}

	/**
	 * The defaults the constants name, for a client built without Spring Boot.
	 * @return the defaults
	 */
	public static TaskDefaults standard() {
		return new TaskDefaults(Agent.of(AGENT), Device.of(DEVICE), Integer.parseInt(MAX_STEPS),
				Boolean.parseBoolean(RECORDING), Boolean.parseBoolean(STEALTH), Boolean.parseBoolean(ADBLOCK),
				Boolean.parseBoolean(CAPTCHA_SOLVER), Boolean.parseBoolean(SHOW_CURSOR));
	}

}
