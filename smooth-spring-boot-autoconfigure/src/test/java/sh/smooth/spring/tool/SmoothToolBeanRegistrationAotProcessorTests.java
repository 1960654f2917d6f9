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

import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.beans.factory.support.RootBeanDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reflection hints for tool beans.
 */
class SmoothToolBeanRegistrationAotProcessorTests {

	@Test
	void isRegisteredInAotFactories() {
		assertThat(AotServices.factories().load(BeanRegistrationAotProcessor.class))
			.hasAtLeastOneElementOfType(SmoothToolBeanRegistrationAotProcessor.class);
	}

	@Test
	void registersToolMethodsForInvocationAndTheirTypesForBinding() throws Exception {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("dispatchTools", new RootBeanDefinition(DispatchTools.class));
		beanFactory.registerBeanDefinition("plain", new RootBeanDefinition(String.class));
		SmoothToolBeanRegistrationAotProcessor processor = new SmoothToolBeanRegistrationAotProcessor();

		assertThat(processor.processAheadOfTime(RegisteredBean.of(beanFactory, "plain"))).isNull();
		BeanRegistrationAotContribution contribution = processor
			.processAheadOfTime(RegisteredBean.of(beanFactory, "dispatchTools"));
		assertThat(contribution).isNotNull();
		GenerationContext generation = new DefaultGenerationContext(
				new org.springframework.aot.generate.ClassNameGenerator(
						org.springframework.javapoet.ClassName.get(getClass())),
				new InMemoryGeneratedFiles());
		contribution.applyTo(generation, null);

		RuntimeHints hints = generation.getRuntimeHints();
		Method lookup = DispatchTools.class.getMethod("lookup", String.class, java.util.Optional.class,
				SmoothToolContext.class);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(lookup)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(DispatchTools.Status.class)))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(SmoothToolContext.class)).rejects(hints);
	}

}
