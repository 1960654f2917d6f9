/**
 * JSON Schema from Java types, for structured output ({@code response_model}) and tool
 * inputs. One configured generator, results cached per type.
 */
@NullMarked
package sh.smooth.spring.schema;

import org.jspecify.annotations.NullMarked;
