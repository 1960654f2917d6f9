package sh.smooth.spring.sample.demo;

/**
 * An order as the session extracts it from the shop's page.
 *
 * @param number the order number
 * @param total the total in USD
 * @param status the status shown on the page
 */
public record Order(String number, double total, String status) {
}
