package sh.smooth.spring.tool;

/**
 * The call a tool is answering. Declare it as a parameter of a {@link SmoothTool} method
 * to get it injected; it is not part of the input schema.
 */
public final class SmoothToolContext {

	private final String taskId;

	private final String eventId;

	private final String toolName;

	/**
	 * Creates a context.
	 * @param taskId the task or session that called the tool
	 * @param eventId the id of the {@code tool_call} event
	 * @param toolName the tool name
	 */
	public SmoothToolContext(String taskId, String eventId, String toolName) {
		this.taskId = taskId;
		this.eventId = eventId;
		this.toolName = toolName;
	}

	/**
	 * The task or session that called the tool.
	 * @return the task id
	 */
	public String taskId() {
		return this.taskId;
	}

	/**
	 * The id of the {@code tool_call} event; the answer carries the same id.
	 * @return the event id
	 */
	public String eventId() {
		return this.eventId;
	}

	/**
	 * The tool name.
	 * @return the name
	 */
	public String toolName() {
		return this.toolName;
	}

	@Override
	public String toString() {
		return "SmoothToolContext[task=" + this.taskId + ", event=" + this.eventId + ", tool=" + this.toolName + "]";
	}

}
