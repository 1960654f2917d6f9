/**
 * Browser profiles: cookies and storage kept between tasks, so a login is done once and
 * reused. See {@link sh.smooth.spring.profile.SmoothProfiles}.
 */
@NullMarked
package sh.smooth.spring.profile;

import org.jspecify.annotations.NullMarked;
