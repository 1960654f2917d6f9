package sh.smooth.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The names and key values of the {@code smooth.task} observation. Declare a bean of this
 * type to replace {@link DefaultSmoothTaskObservationConvention}.
 */
public interface SmoothTaskObservationConvention extends ObservationConvention<SmoothTaskObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof SmoothTaskObservationContext;
	}

}
