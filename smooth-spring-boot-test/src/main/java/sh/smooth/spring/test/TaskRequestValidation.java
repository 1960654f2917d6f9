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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The server-side checks of {@code POST /task} that answer 422: {@code max_steps} range,
 * {@code device} enum and the metadata rules. Other fields pass through, as on the real
 * service, where new agents and flags appear before the OpenAPI document knows them.
 */
final class TaskRequestValidation {

	private static final Set<String> DEVICES = Set.of("desktop", "mobile", "desktop-lg");

	private TaskRequestValidation() {
	}

	static List<ValidationError> validate(JsonNode body) {
		List<ValidationError> errors = new ArrayList<>();
		JsonNode maxSteps = body.get("max_steps");
		if (maxSteps != null && !maxSteps.isNull()) {
			if (!maxSteps.isIntegralNumber()) {
				errors.add(ValidationError.of("int_type", List.of("body", "max_steps"),
						"Input should be a valid integer", maxSteps));
			}
			else if (maxSteps.asLong() < 2 || maxSteps.asLong() > 128) {
				errors.add(ValidationError.range(List.of("body", "max_steps"), maxSteps.asLong(), 2, 128));
			}
		}
		JsonNode device = body.get("device");
		if (device != null && !device.isNull() && !(device.isString() && DEVICES.contains(device.asString()))) {
			errors.add(new ValidationError("enum", List.of("body", "device"),
					"Input should be 'desktop', 'mobile' or 'desktop-lg'", device,
					Map.of("expected", "'desktop', 'mobile' or 'desktop-lg'")));
		}
		JsonNode metadata = body.get("metadata");
		if (metadata != null && !metadata.isNull()) {
			if (!metadata.isObject()) {
				errors.add(ValidationError.of("dict_type", List.of("body", "metadata"),
						"Input should be a valid dictionary", metadata));
			}
			else {
				if (metadata.size() > 16) {
					errors.add(ValidationError.of("too_long", List.of("body", "metadata"),
							"Metadata should have at most 16 keys", null));
				}
				for (Map.Entry<String, JsonNode> entry : metadata.properties()) {
					JsonNode value = entry.getValue();
					List<Object> loc = List.of("body", "metadata", entry.getKey());
					if (!(value.isString() || value.isNumber() || value.isBoolean())) {
						errors.add(ValidationError.of("value_error", loc,
								"Metadata values must be strings, numbers or booleans", value));
					}
					else if (value.isString() && value.asString().length() > 2048) {
						errors.add(ValidationError.of("string_too_long", loc,
								"Value should have at most 2048 characters", null));
					}
				}
			}
		}
		return errors;
	}

}
