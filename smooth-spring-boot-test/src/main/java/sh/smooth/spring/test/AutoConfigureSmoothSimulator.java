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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts a {@link SmoothSimulator} for a Spring test context: sets
 * {@code smooth.base-url} and {@code smooth.api-key} to point at it, registers it as a
 * bean (so tests can {@code @Autowired} it) and stops it when the context closes.
 * <p>
 * Spring caches test contexts, so test classes with the same configuration share one
 * simulator: call {@link SmoothSimulator#reset()} in {@code @BeforeEach} when a test
 * needs a clean one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureSmoothSimulator {

	/**
	 * The property that receives {@link SmoothSimulator#baseUrl()}.
	 * @return the property name
	 */
	String baseUrlProperty() default "smooth.base-url";

	/**
	 * The property that receives {@link SmoothSimulator#apiKey()}.
	 * @return the property name
	 */
	String apiKeyProperty() default "smooth.api-key";

}
