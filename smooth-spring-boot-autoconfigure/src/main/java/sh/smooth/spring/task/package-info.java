/**
 * One-shot tasks: the {@link sh.smooth.spring.task.SmoothTask} specification, the
 * {@link sh.smooth.spring.task.TaskHandle} of a running task and its
 * {@link sh.smooth.spring.task.TaskResult}.
 */
@NullMarked
package sh.smooth.spring.task;

import org.jspecify.annotations.NullMarked;
