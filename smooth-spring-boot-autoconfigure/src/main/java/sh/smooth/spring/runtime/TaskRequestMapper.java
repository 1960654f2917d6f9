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
import sh.smooth.spring.browser.BrowserOptions;
import sh.smooth.spring.browser.Certificate;
import sh.smooth.spring.browser.Instruction;
import sh.smooth.spring.schema.SmoothSchemaGenerator;

/**
 * Writes the wire {@link TaskRequest} of a task or session from its {@link Instruction},
 * its {@link BrowserOptions}, the configured {@link TaskDefaults} and the custom tools it
 * is offered: the one place where an option becomes a request field, and where an output
 * type becomes a {@code response_model} (for tasks and for {@code run_task} alike).
 */
public final class TaskRequestMapper {

	private final TaskDefaults defaults;

	private final SmoothSchemaGenerator schemas;

	private final JsonMapper mapper;

	/**
	 * Creates a mapper.
	 * @param defaults the values of options left unset
	 * @param schemas the schema generator for output types
	 * @param mapper the wire mapper, for free-form configuration values
	 */
	public TaskRequestMapper(TaskDefaults defaults, SmoothSchemaGenerator schemas, JsonMapper mapper) {
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
	 * Writes the body of {@code POST /task}.
	 * @param instruction what the agent should do, {@code null} to open a session
	 * @param browser the browser options
	 * @param customTools the signatures of the custom tools offered, possibly empty
	 * @return the body
	 */
	public TaskRequest request(@Nullable Instruction instruction, BrowserOptions browser,
			List<ToolSignature> customTools) {
		TaskDefaults d = this.defaults;
		return new TaskRequest((instruction != null) ? instruction.text() : null,
				(instruction != null) ? responseModel(instruction) : null,
				(instruction != null) ? instruction.url() : null, metadata(instruction, browser), browser.files(),
				or(browser.agent(), d.agent()).value(), maxSteps(instruction), or(browser.device(), d.device()).value(),
				browser.allowedUrls(), or(browser.recording(), d.recording()), browser.profileId(),
				browser.profileReadOnly(), false, or(browser.stealth(), d.stealth()), browser.proxyServer(),
				browser.proxyUsername(), browser.proxyPassword(), certificates(browser.certificates()),
				or(browser.adblock(), d.adblock()), or(browser.captchaSolver(), d.captchaSolver()),
				additionalTools(browser.additionalTools()), customTools.isEmpty() ? null : List.copyOf(customTools),
				browser.experimentalFeatures(), browser.extensions(), or(browser.showCursor(), d.showCursor()));
	}

	private static @Nullable Map<String, Object> metadata(@Nullable Instruction instruction, BrowserOptions browser) {
		// an instruction's own metadata wins over the browser's (a session's)
		return (instruction != null && instruction.metadata() != null) ? instruction.metadata() : browser.metadata();
	}

	/**
	 * The {@code response_model} of an instruction: the schema of its output type, or its
	 * raw schema.
	 * @param instruction the instruction
	 * @return the schema, or {@code null} for a plain-text answer
	 */
	public @Nullable JsonNode responseModel(Instruction instruction) {
		return (instruction.outputType() != null) ? this.schemas.schemaFor(instruction.outputType())
				: instruction.responseModel();
	}

	/**
	 * The step budget of an instruction.
	 * @param instruction the instruction, or {@code null} for a session
	 * @return its own budget, or the default
	 */
	public int maxSteps(@Nullable Instruction instruction) {
		return (instruction != null && instruction.maxSteps() != null) ? instruction.maxSteps()
				: this.defaults.maxSteps();
	}

	/**
	 * A free-form value as JSON, with the wire mapper.
	 * @param value the value
	 * @return the JSON
	 */
	public JsonNode toJson(@Nullable Object value) {
		return (value != null) ? this.mapper.valueToTree(value) : this.mapper.nullNode();
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
