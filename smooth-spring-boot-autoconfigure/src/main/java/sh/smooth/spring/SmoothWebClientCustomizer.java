package sh.smooth.spring;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Customizes the {@link WebClient.Builder} used for Smooth alone (a clone of Boot's
 * builder), for example to add a filter or a proxy. Unlike a global
 * {@code WebClientCustomizer}, it never touches the application's other clients, and what
 * it adds never leaks onto them.
 */
@FunctionalInterface
public interface SmoothWebClientCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the Smooth builder
	 */
	void customize(WebClient.Builder builder);

}
