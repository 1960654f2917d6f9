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
