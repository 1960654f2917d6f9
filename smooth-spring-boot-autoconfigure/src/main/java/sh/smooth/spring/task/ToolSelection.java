package sh.smooth.spring.task;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Which custom tools go into a task's {@code custom_tools}.
 *
 * @param names {@code null} for the default ({@code smooth.tools.attach}), an empty list
 * for none, otherwise exactly these tools
 */
public record ToolSelection(@Nullable List<String> names) {

	/** The default: {@code smooth.tools.attach} decides. */
	public static final ToolSelection DEFAULT = new ToolSelection(null);

	/** No tools. */
	public static final ToolSelection NONE = new ToolSelection(List.of());

	/**
	 * Whether the default applies.
	 * @return whether no explicit choice was made
	 */
	public boolean isDefault() {
		return this.names == null;
	}

}
