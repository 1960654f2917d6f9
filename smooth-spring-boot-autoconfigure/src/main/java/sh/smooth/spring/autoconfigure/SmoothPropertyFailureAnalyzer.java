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

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

import sh.smooth.spring.error.SmoothValidationException;

/**
 * Turns a startup failure caused by an invalid {@code smooth.*} value into a short
 * description and action, as Boot's own analyzers do, instead of a long bean-creation
 * trace. The description names the property, the value, the rule and, when Boot knows it,
 * where the value came from.
 */
public final class SmoothPropertyFailureAnalyzer extends AbstractFailureAnalyzer<SmoothValidationException> {

	private final @Nullable Environment environment;

	/**
	 * Creates the analyzer; Boot passes the environment.
	 * @param environment the application's environment
	 */
	public SmoothPropertyFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, SmoothValidationException cause) {
		String property = cause.field();
		if (!property.startsWith("smooth.") || !ConfigurationPropertyName.isValid(property)) {
			// a task or action argument, not configuration: not ours to explain
			return null;
		}
		StringBuilder description = new StringBuilder("Invalid value for the Smooth property '" + property + "':\n\n");
		description.append("    ").append(cause.getMessage()).append('\n');
		String origin = origin(property);
		if (origin != null) {
			description.append("\n    Origin: ").append(origin).append('\n');
		}
		String action = "Change '" + property + "' in your configuration (application.properties or "
				+ "application.yml, or its environment variable) to a value that fits the rule above. Every Smooth "
				+ "property, with its default, is listed in docs/properties.md of smooth-spring-boot-starter.";
		return new FailureAnalysis(description.toString(), action, cause);
	}

	private @Nullable String origin(String property) {
		if (this.environment == null) {
			return null;
		}
		ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			ConfigurationProperty found = source.getConfigurationProperty(name);
			if (found != null && found.getOrigin() != null) {
				return found.getOrigin().toString();
			}
		}
		return null;
	}

}
