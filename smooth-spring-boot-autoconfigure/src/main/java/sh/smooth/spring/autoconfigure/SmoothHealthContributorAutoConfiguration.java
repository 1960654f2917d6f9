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

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import sh.smooth.spring.api.ConnectionSettings;
import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.health.SmoothHealthIndicator;

/**
 * Auto-configuration of the {@link SmoothHealthIndicator} (contributor {@code smooth}).
 * Off by default: turn it on with {@code smooth.health.enabled=true}; Boot's
 * {@code management.health.smooth.enabled=false} also turns it off.
 */
@AutoConfiguration(after = SmoothAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(SmoothApiClient.class)
@ConditionalOnProperty(name = "smooth.health.enabled", havingValue = "true")
@ConditionalOnEnabledHealthIndicator("smooth")
public final class SmoothHealthContributorAutoConfiguration {

	private static final Duration MAX_CHECK_TIME = Duration.ofSeconds(10);

	@Bean
	@ConditionalOnMissingBean(name = "smoothHealthIndicator")
	SmoothHealthIndicator smoothHealthIndicator(SmoothApiClient api, ConnectionSettings connection,
			SmoothProperties properties) {
		// a probe must answer in seconds, even when the read timeout allows long polls
		Duration call = connection.connectTimeout().plus(connection.readTimeout());
		Duration timeout = (call.compareTo(MAX_CHECK_TIME) < 0) ? call : MAX_CHECK_TIME;
		return new SmoothHealthIndicator(api, properties.health().cacheTtl(), timeout);
	}

}
