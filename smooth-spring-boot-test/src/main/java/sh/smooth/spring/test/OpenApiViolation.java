package sh.smooth.spring.test;

/**
 * A request that broke the official OpenAPI document.
 *
 * @param request the offending request
 * @param key the validator's message key, such as
 * {@code validation.request.body.schema.maximum}
 * @param message the validator's message
 */
public record OpenApiViolation(RecordedRequest request, String key, String message) {

	@Override
	public String toString() {
		return this.request.method() + " " + this.request.path() + " [" + this.key + "] " + this.message;
	}

}
