/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package sh.smooth.spring.sample;

import java.io.File;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that adds the starter (and the test module) gets no HTTP/3 native
 * libraries: Smooth speaks HTTP/1.1, so the QUIC natives reactor-netty would bring are
 * excluded.
 */
class SampleClasspathTests {

	@Test
	void theClasspathHasNoQuicNativeLibraries() {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> jars = List.of(classpath.split(File.pathSeparator));
		assertThat(jars).as("the sample's test classpath").anyMatch((jar) -> jar.contains("reactor-netty-http"));
		assertThat(jars).noneMatch((jar) -> jar.contains("netty-codec-native-quic"));
	}

}
