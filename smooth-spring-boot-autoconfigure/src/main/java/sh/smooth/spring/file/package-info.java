/**
 * Files the agent can use in a task, such as a document to attach to a form. See
 * {@link sh.smooth.spring.file.SmoothFiles}.
 */
@NullMarked
package sh.smooth.spring.file;

import org.jspecify.annotations.NullMarked;
