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

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Turns {@link AutoConfigureSmoothSimulator} into a
 * {@link SmoothSimulatorContextCustomizer}. Registered in
 * {@code META-INF/spring.factories}, so every Spring test context sees it.
 */
public class SmoothSimulatorContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		// also finds the annotation on the enclosing class of @Nested tests
		AutoConfigureSmoothSimulator annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureSmoothSimulator.class);
		if (annotation == null) {
			return null;
		}
		return new SmoothSimulatorContextCustomizer(annotation.baseUrlProperty(), annotation.apiKeyProperty());
	}

}
