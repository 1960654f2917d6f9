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
import java.util.regex.Pattern;

import sh.smooth.spring.api.ToolSignature;
import sh.smooth.spring.error.SmoothValidationException;
import sh.smooth.spring.browser.ToolSelection;

/**
 * Every custom tool of the application, by name: the {@link SmoothTool} methods and the
 * {@link SmoothToolCallback} beans. Filled once at startup; thread-safe.
 */
public final class ToolRegistry {

	/** The names the API accepts. */
	public static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

	private final Map<String, Entry> tools = new TreeMap<>();

	/** Copy-on-write: read on every tool call (metrics), written only at registration. */
	private volatile Set<String> nameSet = Set.of();

	/**
	 * Adds a tool.
	 * @param tool the tool
	 * @param source where it comes from (bean and method), for error messages
	 * @throws IllegalStateException when the name is invalid or taken, or the signature
	 * incomplete
	 */
	public synchronized void register(SmoothToolCallback tool, String source) {
		ToolSignature signature = tool.signature();
		String name = tool.name();
		if (signature == null) {
			throw new IllegalStateException(source + ": the tool has no signature");
		}
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalStateException(source + ": invalid Smooth tool name '" + name
					+ "': use 1 to 64 characters out of a-z, A-Z, 0-9, '_' and '-' (set @SmoothTool(name = ...))");
		}
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
		Entry existing = this.tools.get(name);
		if (existing != null) {
			throw new IllegalStateException("Duplicate Smooth tool name '" + name + "': " + existing.source + " and "
					+ source + " (set a distinct @SmoothTool(name = ...))");
		}
		this.tools.put(name, new Entry(tool, source));
		this.nameSet = Set.copyOf(this.tools.keySet());
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
	 * The tools a task asked for.
	 * @param selection the task's choice
	 * @param attachAllByDefault whether a task that does not choose gets every tool
	 * @return the tools, sorted by name, possibly empty
	 * @throws SmoothValidationException when a name is not a known tool
	 */
	public synchronized List<SmoothToolCallback> select(ToolSelection selection, boolean attachAllByDefault) {
		List<String> names = selection.names();
		if (names == null) {
			return attachAllByDefault ? this.tools.values().stream().map((e) -> e.tool).toList() : List.of();
		}
		Map<String, SmoothToolCallback> chosen = new TreeMap<>();
		for (String name : names) {
			Entry entry = this.tools.get(name);
			if (entry == null) {
				throw new SmoothValidationException("tools", name, "is not a known tool; available: "
						+ (this.tools.isEmpty() ? "none" : String.join(", ", this.tools.keySet())));
			}
			chosen.put(name, entry.tool);
		}
		return new ArrayList<>(chosen.values());
	}

	private record Entry(SmoothToolCallback tool, String source) {
	}

}
