package sh.smooth.spring.tool;

import java.util.Optional;

import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Module;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import org.jspecify.annotations.Nullable;

/**
 * A victools module that reads {@link SmoothToolParam} on fields and record components of
 * the types used as tool parameters: its description becomes the property's description,
 * and an annotated property is required unless it is {@code Optional}, {@code @Nullable}
 * or {@code required = false}.
 */
public final class SmoothToolParamSchemaModule implements Module {

	@Override
	public void applyToConfigBuilder(SchemaGeneratorConfigBuilder builder) {
		builder.forFields().withDescriptionResolver(SmoothToolParamSchemaModule::description);
		builder.forFields().withRequiredCheck(SmoothToolParamSchemaModule::required);
	}

	private static @Nullable String description(FieldScope field) {
		SmoothToolParam param = field.getAnnotationConsideringFieldAndGetter(SmoothToolParam.class);
		return (param != null && !param.description().isBlank()) ? param.description() : null;
	}

	private static boolean required(FieldScope field) {
		SmoothToolParam param = field.getAnnotationConsideringFieldAndGetter(SmoothToolParam.class);
		if (param == null || !param.required() || field.getType().getErasedType() == Optional.class) {
			return false;
		}
		for (java.lang.annotation.Annotation annotation : field.getRawMember().getAnnotations()) {
			if (annotation.annotationType().getSimpleName().equals("Nullable")) {
				return false;
			}
		}
		for (java.lang.annotation.Annotation annotation : field.getRawMember().getAnnotatedType().getAnnotations()) {
			if (annotation.annotationType().getSimpleName().equals("Nullable")) {
				return false;
			}
		}
		return true;
	}

}
