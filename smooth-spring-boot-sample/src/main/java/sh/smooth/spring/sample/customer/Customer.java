package sh.smooth.spring.sample.customer;

import java.util.List;

/**
 * A customer of the example shop.
 *
 * @param id the id
 * @param name the name
 * @param email the e-mail address
 * @param orders the order numbers, newest first
 */
public record Customer(String id, String name, String email, List<String> orders) {
}
