package sh.smooth.spring.test;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Turns {@link AutoConfigureSmoothSimulator} into a
 * {@link SmoothSimulatorContextCustomizer}. Registered in
 * {@code META-INF/spring.factories}, so every Spring test context sees it.
 */
public class SmoothSimulatorContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		// also finds the annotation on the enclosing class of @Nested tests
		AutoConfigureSmoothSimulator annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureSmoothSimulator.class);
		if (annotation == null) {
			return null;
		}
		return new SmoothSimulatorContextCustomizer(annotation.baseUrlProperty(), annotation.apiKeyProperty());
	}

}
