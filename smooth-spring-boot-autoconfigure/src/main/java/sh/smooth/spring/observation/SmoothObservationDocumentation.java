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

package sh.smooth.spring.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations Smooth records, with their key names. Low-cardinality keys become
 * meter tags; high-cardinality keys (ids) only reach spans. The task text, URLs, tool
 * arguments and the API key are never recorded.
 */
public enum SmoothObservationDocumentation implements ObservationDocumentation {

	/**
	 * One task or session, from its creation until it ends or its polling fails.
	 */
	TASK {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultSmoothTaskObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return TaskKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { CommonHighCardinalityKeyNames.TASK_ID };
		}
	},

	/**
	 * One session action, from its POST until its result.
	 */
	SESSION_ACTION {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultSmoothSessionActionObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return SessionActionKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { CommonHighCardinalityKeyNames.TASK_ID };
		}
	},

	/**
	 * One custom tool call, from the event being received until the answer is accepted.
	 */
	TOOL_CALL {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultSmoothToolCallObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return ToolCallKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return CommonHighCardinalityKeyNames.values();
		}
	};

	/** The value of a tag that has no meaningful value, such as no exception. */
	public static final String NONE = "none";

	/** The value of a tag whose real value is not known or not allowed as a tag. */
	public static final String UNKNOWN = "unknown";

	/**
	 * Low-cardinality keys of {@link #TASK}; also the tags of the credit meters.
	 */
	public enum TaskKeyNames implements KeyName {

		/**
		 * {@code running} while in flight, then {@code done}, {@code failed},
		 * {@code cancelled}, {@code error} (creation or polling failed) or
		 * {@code timeout} (polling timed out).
		 */
		STATUS {
			@Override
			public String asString() {
				return "smooth.task.status";
			}
		},

		/** The agent: {@code smooth}, {@code smooth-lite} or {@code unknown}. */
		AGENT {
			@Override
			public String asString() {
				return "smooth.agent";
			}
		},

		/**
		 * The device: {@code desktop}, {@code mobile}, {@code desktop-lg} or
		 * {@code unknown}.
		 */
		DEVICE {
			@Override
			public String asString() {
				return "smooth.device";
			}
		},

		/** {@code task} or {@code session}. */
		KIND {
			@Override
			public String asString() {
				return "smooth.task.kind";
			}
		},

		/**
		 * Who started it: {@code application} by default, {@code spring-ai} for a task or
		 * session a model started through the Spring AI tools.
		 */
		ORIGIN {
			@Override
			public String asString() {
				return "origin";
			}
		},

		/** The simple class name of the exception that ended it, or {@code none}. */
		EXCEPTION {
			@Override
			public String asString() {
				return "exception";
			}
		}

	}

	/**
	 * Low-cardinality keys of {@link #SESSION_ACTION}.
	 */
	public enum SessionActionKeyNames implements KeyName {

		/**
		 * {@code goto}, {@code extract}, {@code evaluate_js}, {@code run_task},
		 * {@code close}, or {@code other}.
		 */
		ACTION {
			@Override
			public String asString() {
				return "smooth.action";
			}
		},

		/**
		 * {@code success}, {@code error}, {@code failed}, {@code timeout},
		 * {@code closed}, or {@code other}.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "smooth.action.outcome";
			}
		},

		/** The simple class name of the exception, or {@code none}. */
		EXCEPTION {
			@Override
			public String asString() {
				return "exception";
			}
		}

	}

	/**
	 * Low-cardinality keys of {@link #TOOL_CALL}.
	 */
	public enum ToolCallKeyNames implements KeyName {

		/**
		 * The tool name when it is one of the tools declared to the task, otherwise
		 * {@code unknown}: the agent's free text never becomes a tag.
		 */
		TOOL_NAME {
			@Override
			public String asString() {
				return "smooth.tool.name";
			}
		},

		/**
		 * {@code success}, {@code tool_error}, {@code failure}, {@code timeout},
		 * {@code unknown_tool} or {@code bad_arguments}.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "smooth.tool.outcome";
			}
		},

		/** The simple class name of the exception, or {@code none}. */
		EXCEPTION {
			@Override
			public String asString() {
				return "exception";
			}
		}

	}

	/**
	 * High-cardinality keys: ids, for spans only.
	 */
	public enum CommonHighCardinalityKeyNames implements KeyName {

		/** The task (or session) id. */
		TASK_ID {
			@Override
			public String asString() {
				return "smooth.task.id";
			}
		},

		/** The id of the tool-call event. */
		EVENT_ID {
			@Override
			public String asString() {
				return "smooth.tool.event.id";
			}
		}

	}

}
