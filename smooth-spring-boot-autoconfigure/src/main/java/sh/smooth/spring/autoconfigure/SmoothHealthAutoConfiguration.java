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

import sh.smooth.spring.api.SmoothApiClient;

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
public final class SmoothHealthAutoConfiguration {

	private static final Duration MAX_CHECK_TIME = Duration.ofSeconds(10);

	@Bean
	@ConditionalOnMissingBean(name = "smoothHealthIndicator")
	SmoothHealthIndicator smoothHealthIndicator(SmoothApiClient api, SmoothProperties properties) {
		// a probe must answer in seconds, even when the read timeout allows long polls
		Duration call = properties.connectTimeout().plus(properties.readTimeout());
		Duration timeout = (call.compareTo(MAX_CHECK_TIME) < 0) ? call : MAX_CHECK_TIME;
		return new SmoothHealthIndicator(api, properties.health().cacheTtl(), timeout);
	}

}
