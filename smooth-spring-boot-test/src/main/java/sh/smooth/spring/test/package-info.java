/**
 * Test support for Smooth clients: {@link sh.smooth.spring.test.SmoothSimulator}, an
 * in-process fake of the Smooth HTTP API with scripting, fault injection and request
 * verification, plus its Spring
 * ({@link sh.smooth.spring.test.AutoConfigureSmoothSimulator}) and JUnit
 * ({@link sh.smooth.spring.test.SmoothSimulatorExtension}) integrations. Knows nothing of
 * the starter's client: it is a server that only shares the property names
 * {@code smooth.base-url} and {@code smooth.api-key}.
 */
package sh.smooth.spring.test;
