/**
 * The shared polling engine: one {@link sh.smooth.spring.polling.TaskPoller} per task,
 * driven by timers on a shared scheduler (no thread per task). It knows no tools or
 * sessions: those subscribe as {@link sh.smooth.spring.polling.TaskEventListener}s.
 */
@NullMarked
package sh.smooth.spring.polling;

import org.jspecify.annotations.NullMarked;
