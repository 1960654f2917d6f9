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

package sh.smooth.spring.tool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import sh.smooth.spring.api.ToolSignature;
import sh.smooth.spring.error.SmoothValidationException;
import sh.smooth.spring.browser.ToolSelection;

/**
 * Every custom tool of the application, by name and by group: the {@link SmoothTool}
 * methods and the {@link SmoothToolCallback} beans. Filled once at startup; the one place
 * tool and group names are checked. Decides which tools a {@link ToolSelection} offers,
 * with the application's default selection for tasks that do not choose. Thread-safe.
 */
public final class ToolRegistry {

	/** The names the API accepts; groups follow the same rule. */
	private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

	private final ToolSelection defaultSelection;

	private final Map<String, Entry> tools = new TreeMap<>();

	/** Group name to the names of its tools. */
	private final Map<String, Set<String>> groups = new TreeMap<>();

	/** Copy-on-write: read on every tool call (metrics), written only at registration. */
	private volatile Set<String> nameSet = Set.of();

	/**
	 * Creates a registry whose default selection is every tool
	 * ({@code smooth.tools.attach=all}).
	 */
	public ToolRegistry() {
		this(ToolSelection.all());
	}

	/**
	 * Creates a registry.
	 * @param defaultSelection what a task that does not choose is offered:
	 * {@link ToolSelection#all()}, {@link ToolSelection#none()}, or names and groups
	 * @throws IllegalArgumentException when it is {@link ToolSelection#DEFAULT} itself
	 */
	public ToolRegistry(ToolSelection defaultSelection) {
		if (defaultSelection == null || defaultSelection.isDefault()) {
			throw new IllegalArgumentException(
					"The default selection must be all(), none(), or names and groups, not " + defaultSelection);
		}
		this.defaultSelection = defaultSelection;
	}

	/**
	 * Adds a tool.
	 * @param tool the tool
	 * @param source where it comes from (bean and method), for error messages
	 * @throws IllegalStateException when the name or a group is invalid, the name taken,
	 * or the signature incomplete
	 */
	public synchronized void register(SmoothToolCallback tool, String source) {
		ToolSignature signature = tool.signature();
		String name = tool.name();
		if (signature == null) {
			throw new IllegalStateException(source + ": the tool has no signature");
		}
		checkName(source, "tool name", name, "@SmoothTool(name = ...)");
		if (!name.equals(signature.name())) {
			throw new IllegalStateException(
					source + ": the tool name '" + name + "' differs from its signature's '" + signature.name() + "'");
		}
		if (signature.description() == null || signature.description().isBlank()) {
			throw new IllegalStateException(
					source + ": Smooth tool '" + name + "' needs a description, so the agent knows when to use it");
		}
		if (signature.inputs() == null || !signature.inputs().isObject()) {
			throw new IllegalStateException(
					source + ": Smooth tool '" + name + "' needs a JSON Schema object as inputs");
		}
		if (signature.output() == null) {
			throw new IllegalStateException(source + ": Smooth tool '" + name + "' needs an output description");
		}
		Set<String> toolGroups = tool.groups();
		if (toolGroups == null) {
			throw new IllegalStateException(source + ": Smooth tool '" + name + "' has null groups; return Set.of()");
		}
		for (String group : toolGroups) {
			checkName(source, "tool group", group, "@SmoothTool(groups = ...)");
		}
		Entry existing = this.tools.get(name);
		if (existing != null) {
			throw new IllegalStateException("Duplicate Smooth tool name '" + name + "': " + existing.source + " and "
					+ source + " (set a distinct @SmoothTool(name = ...))");
		}
		this.tools.put(name, new Entry(tool, source));
		for (String group : toolGroups) {
			this.groups.computeIfAbsent(group, (key) -> new TreeSet<>()).add(name);
		}
		this.nameSet = Set.copyOf(this.tools.keySet());
	}

	/**
	 * The one check of tool and group names: what the API accepts for a name.
	 */
	private static void checkName(String source, String what, @Nullable String name, String fix) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalStateException(source + ": invalid Smooth " + what + " '" + name
					+ "': use 1 to 64 characters out of a-z, A-Z, 0-9, '_' and '-' (set " + fix + ")");
		}
	}

	/**
	 * A tool by name.
	 * @param name the name
	 * @return the tool
	 */
	public synchronized Optional<SmoothToolCallback> find(String name) {
		Entry entry = this.tools.get(name);
		return (entry != null) ? Optional.of(entry.tool) : Optional.empty();
	}

	/**
	 * The registered names as a set, without locking: for per-call checks.
	 * @return the names
	 */
	public Set<String> nameSet() {
		return this.nameSet;
	}

	/**
	 * The tool names, sorted.
	 * @return the names
	 */
	public synchronized List<String> names() {
		return List.copyOf(this.tools.keySet());
	}

	/**
	 * The groups that have at least one tool, sorted.
	 * @return the group names
	 */
	public synchronized List<String> groups() {
		return List.copyOf(this.groups.keySet());
	}

	/**
	 * What a task that does not choose is offered.
	 * @return the default selection, never {@link ToolSelection#DEFAULT}
	 */
	public ToolSelection defaultSelection() {
		return this.defaultSelection;
	}

	/**
	 * The tools a task asked for: {@link ToolSelection#DEFAULT} stands for
	 * {@link #defaultSelection()}; otherwise the named tools plus every tool of the named
	 * groups.
	 * @param selection the task's choice
	 * @return the tools, sorted by name, possibly empty
	 * @throws SmoothValidationException when a name is not a known tool or a group not a
	 * known group; the message lists the ones that exist
	 */
	public synchronized List<SmoothToolCallback> select(ToolSelection selection) {
		ToolSelection effective = selection.isDefault() ? this.defaultSelection : selection;
		if (effective.isAll()) {
			// "every tool by default" leaves out the tools that ask to be selected
			return this.tools.values()
				.stream()
				.map(Entry::tool)
				.filter((tool) -> !selection.isDefault() || tool.offeredByDefault())
				.toList();
		}
		Map<String, SmoothToolCallback> chosen = new TreeMap<>();
		for (String name : effective.toolNames()) {
			Entry entry = this.tools.get(name);
			if (entry == null) {
				throw new SmoothValidationException("tools", name,
						"is not a known tool; available: " + listOf(this.tools.keySet()));
			}
			chosen.put(name, entry.tool);
		}
		for (String group : effective.toolGroups()) {
			Set<String> members = this.groups.get(group);
			if (members == null) {
				throw new SmoothValidationException("tools.groups", group,
						"is not a known tool group; groups: " + listOf(this.groups.keySet()));
			}
			members.forEach((name) -> chosen.put(name, this.tools.get(name).tool));
		}
		return new ArrayList<>(chosen.values());
	}

	private static String listOf(Set<String> names) {
		return names.isEmpty() ? "none" : String.join(", ", names);
	}

	private record Entry(SmoothToolCallback tool, String source) {
	}

}
