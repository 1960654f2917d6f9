/**
 * The entry point: {@link sh.smooth.spring.SmoothOperations}, implemented by
 * {@link sh.smooth.spring.SmoothTemplate}.
 */
@NullMarked
package sh.smooth.spring;

import org.jspecify.annotations.NullMarked;
