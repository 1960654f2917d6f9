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

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import sh.smooth.spring.polling.PollingEngine;
import sh.smooth.spring.schema.SmoothSchemaGenerator;
import sh.smooth.spring.session.SessionActionObserver;
import sh.smooth.spring.session.SessionFactory;
import sh.smooth.spring.session.SessionRegistry;

/**
 * Auto-configuration of browser sessions: the {@link SessionFactory} the
 * {@link sh.smooth.spring.SmoothTemplate} opens sessions with, and the
 * {@link SessionRegistry} that closes sessions still open when the context closes.
 */
@AutoConfiguration(after = SmoothAutoConfiguration.class)
@ConditionalOnBean(PollingEngine.class)
public final class SmoothSessionAutoConfiguration {

	/** How long shutdown waits for open sessions to close. */
	static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * The registry depends on the polling engine only so that Spring destroys it first:
	 * sessions are closed (DELETE, then their final poll) while polling still works.
	 * @param engine the polling engine
	 * @return the registry
	 */
	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	SessionRegistry smoothSessionRegistry(PollingEngine engine) {
		return new SessionRegistry(SHUTDOWN_TIMEOUT);
	}

	@Bean
	@ConditionalOnMissingBean
	SessionFactory smoothSessionFactory(SmoothProperties properties, SmoothSchemaGenerator schemas,
			SessionRegistry registry, ObjectProvider<SessionActionObserver> observer) {
		return new SessionFactory(properties.session().actionTimeout(), schemas,
				observer.getIfAvailable(() -> SessionActionObserver.NOOP), registry);
	}

}
