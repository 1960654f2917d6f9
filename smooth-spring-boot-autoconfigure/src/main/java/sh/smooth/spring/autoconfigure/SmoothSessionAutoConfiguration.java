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
