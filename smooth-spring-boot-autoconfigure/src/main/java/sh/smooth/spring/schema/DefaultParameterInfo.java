package sh.smooth.spring.schema;

/**
 * The answer of {@link ParameterInfo#defaults()}: every method keeps its default. A class
 * of its own because an interface cannot hold a non-public constant.
 */
final class DefaultParameterInfo implements ParameterInfo {

	static final DefaultParameterInfo INSTANCE = new DefaultParameterInfo();

	private DefaultParameterInfo() {
	}

}
