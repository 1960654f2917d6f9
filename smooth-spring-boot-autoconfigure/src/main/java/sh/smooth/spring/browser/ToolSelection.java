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

package sh.smooth.spring.browser;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import sh.smooth.spring.error.SmoothValidationException;
import sh.smooth.spring.support.Validate;

/**
 * Which custom tools a task or session is offered in its {@code custom_tools}: the agent
 * can call only those, a call to any other tool is answered "unknown tool".
 * <ul>
 * <li>{@link #defaults()}: the application's default selection
 * ({@code smooth.tools.attach}, narrowed by {@code smooth.tools.default-groups});</li>
 * <li>{@link #none()}: no tools;</li>
 * <li>{@link #all()}: every tool of the application, whatever the default;</li>
 * <li>{@link #names(String...)} and {@link #groups(String...)}, combined with
 * {@link #andNames(String...)} and {@link #andGroups(String...)}: exactly the named tools
 * plus every tool in one of the named groups ({@code @SmoothTool(groups = ...)}).</li>
 * </ul>
 * A name or group the application does not have fails the task before any HTTP call, with
 * a message listing what exists. Immutable.
 */
public final class ToolSelection {

	/**
	 * The default: {@code smooth.tools.attach} and {@code smooth.tools.default-groups}
	 * decide.
	 */
	public static final ToolSelection DEFAULT = new ToolSelection(true, false, Set.of(), Set.of());

	/** No tools. */
	public static final ToolSelection NONE = new ToolSelection(false, false, Set.of(), Set.of());

	private static final ToolSelection ALL = new ToolSelection(false, true, Set.of(), Set.of());

	private final boolean isDefault;

	private final boolean all;

	private final Set<String> names;

	private final Set<String> groups;

	private ToolSelection(boolean isDefault, boolean all, Set<String> names, Set<String> groups) {
		this.isDefault = isDefault;
		this.all = all;
		this.names = names;
		this.groups = groups;
	}

	/**
	 * The application's default selection.
	 * @return {@link #DEFAULT}
	 */
	public static ToolSelection defaults() {
		return DEFAULT;
	}

	/**
	 * No tools at all.
	 * @return {@link #NONE}
	 */
	public static ToolSelection none() {
		return NONE;
	}

	/**
	 * Every tool of the application, even when the default offers fewer.
	 * @return the selection
	 */
	public static ToolSelection all() {
		return ALL;
	}

	/**
	 * Exactly these tools.
	 * @param names tool names
	 * @return the selection
	 * @throws SmoothValidationException when the array or a name is null or blank
	 */
	public static ToolSelection names(String... names) {
		return NONE.andNames(names);
	}

	/**
	 * Every tool in one of these groups.
	 * @param groups group names, as in {@code @SmoothTool(groups = ...)}
	 * @return the selection
	 * @throws SmoothValidationException when the array or a group is null or blank
	 */
	public static ToolSelection groups(String... groups) {
		return NONE.andGroups(groups);
	}

	/**
	 * This selection plus these tools.
	 * @param names tool names
	 * @return a new selection
	 * @throws SmoothValidationException when the array or a name is null or blank
	 * @throws IllegalStateException on {@link #DEFAULT}, whose content is decided by the
	 * configuration: start from {@link #names} or {@link #groups}
	 */
	public ToolSelection andNames(String... names) {
		return new ToolSelection(false, this.all, union(this.names, "names", names), this.groups);
	}

	/**
	 * This selection plus every tool in these groups.
	 * @param groups group names
	 * @return a new selection
	 * @throws SmoothValidationException when the array or a group is null or blank
	 * @throws IllegalStateException on {@link #DEFAULT}
	 */
	public ToolSelection andGroups(String... groups) {
		return new ToolSelection(false, this.all, this.names, union(this.groups, "groups", groups));
	}

	private Set<String> union(Set<String> current, String field, String @Nullable [] values) {
		if (this.isDefault) {
			throw new IllegalStateException("The default tool selection cannot be extended: its tools depend on "
					+ "smooth.tools.attach and smooth.tools.default-groups; start from ToolSelection.names(...) or "
					+ "ToolSelection.groups(...)");
		}
		if (values == null) {
			throw new SmoothValidationException(field, null, "must not be null");
		}
		Set<String> result = new LinkedHashSet<>(current);
		for (int i = 0; i < values.length; i++) {
			result.add(Validate.notBlank(field + "[" + i + "]", values[i]));
		}
		return Collections.unmodifiableSet(result);
	}

	/**
	 * Whether the default applies.
	 * @return whether no explicit choice was made
	 */
	public boolean isDefault() {
		return this.isDefault;
	}

	/**
	 * Whether every tool of the application is selected.
	 * @return whether this is {@link #all()}
	 */
	public boolean isAll() {
		return this.all;
	}

	/**
	 * Whether no tool is selected: {@link #none()}, or an empty list of names and groups.
	 * @return whether the selection is empty
	 */
	public boolean isNone() {
		return !this.isDefault && !this.all && this.names.isEmpty() && this.groups.isEmpty();
	}

	/**
	 * The tools selected by name.
	 * @return the names, in the order given; empty for the default
	 */
	public Set<String> toolNames() {
		return this.names;
	}

	/**
	 * The groups whose tools are selected.
	 * @return the groups, in the order given; empty for the default
	 */
	public Set<String> toolGroups() {
		return this.groups;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof ToolSelection that && this.isDefault == that.isDefault
				&& this.all == that.all && this.names.equals(that.names) && this.groups.equals(that.groups));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.isDefault, this.all, this.names, this.groups);
	}

	@Override
	public String toString() {
		if (this.isDefault) {
			return "ToolSelection[default]";
		}
		if (this.all) {
			return "ToolSelection[all]";
		}
		return isNone() ? "ToolSelection[none]" : "ToolSelection[names=" + this.names + ", groups=" + this.groups + "]";
	}

}
