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

import org.junit.jupiter.api.Test;

import sh.smooth.spring.task.SmoothTask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What a {@link ToolSelection} holds; which tools it picks is tested on the registry.
 */
class ToolSelectionTests {

	@Test
	void namesAndGroupsCombine() {
		ToolSelection selection = ToolSelection.names("lookup").andGroups("crm").andNames("weather", "lookup");
		assertThat(selection.toolNames()).containsExactly("lookup", "weather");
		assertThat(selection.toolGroups()).containsExactly("crm");
		assertThat(selection.isDefault()).isFalse();
		assertThat(selection.isAll()).isFalse();
		assertThat(selection.isNone()).isFalse();
		assertThat(selection).isEqualTo(ToolSelection.groups("crm").andNames("lookup", "weather"))
			.hasSameHashCodeAs(ToolSelection.groups("crm").andNames("lookup", "weather"));
		assertThat(selection).hasToString("ToolSelection[names=[lookup, weather], groups=[crm]]");
	}

	@Test
	void noNamesIsNone() {
		assertThat(ToolSelection.names()).isEqualTo(ToolSelection.none()).isEqualTo(ToolSelection.NONE);
		assertThat(ToolSelection.none().isNone()).isTrue();
		assertThat(ToolSelection.none()).hasToString("ToolSelection[none]");
	}

	@Test
	void defaultAndAllAreTheirOwnKinds() {
		assertThat(ToolSelection.defaults()).isSameAs(ToolSelection.DEFAULT);
		assertThat(ToolSelection.DEFAULT.isDefault()).isTrue();
		assertThat(ToolSelection.DEFAULT.isNone()).isFalse();
		assertThat(ToolSelection.DEFAULT).isNotEqualTo(ToolSelection.NONE).hasToString("ToolSelection[default]");
		assertThat(ToolSelection.all().isAll()).isTrue();
		assertThat(ToolSelection.all().isNone()).isFalse();
		assertThat(ToolSelection.all().andGroups("crm").isAll()).isTrue();
		assertThat(ToolSelection.all()).hasToString("ToolSelection[all]");
	}

	@Test
	void theDefaultCannotBeExtended() {
		assertThatIllegalStateException().isThrownBy(() -> ToolSelection.DEFAULT.andNames("lookup"))
			.withMessageContaining("smooth.tools.attach and smooth.tools.default-groups")
			.withMessageContaining("start from ToolSelection.names(...) or ToolSelection.groups(...)");
		assertThatIllegalStateException().isThrownBy(() -> ToolSelection.DEFAULT.andGroups("crm"));
	}

	@Test
	void theBuilderTakesASelection() {
		assertThat(BrowserOptions.builder().build().tools()).isSameAs(ToolSelection.DEFAULT);
		assertThat(BrowserOptions.builder().tools(ToolSelection.groups("crm")).build().tools())
			.isEqualTo(ToolSelection.groups("crm"));
		assertThat(BrowserOptions.builder().tools("a", "b").build().tools()).isEqualTo(ToolSelection.names("a", "b"));
		assertThat(BrowserOptions.builder().toolGroups("crm").build().tools()).isEqualTo(ToolSelection.groups("crm"));
		assertThat(BrowserOptions.builder().noTools().build().tools().isNone()).isTrue();
		// a task carries its browser options' selection
		assertThat(SmoothTask.builder("x").browser((b) -> b.tools("a")).build().browser().tools())
			.isEqualTo(ToolSelection.names("a"));
	}

}
