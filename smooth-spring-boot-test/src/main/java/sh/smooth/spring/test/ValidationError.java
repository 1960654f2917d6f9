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

package sh.smooth.spring.test;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a FastAPI-style 422 {@code detail} array.
 *
 * @param type the error type, e.g. {@code less_than_equal}
 * @param loc where: {@code ["body", "max_steps"]}
 * @param msg the message
 * @param input the rejected value
 * @param ctx constraint values, e.g. {@code {"le": 128}}
 */
record ValidationError(String type, List<Object> loc, String msg, Object input,
		@JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> ctx) {

	static ValidationError of(String type, List<Object> loc, String msg, Object input) {
		return new ValidationError(type, loc, msg, input, null);
	}

	static ValidationError range(List<Object> loc, Object input, long min, long max) {
		boolean low = (input instanceof Number number) && number.longValue() < min;
		return low
				? new ValidationError("greater_than_equal", loc, "Input should be greater than or equal to " + min,
						input, Map.of("ge", min))
				: new ValidationError("less_than_equal", loc, "Input should be less than or equal to " + max, input,
						Map.of("le", max));
	}

}
