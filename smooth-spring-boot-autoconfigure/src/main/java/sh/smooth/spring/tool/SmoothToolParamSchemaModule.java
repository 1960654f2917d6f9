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

package sh.smooth.spring.tool;

import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import org.jspecify.annotations.Nullable;

import sh.smooth.spring.schema.SmoothSchemaModule;

/**
 * A victools module that reads {@link SmoothToolParam} on fields and record components of
 * the types used as tool parameters: its description becomes the property's description,
 * and an annotated property is required unless it is {@code Optional}, {@code @Nullable}
 * or {@code required = false}.
 */
public final class SmoothToolParamSchemaModule implements SmoothSchemaModule {

	@Override
	public void applyToConfigBuilder(SchemaGeneratorConfigBuilder builder) {
		builder.forFields().withDescriptionResolver(SmoothToolParamSchemaModule::description);
	}

	/**
	 * {@code @SmoothToolParam(required = false)} makes a property optional; otherwise the
	 * generator's rule decides ({@code Optional} and {@code @Nullable} are optional).
	 */
	@Override
	public @Nullable Boolean isRequired(FieldScope field) {
		SmoothToolParam param = field.getAnnotationConsideringFieldAndGetter(SmoothToolParam.class);
		return (param != null && !param.required()) ? Boolean.FALSE : null;
	}

	private static @Nullable String description(FieldScope field) {
		SmoothToolParam param = field.getAnnotationConsideringFieldAndGetter(SmoothToolParam.class);
		return (param != null && !param.description().isBlank()) ? param.description() : null;
	}

}
