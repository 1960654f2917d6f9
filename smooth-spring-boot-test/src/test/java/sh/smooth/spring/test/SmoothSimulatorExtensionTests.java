package sh.smooth.spring.test;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JUnit extension: one simulator per class, the same in lifecycle methods and tests,
 * reset before each test.
 */
@ExtendWith(SmoothSimulatorExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SmoothSimulatorExtensionTests {

	private static SmoothSimulator first;

	private SmoothSimulator fromBeforeEach;

	@BeforeEach
	void setUp(SmoothSimulator sim) {
		this.fromBeforeEach = sim;
	}

	@Test
	@Order(1)
	void injectsTheSameSimulatorIntoLifecycleMethodsAndTests(SmoothSimulator sim) {
		assertThat(sim).isSameAs(this.fromBeforeEach);
		first = sim;
		new Api(sim).createTask("left behind");
		assertThat(sim.taskIds()).hasSize(1);
	}

	@Test
	@Order(2)
	void sharesItAcrossTheClassButResetsItBeforeEachTest(SmoothSimulator sim) {
		assertThat(sim).isSameAs(first);
		assertThat(sim.taskIds()).isEmpty();
		assertThat(sim.requests()).isEmpty();
	}

}
