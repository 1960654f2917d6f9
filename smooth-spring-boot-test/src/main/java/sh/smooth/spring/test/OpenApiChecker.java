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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks recorded requests against the official OpenAPI document, minus the disagreements
 * the protocol reference accepts: fields the SDKs send that the document does not know,
 * and the extension delete path.
 */
final class OpenApiChecker {

	static final String DOCUMENT = "/sh/smooth/spring/test/smooth-openapi.json";

	// sent by the official SDKs, unknown to the OpenAPI document (reference,
	// Disagreements 2-5)
	private static final Set<String> ACCEPTED_TASK_FIELDS = Set.of("use_stealth", "use_captcha_solver", "session_id");

	private static final String ACCEPTED_CERTIFICATE_FIELD = "filters";

	// routes the document does not describe: nothing to check them against
	private static final Set<Route> UNDOCUMENTED = EnumSet.of(Route.UPDATE_TASK, Route.DELETE_TASK_DATA,
			Route.CLOSE_BROWSER_SESSION, Route.TELEMETRY);

	private final JsonMapper mapper;

	private OpenApiInteractionValidator validator;

	OpenApiChecker(JsonMapper mapper) {
		this.mapper = mapper;
	}

	List<OpenApiViolation> check(RecordedRequest request) {
		if (request.route() == null || UNDOCUMENTED.contains(request.route())) {
			return List.of();
		}
		String path = request.path();
		if (request.route() == Route.DELETE_EXTENSION) {
			// the SDKs moved off /browser/... in January 2026; the document did not
			// follow
			path = path.replaceFirst("/extension/", "/browser/extension/");
		}
		SimpleRequest.Builder builder = new SimpleRequest.Builder(request.method(), path);
		request.headers().forEach(builder::withHeader);
		for (Map.Entry<String, String> parameter : request.query().entrySet()) {
			builder.withQueryParam(parameter.getKey(), parameter.getValue());
		}
		String body = request.bodyText();
		if (request.body() != null) {
			body = this.mapper.writeValueAsString(withoutAcceptedFields(request.route(), request.body()));
		}
		if (body != null && !body.isEmpty()) {
			builder.withBody(body.getBytes(StandardCharsets.ISO_8859_1));
		}
		ValidationReport report = validator().validateRequest(builder.build());
		List<OpenApiViolation> violations = new ArrayList<>();
		if (request.route() == Route.UPLOAD_FILE || request.route() == Route.UPLOAD_EXTENSION) {
			// the validator skips multipart bodies: check the one required part here
			checkMultipart(request, violations);
		}
		for (ValidationReport.Message message : report.getMessages()) {
			if (message.getLevel() == ValidationReport.Level.ERROR) {
				violations.add(new OpenApiViolation(request, message.getKey(), describe(message)));
			}
		}
		return violations;
	}

	private static void checkMultipart(RecordedRequest request, List<OpenApiViolation> violations) {
		String boundary = Multipart.boundary(request.header("content-type"));
		if (boundary == null) {
			violations.add(new OpenApiViolation(request, "validation.request.contentType.notAllowed",
					"Request Content-Type must be multipart/form-data, was " + request.header("content-type")));
			return;
		}
		boolean hasFile = Multipart.parse(boundary, request.bodyText().getBytes(StandardCharsets.ISO_8859_1))
			.stream()
			.anyMatch((part) -> "file".equals(part.name()));
		if (!hasFile) {
			violations.add(new OpenApiViolation(request, "validation.request.body.schema.required",
					"Object has missing required properties ([\"file\"])"));
		}
	}

	private static String describe(ValidationReport.Message message) {
		StringBuilder text = new StringBuilder(message.getMessage());
		for (ValidationReport.Message nested : message.getNestedMessages()) {
			text.append(" | ").append(nested.getMessage());
		}
		return text.toString();
	}

	private JsonNode withoutAcceptedFields(Route route, JsonNode body) {
		if (route != Route.CREATE_TASK || !body.isObject()) {
			return body;
		}
		ObjectNode copy = (ObjectNode) body.deepCopy();
		copy.remove(ACCEPTED_TASK_FIELDS);
		JsonNode certificates = copy.get("certificates");
		if (certificates != null && certificates.isArray()) {
			for (JsonNode certificate : certificates.values()) {
				if (certificate.isObject()) {
					((ObjectNode) certificate).remove(ACCEPTED_CERTIFICATE_FIELD);
				}
			}
		}
		return copy;
	}

	private synchronized OpenApiInteractionValidator validator() {
		if (this.validator == null) {
			// built on first use: parsing the document takes a moment and most tests
			// never ask
			try (InputStream in = OpenApiChecker.class.getResourceAsStream(DOCUMENT)) {
				if (in == null) {
					throw new IllegalStateException("Missing " + DOCUMENT);
				}
				String document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return this.validator;
	}

}
