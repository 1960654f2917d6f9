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

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Registers reflection hints for beans with {@link SmoothTool} methods, so that AOT
 * processing and native images keep them callable: each method is registered for
 * invocation, and its parameter and return types for JSON binding.
 */
public final class SmoothToolBeanRegistrationAotProcessor implements BeanRegistrationAotProcessor {

	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		Class<?> beanClass = registeredBean.getBeanClass();
		if (!AnnotationUtils.isCandidateClass(beanClass, SmoothTool.class)) {
			return null;
		}
		Map<Method, SmoothTool> methods = MethodIntrospector.selectMethods(beanClass,
				(MethodIntrospector.MetadataLookup<SmoothTool>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, SmoothTool.class));
		if (methods.isEmpty()) {
			return null;
		}
		List<Method> tools = new ArrayList<>(methods.keySet());
		return (generationContext, code) -> {
			ReflectionHints reflection = generationContext.getRuntimeHints().reflection();
			BindingReflectionHintsRegistrar binding = new BindingReflectionHintsRegistrar();
			for (Method method : tools) {
				reflection.registerMethod(method, ExecutableMode.INVOKE);
				for (Type type : method.getGenericParameterTypes()) {
					if (type != SmoothToolContext.class) {
						binding.registerReflectionHints(reflection, type);
					}
				}
				binding.registerReflectionHints(reflection, method.getGenericReturnType());
			}
		};
	}

}
