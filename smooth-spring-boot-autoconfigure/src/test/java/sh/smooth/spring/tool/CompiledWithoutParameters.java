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

package sh.smooth.spring.tool;

import java.io.ByteArrayOutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiles a class at test time the way a build that imports the BOM without Boot's
 * parent does: without {@code -parameters}, so its parameter names are {@code arg0},
 * {@code arg1}, ... at run time. The real compiler, not a mock.
 */
public final class CompiledWithoutParameters {

	private CompiledWithoutParameters() {
	}

	/**
	 * Compiles one source file (in the default package) against the starter's own classes
	 * and loads it.
	 * @param dir a fresh directory for the source and the class file
	 * @param className the simple name of the public class in {@code source}
	 * @param source the Java source
	 * @return the loaded class
	 * @throws Exception when it does not compile or load
	 */
	public static Class<?> load(Path dir, String className, String source) throws Exception {
		Path file = dir.resolve(className + ".java");
		Files.writeString(file, source);
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		// deliberately without -parameters
		int status = compiler.run(null, null, errors, "-proc:none", "-classpath", starterClasses(), "-d",
				dir.toString(), file.toString());
		assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
		// never closed: the class must stay loadable while the test's context runs
		URLClassLoader loader = new URLClassLoader(new URL[] { dir.toUri().toURL() },
				CompiledWithoutParameters.class.getClassLoader());
		Class<?> type = loader.loadClass(className);
		assertThat(type.getDeclaredMethods()).allSatisfy(
				(method) -> assertThat(method.getParameters()).noneMatch(java.lang.reflect.Parameter::isNamePresent));
		return type;
	}

	private static String starterClasses() throws URISyntaxException {
		return Path.of(SmoothTool.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
	}

}
