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

import java.util.Map;
import java.util.Objects;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts a simulator for one application context, publishes its URL and key as the
 * highest-priority properties and registers it as the bean {@code smoothSimulator}. Equal
 * customizers (same property names) keep Spring's context cache working.
 */
class SmoothSimulatorContextCustomizer implements ContextCustomizer {

	static final String BEAN_NAME = "smoothSimulator";

	private final String baseUrlProperty;

	private final String apiKeyProperty;

	SmoothSimulatorContextCustomizer(String baseUrlProperty, String apiKeyProperty) {
		this.baseUrlProperty = baseUrlProperty;
		this.apiKeyProperty = apiKeyProperty;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		SmoothSimulator simulator = SmoothSimulator.start();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource(BEAN_NAME,
					Map.of(this.baseUrlProperty, simulator.baseUrl(), this.apiKeyProperty, simulator.apiKey())));
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(BEAN_NAME, simulator);
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			// destroyed with the context, also when its refresh fails
			registry.registerDisposableBean(BEAN_NAME, simulator::close);
		}
		else {
			context.addApplicationListener(new CloseOnContextClosed(context, simulator));
		}
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (other == null || getClass() != other.getClass()) {
			return false;
		}
		SmoothSimulatorContextCustomizer that = (SmoothSimulatorContextCustomizer) other;
		return this.baseUrlProperty.equals(that.baseUrlProperty) && this.apiKeyProperty.equals(that.apiKeyProperty);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.baseUrlProperty, this.apiKeyProperty);
	}

	private static final class CloseOnContextClosed implements ApplicationListener<ContextClosedEvent> {

		private final ConfigurableApplicationContext context;

		private final SmoothSimulator simulator;

		CloseOnContextClosed(ConfigurableApplicationContext context, SmoothSimulator simulator) {
			this.context = context;
			this.simulator = simulator;
		}

		@Override
		public void onApplicationEvent(ContextClosedEvent event) {
			// child contexts publish their own close events: only ours stops the
			// simulator
			if (event.getApplicationContext() == this.context) {
				this.simulator.close();
			}
		}

	}

}
