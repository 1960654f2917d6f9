/**
 * The Smooth HTTP API on the wire: request and response records with their snake_case
 * names, the WebClient calls, error mapping and safe retries. Knows nothing of tasks,
 * sessions or tools.
 */
@NullMarked
package sh.smooth.spring.api;

import org.jspecify.annotations.NullMarked;
