package sh.smooth.spring.benchmarks;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the load harness starts: the starter with its default settings, and
 * nothing else.
 */
@SpringBootApplication
public class HarnessApplication {

}
