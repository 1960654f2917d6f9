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

package sh.smooth.spring.schema;

import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Module;
import org.jspecify.annotations.Nullable;

/**
 * A victools {@link Module} that may also overrule the default "required" rule for object
 * properties.
 * <p>
 * victools combines required checks with a logical OR, so a plain module can make a
 * property required but never optional. A module implementing this interface is asked
 * first: the first non-null answer wins, and only then does the default rule apply
 * ({@code Optional} or {@code @Nullable} properties are optional). A property that
 * {@code @JsonProperty(required = true)} marks stays required whatever the answer.
 */
public interface SmoothSchemaModule extends Module {

	/**
	 * Decides whether a property is required.
	 * @param field the property's field
	 * @return {@code true} or {@code false} to decide, {@code null} to leave it to the
	 * next module or the default rule
	 */
	default @Nullable Boolean isRequired(FieldScope field) {
		return null;
	}

}
