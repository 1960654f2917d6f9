package sh.smooth.spring.task;

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
