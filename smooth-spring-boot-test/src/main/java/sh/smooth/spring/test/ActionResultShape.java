package sh.smooth.spring.test;

/**
 * How successful session-action results are shaped in {@code payload.output}.
 */
public enum ActionResultShape {

	/**
	 * {@code {"code":200,"output":{"output":v,"credits_used":n,"duration":s}}}, as the
	 * official SDK models and tests expect.
	 */
	SDK,

	/**
	 * {@code {"code":200,"output":v}}, as the REST docs examples show.
	 */
	PLAIN

}
