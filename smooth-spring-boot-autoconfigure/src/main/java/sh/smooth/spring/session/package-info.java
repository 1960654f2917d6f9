/**
 * Browser sessions: {@code SmoothSession} and its actions (goto, extract, evaluate_js,
 * run_task, close), sent as events on one task.
 */
@NullMarked
package sh.smooth.spring.session;

import org.jspecify.annotations.NullMarked;
