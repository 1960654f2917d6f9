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

package sh.smooth.spring.runtime;

import java.util.List;

import sh.smooth.spring.api.ToolSignature;
import sh.smooth.spring.browser.ToolSelection;

/**
 * How custom tools take part in a task or session: which tools a selection offers (their
 * signatures go into {@code custom_tools}), and who answers their calls once the task
 * runs. Implemented by the tool feature's dispatcher; {@link #NONE} when there are no
 * custom tools.
 */
@FunctionalInterface
public interface ToolAttachment {

	/** No custom tools: every selection offers none, and nothing answers tool calls. */
	ToolAttachment NONE = (selection) -> Selected.NONE;

	/**
	 * The tools a selection offers. Called before any HTTP call, so a selection naming a
	 * tool that does not exist fails first.
	 * @param selection the task's choice
	 * @return the selected tools
	 * @throws sh.smooth.spring.error.SmoothValidationException when the selection names
	 * an unknown tool
	 */
	Selected select(ToolSelection selection);

	/**
	 * The tools selected for one task.
	 */
	interface Selected {

		/** Nothing selected. */
		Selected NONE = new Selected() {

			@Override
			public List<ToolSignature> signatures() {
				return List.of();
			}

			@Override
			public void attach(TaskRun run) {
			}

		};

		/**
		 * What goes into {@code custom_tools}.
		 * @return the signatures, sorted by name, possibly empty
		 */
		List<ToolSignature> signatures();

		/**
		 * Answers the tool calls of the run from its first poll on; called before the run
		 * starts polling.
		 * @param run the run
		 */
		void attach(TaskRun run);

	}

}
