package sh.smooth.spring.profile;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import sh.smooth.spring.task.Validate;

/**
 * A browser profile: pass its id to {@code SmoothTask.Builder#profile(String)} to reuse
 * its cookies.
 *
 * @param id the profile id
 * @param statistics what newer servers tell about the profile, or {@code null} when the
 * server sent none (older servers, and the answer to a create)
 */
public record Profile(String id, @Nullable ProfileStatistics statistics) {

	/**
	 * Creates a profile.
	 * @param id the profile id
	 * @param statistics the statistics, or {@code null}
	 */
	public Profile {
		Validate.notBlank("profile id", id);
	}

	/**
	 * The statistics, if the server sent any.
	 * @return the statistics
	 */
	public Optional<ProfileStatistics> stats() {
		return Optional.ofNullable(this.statistics);
	}

}
