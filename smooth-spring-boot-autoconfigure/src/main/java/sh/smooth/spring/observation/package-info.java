/**
 * Micrometer observations of Smooth: {@code smooth.task} per task and session,
 * {@code smooth.session.action} per session action, {@code smooth.tool.call} per custom
 * tool call, and the meters derived from them ({@code smooth.credits.used},
 * {@code smooth.task.credits}, {@code smooth.poll.requests}).
 */
@NullMarked
package sh.smooth.spring.observation;

import org.jspecify.annotations.NullMarked;
