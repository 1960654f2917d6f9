package sh.smooth.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The names and key values of the {@code smooth.tool.call} observation. Declare a bean of
 * this type to replace {@link DefaultSmoothToolCallObservationConvention}.
 */
public interface SmoothToolCallObservationConvention extends ObservationConvention<SmoothToolCallObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof SmoothToolCallObservationContext;
	}

}
