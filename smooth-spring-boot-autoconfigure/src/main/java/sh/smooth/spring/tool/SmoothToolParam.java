package sh.smooth.spring.tool;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a parameter of a {@link SmoothTool} method, or a field or record component of
 * a type used as a parameter, in the tool's input schema.
 */
@Target({ ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SmoothToolParam {

	/**
	 * The argument name, on method parameters only. Defaults to the parameter name, which
	 * needs the {@code -parameters} compiler flag. On fields and record components use
	 * {@code @JsonProperty} instead.
	 * @return the name
	 */
	String name() default "";

	/**
	 * What the argument means, for the agent.
	 * @return the description
	 */
	String description() default "";

	/**
	 * Whether the argument must be given. {@code Optional} and {@code @Nullable}
	 * parameters are optional without it; {@code @JsonProperty(required = true)} makes
	 * any parameter required.
	 * @return whether the argument is required
	 */
	boolean required() default true;

}
