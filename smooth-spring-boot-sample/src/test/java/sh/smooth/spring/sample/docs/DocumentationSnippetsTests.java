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

package sh.smooth.spring.sample.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code java} block of the README and of {@code docs/} compiles, as pasted,
 * against the starter and the test module: part of {@code ./mvnw -B -ntp verify}. A page
 * of {@code docs/} compiles together with the README's blocks, so that it can build on
 * the README's hello world, and every bean or {@code @SpringBootTest} among them is in
 * the hello world's package, where Spring finds it.
 */
class DocumentationSnippetsTests {

	private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

	/**
	 * A top-level type that component scanning or the test context's search must find.
	 */
	private static final Pattern FOUND_BY_SPRING = Pattern
		.compile("(?m)^@(Component|Service|Repository|Controller|RestController|Configuration|SpringBootTest)\\b");

	@Test
	void everyJavaSnippetCompiles(@TempDir Path temp) {
		List<String> errors = new ArrayList<>();
		int count = 0;
		List<Path> pages = Snippets.documentation(ROOT);
		// the README comes first; a docs/ page may use its types (the hello world's test
		// in docs/testing.md tests the README's HackerNews service)
		List<Snippets.Snippet> readme = Snippets.extract(pages.get(0), ROOT);
		for (int i = 0; i < pages.size(); i++) {
			List<Snippets.Snippet> snippets = new ArrayList<>(Snippets.extract(pages.get(i), ROOT));
			count += snippets.size();
			if (i > 0 && !snippets.isEmpty()) {
				snippets.addAll(readme);
			}
			if (!snippets.isEmpty()) {
				errors.addAll(Snippets.compile(snippets, classpath(), temp.resolve("page" + i)));
			}
		}
		assertThat(count).as("java snippets in README.md and docs/").isPositive();
		assertThat(errors).as("compile errors in documentation snippets").isEmpty();
	}

	@Test
	void everyBeanAndBootTestIsWhereTheHelloWorldFindsIt() {
		// compiling does not show it: a @Component outside the @SpringBootApplication's
		// package is never scanned, and a @SpringBootTest outside it fails with "Unable
		// to
		// find a @SpringBootConfiguration"
		List<Snippets.Snippet> snippets = new ArrayList<>();
		Snippets.documentation(ROOT).forEach((page) -> snippets.addAll(Snippets.extract(page, ROOT)));
		List<String> applications = snippets.stream()
			.filter((snippet) -> snippet.code().contains("@SpringBootApplication"))
			.map(Snippets.Snippet::packageName)
			.distinct()
			.toList();
		assertThat(applications).as("packages of the @SpringBootApplication snippets").hasSize(1);
		String application = applications.get(0);
		List<String> misplaced = snippets.stream()
			.filter((snippet) -> FOUND_BY_SPRING.matcher(snippet.code()).find())
			.filter((snippet) -> !snippet.packageName().equals(application)
					&& !snippet.packageName().startsWith(application + "."))
			.map((snippet) -> snippet.file() + ":" + snippet.line() + ": " + snippet.typeName() + " is in "
					+ snippet.packageName() + ", outside " + application)
			.toList();
		assertThat(misplaced).as("beans and @SpringBootTests the hello world would not find").isEmpty();
	}

	@Test
	void aSnippetThatDoesNotCompileIsReportedWithItsFileAndLine(@TempDir Path temp) throws Exception {
		List<String> markdown = List.of("# Title", "", "```java", "import java.util.List;", "", "class Broken {", "",
				"\tList<String> names = new ArrayList<>();", "", "}", "```");
		List<Snippets.Snippet> snippets = Snippets.extract("docs/example.md", markdown);
		assertThat(snippets).singleElement().satisfies((snippet) -> {
			assertThat(snippet.line()).isEqualTo(4);
			assertThat(snippet.typeName()).isEqualTo("Broken");
		});
		assertThat(Snippets.compile(snippets, classpath(), temp)).singleElement()
			.asString()
			.startsWith("docs/example.md:8: ")
			.contains("ArrayList");
	}

	@Test
	void aFragmentWithoutATypeIsRefused() {
		Snippets.Snippet fragment = Snippets.extract("README.md", List.of("```java", "smooth.run(\"x\");", "```"))
			.get(0);
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(fragment::typeName)
			.withMessageContaining("README.md:2: a java snippet must be a complete source file");
	}

	@Test
	void anOutlineIsNotCompiled() {
		assertThat(Snippets.extract("docs/x.md", List.of("```java outline", "h.id(); h.status();", "```"))).isEmpty();
	}

	@Test
	void theDocumentationIsFound() {
		assertThat(Files.isRegularFile(ROOT.resolve("README.md"))).isTrue();
	}

	private static String classpath() {
		// surefire puts the test classpath in a manifest-only jar: its real value is here
		return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
	}

}
