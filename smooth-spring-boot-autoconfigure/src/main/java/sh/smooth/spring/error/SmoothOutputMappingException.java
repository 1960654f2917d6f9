package sh.smooth.spring.error;

/**
 * The task output could not be converted to the requested Java type. The message shows
 * the JSON path where it failed.
 */
public class SmoothOutputMappingException extends SmoothException {

	private final String path;

	public SmoothOutputMappingException(String targetType, String path, String problem, Throwable cause) {
		super("Cannot convert the Smooth output to " + targetType + " at " + path + ": " + problem, cause);
		this.path = path;
	}

	/**
	 * The JSON path (such as {@code $.stories[2].points}) where conversion failed.
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

}
