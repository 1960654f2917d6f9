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

package sh.smooth.spring.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import sh.smooth.spring.api.CertificatePayload;
import sh.smooth.spring.api.TaskRequest;
import sh.smooth.spring.api.ToolSignature;
import sh.smooth.spring.browser.Certificate;
import sh.smooth.spring.schema.SmoothSchemaGenerator;

/**
 * Turns a {@link SmoothTask} plus the configured defaults into the wire
 * {@link TaskRequest}.
 */
public final class TaskRequests {

	private final TaskDefaults defaults;

	private final SmoothSchemaGenerator schemas;

	private final JsonMapper mapper;

	/**
	 * Creates a factory.
	 * @param defaults the defaults for unset fields
	 * @param schemas the schema generator for output types
	 * @param mapper the wire mapper, for free-form configuration values
	 */
	public TaskRequests(TaskDefaults defaults, SmoothSchemaGenerator schemas, JsonMapper mapper) {
		this.defaults = defaults;
		this.schemas = schemas;
		this.mapper = mapper;
	}

	/**
	 * The defaults in use.
	 * @return the defaults
	 */
	public TaskDefaults defaults() {
		return this.defaults;
	}

	/**
	 * Builds the request body.
	 * @param task the task (or session options)
	 * @param customTools the tool signatures to attach, or {@code null}
	 * @return the body
	 */
	public TaskRequest create(SmoothTask task, @Nullable List<ToolSignature> customTools) {
		TaskDefaults d = this.defaults;
		JsonNode responseModel = (task.outputType() != null) ? this.schemas.schemaFor(task.outputType())
				: task.responseModel();
		return new TaskRequest(task.task(), responseModel, task.url(), task.metadata(), task.files(),
				or(task.agent(), d.agent()).value(), or(task.maxSteps(), d.maxSteps()),
				or(task.device(), d.device()).value(), task.allowedUrls(),
				or(task.enableRecording(), d.enableRecording()), task.profileId(), task.profileReadOnly(), false,
				or(task.useStealth(), d.useStealth()), task.proxyServer(), task.proxyUsername(), task.proxyPassword(),
				certificates(task.certificates()), or(task.useAdblock(), d.useAdblock()),
				or(task.useCaptchaSolver(), d.useCaptchaSolver()), additionalTools(task.additionalTools()),
				(customTools != null && !customTools.isEmpty()) ? List.copyOf(customTools) : null,
				task.experimentalFeatures(), task.extensions(), or(task.showCursor(), d.showCursor()));
	}

	private static <T> T or(@Nullable T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	private static @Nullable List<CertificatePayload> certificates(@Nullable List<Certificate> certificates) {
		if (certificates == null) {
			return null;
		}
		List<CertificatePayload> payloads = new ArrayList<>();
		for (Certificate certificate : certificates) {
			payloads.add(new CertificatePayload(certificate.base64(), certificate.password(), null));
		}
		return payloads;
	}

	private @Nullable Map<String, @Nullable JsonNode> additionalTools(@Nullable Map<String, @Nullable Object> tools) {
		if (tools == null) {
			return null;
		}
		Map<String, @Nullable JsonNode> result = new LinkedHashMap<>();
		tools.forEach((name, config) -> result.put(name, (config != null) ? this.mapper.valueToTree(config) : null));
		return result;
	}

}
