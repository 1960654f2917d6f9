/**
 * The exception hierarchy of the Smooth client, rooted at
 * {@link sh.smooth.spring.error.SmoothException}.
 */
@NullMarked
package sh.smooth.spring.error;

import org.jspecify.annotations.NullMarked;
