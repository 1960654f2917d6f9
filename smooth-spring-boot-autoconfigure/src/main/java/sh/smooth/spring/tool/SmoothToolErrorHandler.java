package sh.smooth.spring.tool;

/**
 * Turns every failed tool call (unknown tool, bad arguments, an exception, a timeout)
 * into the answer the agent gets. Declare a bean to replace
 * {@link DefaultSmoothToolErrorHandler}. Called on the tool executor or the polling
 * scheduler: it must return quickly and not block.
 */
@FunctionalInterface
public interface SmoothToolErrorHandler {

	/**
	 * The answer to a failed call.
	 * @param failure what went wrong
	 * @return the reply, normally code 400 or 500
	 */
	ToolReply handle(ToolFailure failure);

}
