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

package sh.smooth.spring.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.env.Environment;

import sh.smooth.spring.error.SmoothValidationException;

/**
 * Where the API is: {@code smooth.base-url} when it is set anywhere, else the official
 * SDKs' {@code SMOOTH_BASE_URL} variable, else {@code https://api.smooth.sh/api/v1}.
 * <p>
 * {@code SMOOTH_BASE_URL} means what it means to the SDKs: the base <em>before</em> the
 * version segment ({@code https://api.smooth.sh/api/}), to which {@code /v1} is added.
 * Boot alone would get both wrong: its relaxed binding reads the variable as
 * {@code smooth.base-url} (the underscore form of a dashed name), without the version,
 * and above {@code application.properties}, as it ranks every environment variable.
 */
final class SmoothBaseUrl {

	/** The variable both official SDKs read. */
	static final String VARIABLE = "SMOOTH_BASE_URL";

	private static final ConfigurationPropertyName PROPERTY = ConfigurationPropertyName.of("smooth.base-url");

	private SmoothBaseUrl() {
	}

	static URI resolve(SmoothProperties properties, Environment environment) {
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			ConfigurationProperty property = source.getConfigurationProperty(PROPERTY);
			if (property == null || isTheSdkVariable(property.getOrigin())) {
				continue;
			}
			if (property.getValue() instanceof String text) {
				return URI.create(environment.resolveRequiredPlaceholders(text).trim());
			}
			// a URI object placed by code (a test's property source, say): as bound
			return properties.baseUrl();
		}
		String sdk = environment.getProperty(VARIABLE);
		if (sdk != null && !sdk.isBlank()) {
			return withVersion(sdk.trim());
		}
		return properties.baseUrl();
	}

	/**
	 * The SDKs' rule: the base without its trailing slashes, plus {@code /v1}; a value
	 * that already ends with a version segment is taken as it is.
	 * @param base the variable's value
	 * @return the base URL including the version
	 */
	static URI withVersion(String base) {
		String trimmed = base.replaceAll("/+$", "");
		try {
			URI uri = URI.create(trimmed.matches(".*/v\\d+") ? trimmed : trimmed + "/v1");
			if (!uri.isAbsolute()) {
				throw new IllegalArgumentException("not absolute");
			}
			return uri;
		}
		catch (IllegalArgumentException ex) {
			throw new SmoothValidationException(VARIABLE, base, "must be an absolute http(s) URL");
		}
	}

	private static boolean isTheSdkVariable(@Nullable Origin origin) {
		if (origin instanceof PropertySourceOrigin found) {
			// Boot wraps the environment's own origin in the one of its property source
			return VARIABLE.equals(found.getPropertyName()) || isTheSdkVariable(found.getOrigin());
		}
		return origin instanceof SystemEnvironmentOrigin variable && VARIABLE.equals(variable.getProperty());
	}

}
