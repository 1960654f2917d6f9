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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test module keeps users' test classpaths light: the OpenAPI check is our own, so
 * none of the libraries an OpenAPI validator brings is here. This module's test classpath
 * is its runtime dependencies plus spring-boot-starter-test, which has none of them
 * either.
 */
class FootprintTests {

	@ParameterizedTest
	@ValueSource(strings = { "com.atlassian.oai.validator.OpenApiInteractionValidator",
			"com.fasterxml.jackson.databind.ObjectMapper", "com.google.common.collect.ImmutableList",
			"org.mozilla.javascript.Context", "org.joda.time.DateTime", "com.google.i18n.phonenumbers.PhoneNumberUtil",
			"io.swagger.v3.parser.OpenAPIV3Parser", "io.swagger.parser.OpenAPIParser" })
	void heavyOpenApiValidatorDependenciesAreAbsent(String className) {
		assertThat(isPresent(className)).as(className).isFalse();
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, FootprintTests.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

}
