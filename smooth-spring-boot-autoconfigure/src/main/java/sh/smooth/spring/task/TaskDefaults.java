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

import sh.smooth.spring.browser.Agent;
import sh.smooth.spring.browser.Device;
import sh.smooth.spring.support.Validate;

/**
 * Values used for task fields a task leaves unset ({@code smooth.task.*}).
 *
 * @param agent the agent
 * @param device the device
 * @param maxSteps the step budget
 * @param enableRecording whether to record a video
 * @param useStealth whether stealth mode is on
 * @param useAdblock whether ads are blocked
 * @param useCaptchaSolver whether captchas are solved
 * @param showCursor whether the cursor is drawn
 */
public record TaskDefaults(Agent agent, Device device, int maxSteps, boolean enableRecording, boolean useStealth,
		boolean useAdblock, boolean useCaptchaSolver, boolean showCursor) {

	/** The official SDKs' defaults. */
	public static final TaskDefaults SDK_DEFAULTS = new TaskDefaults(Agent.SMOOTH, Device.DESKTOP, 32, true, true, true,
			true, false);

	public TaskDefaults {
		Validate.notNull("smooth.task.agent", agent);
		Validate.notNull("smooth.task.device", device);
		Validate.maxSteps("smooth.task.max-steps", maxSteps);
	}

}
