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

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Fails an application that runs on Spring Boot 3.x with a message that says so, before
 * Boot reads any bean definition: without it, the first error is an unrelated
 * {@code defaultCodecCustomizer} bean-override failure.
 * <p>
 * Registered in {@code META-INF/spring.factories} as an
 * {@link ApplicationContextInitializer}, a contract Boot 3 and 4 share, and written
 * against Spring Framework types only, so that Boot 3 can load and run it. Initializers
 * run before the context refresh in which auto-configurations are read. The check is
 * whether {@value #BOOT_4_CLASS}, an interface new in Boot 4.0, is on the classpath.
 */
public final class SmoothBootVersionCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** A type that Spring Boot 4.0 introduced (Boot 3 has it in {@code boot.env}). */
	static final String BOOT_4_CLASS = "org.springframework.boot.EnvironmentPostProcessor";

	static final String MESSAGE = "smooth-spring-boot-starter requires Spring Boot 4.0 or later, but this application "
			+ "runs on an older Spring Boot. Upgrade the application to Spring Boot 4.0.x "
			+ "(https://github.com/spring-projects/spring-boot/wiki/Spring-Boot-4.0-Migration-Guide).";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		check(context.getClassLoader());
	}

	static void check(ClassLoader classLoader) {
		if (!ClassUtils.isPresent(BOOT_4_CLASS, classLoader)) {
			throw new IllegalStateException(MESSAGE);
		}
	}

}
