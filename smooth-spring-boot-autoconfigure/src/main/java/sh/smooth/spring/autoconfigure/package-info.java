/**
 * Spring Boot auto-configuration: properties and beans. The only package that knows
 * Spring Boot; nothing else imports it.
 */
@NullMarked
package sh.smooth.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
