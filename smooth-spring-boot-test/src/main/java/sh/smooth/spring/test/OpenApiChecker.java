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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks recorded requests against the official OpenAPI document, minus the disagreements
 * the protocol reference accepts: fields the SDKs send that the document does not know,
 * and the extension delete path.
 * <p>
 * What is checked: that the path and method are documented, the {@code apikey} header the
 * document's security scheme names, the query and path parameters (type, minimum,
 * maximum), that a required body is present with a documented content type, and a JSON
 * body against its schema ({@link OpenApiSchema}). The check is written here rather than
 * taken from an OpenAPI validator library because those bring Jackson 2, Guava, Rhino and
 * more onto users' test classpaths, for a document that uses a dozen schema keywords.
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

	private Document document;

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
		List<OpenApiViolation> violations = new ArrayList<>();
		Document document = document();
		if (!path.startsWith(document.basePath)) {
			violations.add(new OpenApiViolation(request, "validation.request.path.missing",
					"No API path found that matches request '" + path + "'"));
			return violations;
		}
		String relative = path.substring(document.basePath.length());
		Operation operation = document.find(request.method(), relative);
		if (operation == null) {
			violations.add(new OpenApiViolation(request, "validation.request.path.missing",
					"No API path found that matches request '" + path + "' with method " + request.method()));
			return violations;
		}
		if (document.apiKeyHeader != null && request.header(document.apiKeyHeader) == null) {
			violations.add(new OpenApiViolation(request, "validation.request.security.missing",
					"No API key provided in the '" + document.apiKeyHeader + "' header"));
		}
		checkParameters(request, operation, relative, violations);
		checkBody(request, operation, violations);
		return violations;
	}

	private void checkParameters(RecordedRequest request, Operation operation, String relative,
			List<OpenApiViolation> violations) {
		String[] actual = relative.substring(1).split("/", -1);
		for (JsonNode parameter : operation.parameters) {
			String name = parameter.get("name").asString();
			String in = parameter.get("in").asString();
			String value = null;
			if ("query".equals(in)) {
				value = request.query().get(name);
			}
			else if ("path".equals(in)) {
				value = operation.pathVariable(name, actual);
			}
			else {
				continue;
			}
			if (value == null) {
				if (parameter.path("required").asBoolean(false)) {
					violations.add(new OpenApiViolation(request, "validation.request.parameter.missing",
							"Parameter '" + name + "' is required but is missing"));
				}
				continue;
			}
			JsonNode schema = parameter.get("schema");
			JsonNode typed = parse(value, schema);
			if (typed == null) {
				violations
					.add(new OpenApiViolation(request, "validation.request.parameter.schema.type", "Parameter '" + name
							+ "' has value '" + value + "', which is not a valid " + schema.path("type").asString()));
				continue;
			}
			List<OpenApiSchema.Problem> problems = new ArrayList<>();
			document().schemas.check(schema, typed, "", problems);
			for (OpenApiSchema.Problem problem : problems) {
				violations.add(new OpenApiViolation(request, "validation.request.parameter.schema." + problem.keyword(),
						"Parameter '" + name + "': " + problem.message()));
			}
		}
	}

	private JsonNode parse(String value, JsonNode schema) {
		String type = (schema != null) ? schema.path("type").asString("string") : "string";
		try {
			return switch (type) {
				case "integer" -> this.mapper.getNodeFactory().numberNode(Long.parseLong(value));
				case "number" -> this.mapper.getNodeFactory().numberNode(new java.math.BigDecimal(value));
				case "boolean" -> ("true".equals(value) || "false".equals(value))
						? this.mapper.getNodeFactory().booleanNode(Boolean.parseBoolean(value)) : null;
				default -> this.mapper.getNodeFactory().stringNode(value);
			};
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private void checkBody(RecordedRequest request, Operation operation, List<OpenApiViolation> violations) {
		String text = request.bodyText();
		boolean hasBody = text != null && !text.isEmpty();
		if (operation.requestBody == null) {
			return;
		}
		if (!hasBody) {
			if (operation.requestBody.path("required").asBoolean(false)) {
				violations.add(new OpenApiViolation(request, "validation.request.body.missing",
						"A request body is required but none found"));
			}
			return;
		}
		String contentType = request.header("content-type");
		String mediaType = (contentType != null) ? contentType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT)
				: null;
		JsonNode content = operation.requestBody.path("content");
		if (mediaType == null || !content.has(mediaType)) {
			violations.add(new OpenApiViolation(request, "validation.request.contentType.notAllowed",
					"Request Content-Type header '" + contentType + "' is not allowed. Allowed: "
							+ content.propertyNames()));
			return;
		}
		if ("multipart/form-data".equals(mediaType)) {
			checkMultipart(request, violations);
			return;
		}
		if (request.body() == null) {
			violations.add(new OpenApiViolation(request, "validation.request.body.schema.invalidJson",
					"Unable to parse JSON body"));
			return;
		}
		JsonNode body = withoutAcceptedFields(request.route(), request.body());
		List<OpenApiSchema.Problem> problems = new ArrayList<>();
		document().schemas.check(content.path(mediaType).path("schema"), body, "", problems);
		for (OpenApiSchema.Problem problem : problems) {
			violations.add(new OpenApiViolation(request, "validation.request.body.schema." + problem.keyword(),
					problem.message()));
		}
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

	private synchronized Document document() {
		if (this.document == null) {
			// read on first use: most tests never ask
			try (InputStream in = OpenApiChecker.class.getResourceAsStream(DOCUMENT)) {
				if (in == null) {
					throw new IllegalStateException("Missing " + DOCUMENT);
				}
				this.document = new Document(this.mapper.readTree(in));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return this.document;
	}

	/** The parts of the document the check uses, read once. */
	private static final class Document {

		private final String basePath;

		private final String apiKeyHeader;

		private final List<Operation> operations = new ArrayList<>();

		private final OpenApiSchema schemas;

		Document(JsonNode root) {
			this.schemas = new OpenApiSchema(root);
			String server = root.path("servers").path(0).path("url").asString("");
			this.basePath = server.isEmpty() ? "" : URI.create(server).getPath();
			this.apiKeyHeader = apiKeyHeader(root);
			for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
				for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
					Operation operation = new Operation(method.getKey().toUpperCase(java.util.Locale.ROOT),
							path.getKey(), method.getValue());
					this.operations.add(operation);
					for (JsonNode parameter : operation.parameters) {
						this.schemas.requireSupported(parameter.get("schema"),
								path.getKey() + " " + method.getKey() + " parameter " + parameter.path("name"));
					}
					if (operation.requestBody != null) {
						for (Map.Entry<String, JsonNode> media : operation.requestBody.path("content").properties()) {
							this.schemas.requireSupported(media.getValue().get("schema"),
									path.getKey() + " " + method.getKey() + " " + media.getKey());
						}
					}
				}
			}
			for (Map.Entry<String, JsonNode> schema : root.path("components").path("schemas").properties()) {
				this.schemas.requireSupported(schema.getValue(), "#/components/schemas/" + schema.getKey());
			}
		}

		private static String apiKeyHeader(JsonNode root) {
			for (JsonNode scheme : root.path("components").path("securitySchemes").values()) {
				if ("apiKey".equals(scheme.path("type").asString()) && "header".equals(scheme.path("in").asString())) {
					return scheme.path("name").asString().toLowerCase(java.util.Locale.ROOT);
				}
			}
			return null;
		}

		Operation find(String method, String relative) {
			String[] actual = relative.substring(1).split("/", -1);
			for (Operation operation : this.operations) {
				if (operation.method.equalsIgnoreCase(method) && operation.matches(actual)) {
					return operation;
				}
			}
			return null;
		}

	}

	/** One documented method on one path. */
	private static final class Operation {

		private final String method;

		private final String[] segments;

		private final List<JsonNode> parameters = new ArrayList<>();

		private final JsonNode requestBody;

		Operation(String method, String template, JsonNode operation) {
			this.method = method;
			this.segments = template.substring(1).split("/", -1);
			operation.path("parameters").values().forEach(this.parameters::add);
			this.requestBody = operation.get("requestBody");
		}

		boolean matches(String[] actual) {
			if (actual.length != this.segments.length) {
				return false;
			}
			for (int i = 0; i < actual.length; i++) {
				if (!isVariable(this.segments[i]) && !this.segments[i].equals(actual[i])) {
					return false;
				}
			}
			return true;
		}

		String pathVariable(String name, String[] actual) {
			for (int i = 0; i < this.segments.length; i++) {
				if (this.segments[i].equals("{" + name + "}")) {
					return actual[i].isEmpty() ? null : actual[i];
				}
			}
			return null;
		}

		private static boolean isVariable(String segment) {
			return segment.startsWith("{") && segment.endsWith("}");
		}

	}

}
