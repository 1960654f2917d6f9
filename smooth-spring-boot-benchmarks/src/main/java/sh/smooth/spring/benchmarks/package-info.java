/**
 * Load harness and JMH microbenchmarks of the Smooth client. Not part of the starter.
 */
@NullMarked
package sh.smooth.spring.benchmarks;

import org.jspecify.annotations.NullMarked;
