/**
 * Chrome extensions loaded into the agent's browser. See
 * {@link sh.smooth.spring.extension.SmoothExtensions}.
 */
@NullMarked
package sh.smooth.spring.extension;

import org.jspecify.annotations.NullMarked;
