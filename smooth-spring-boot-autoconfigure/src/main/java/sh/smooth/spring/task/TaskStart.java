package sh.smooth.spring.task;

import org.jspecify.annotations.Nullable;

import sh.smooth.spring.api.TaskRequest;

/**
 * A task or session about to start (or being attached to), as seen by
 * {@link TaskSupport}s.
 *
 * @param kind task or session
 * @param request the request body, {@code null} when attaching to an existing task
 * @param tools the custom tools selection
 */
public record TaskStart(TaskKind kind, @Nullable TaskRequest request, ToolSelection tools) {

	/**
	 * A copy with another request body.
	 * @param next the body
	 * @return the copy
	 */
	public TaskStart withRequest(TaskRequest next) {
		return new TaskStart(this.kind, next, this.tools);
	}

}
