package sh.smooth.spring.profile;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a newer server reports about a profile. Each value is optional on the wire, so
 * each may be {@code null} here.
 *
 * @param cookieDomains the registrable domains the profile has cookies for, most recently
 * used first (empty when unknown)
 * @param cookieCount how many cookies the profile holds
 * @param sizeBytes the stored size of the profile
 * @param lastSavedAt when a task last wrote the profile back
 */
public record ProfileStatistics(List<String> cookieDomains, @Nullable Long cookieCount, @Nullable Long sizeBytes,
		@Nullable Instant lastSavedAt) {

	/**
	 * Creates statistics.
	 * @param cookieDomains the domains
	 * @param cookieCount the cookie count, or {@code null}
	 * @param sizeBytes the size, or {@code null}
	 * @param lastSavedAt the last save, or {@code null}
	 */
	public ProfileStatistics {
		cookieDomains = List.copyOf(cookieDomains);
	}

}
