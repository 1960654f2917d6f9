package sh.smooth.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The names and key values of the {@code smooth.session.action} observation. Declare a
 * bean of this type to replace {@link DefaultSmoothSessionActionObservationConvention}.
 */
public interface SmoothSessionActionObservationConvention
		extends ObservationConvention<SmoothSessionActionObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof SmoothSessionActionObservationContext;
	}

}
