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

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Finds the {@code java} code blocks of Markdown files and compiles each one on its own,
 * as a complete source file, against the test classpath: a snippet shows its imports, and
 * one that does not compile is reported with its file and line.
 */
final class Snippets {

	private static final Pattern FENCE = Pattern.compile("^(\\s*)```\\s*(\\S*)\\s*(.*?)\\s*$");

	private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");

	private static final Pattern TYPE = Pattern.compile(
			"(?m)^(?:public\\s+)?(?:final\\s+|abstract\\s+|sealed\\s+)*(?:class|record|interface|enum|@interface)\\s+(\\w+)");

	private static final Pattern PUBLIC_TYPE = Pattern.compile(
			"(?m)^public\\s+(?:final\\s+|abstract\\s+|sealed\\s+)*(?:class|record|interface|enum|@interface)\\s+(\\w+)");

	private Snippets() {
	}

	/**
	 * The Markdown files of the documentation: the README and everything under
	 * {@code docs/}.
	 * @param root the repository root
	 * @return the files, sorted
	 */
	static List<Path> documentation(Path root) {
		List<Path> files = new ArrayList<>();
		files.add(root.resolve("README.md"));
		Path docs = root.resolve("docs");
		if (Files.isDirectory(docs)) {
			try (Stream<Path> walk = Files.walk(docs)) {
				walk.filter((path) -> path.toString().endsWith(".md"))
					.sorted(Comparator.naturalOrder())
					.forEach(files::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return files;
	}

	/**
	 * The {@code java} blocks of a Markdown file.
	 * @param file the file
	 * @param root the repository root, to name the file in messages
	 * @return the snippets in order
	 */
	static List<Snippet> extract(Path file, Path root) {
		try {
			return extract(root.relativize(file).toString(), Files.readAllLines(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Snippet> extract(String name, List<String> lines) {
		List<Snippet> snippets = new ArrayList<>();
		StringBuilder code = null;
		int start = 0;
		String indent = "";
		for (int i = 0; i < lines.size(); i++) {
			Matcher fence = FENCE.matcher(lines.get(i));
			if (code == null && fence.matches() && "java".equals(fence.group(2).toLowerCase(Locale.ROOT))
					&& fence.group(3).isEmpty()) {
				code = new StringBuilder();
				start = i + 2;
				indent = fence.group(1);
			}
			else if (code != null && fence.matches() && fence.group(2).isEmpty()) {
				snippets.add(new Snippet(name, start, code.toString()));
				code = null;
			}
			else if (code != null) {
				String line = lines.get(i);
				code.append(line.startsWith(indent) ? line.substring(indent.length()) : line).append('\n');
			}
		}
		if (code != null) {
			throw new IllegalStateException(name + ":" + (start - 1) + ": a java block is never closed");
		}
		return snippets;
	}

	/**
	 * Compiles the snippets of one page together, each as its own source file in its own
	 * package (so that a page can show an application, a service and its test).
	 * @param snippets the snippets
	 * @param classpath the classpath to compile against
	 * @param output a directory for the sources and class files
	 * @return the errors, each as {@code file:line: message}; empty when they compile
	 */
	static List<String> compile(List<Snippet> snippets, String classpath, Path output) {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
			Map<Path, Snippet> sources = new LinkedHashMap<>();
			for (Snippet snippet : snippets) {
				Path source = output.resolve("src")
					.resolve(snippet.packageName().replace('.', '/'))
					.resolve(snippet.typeName() + ".java");
				if (sources.containsKey(source)) {
					throw new IllegalStateException(snippet.file() + ":" + snippet.line() + ": a second "
							+ snippet.typeName() + " in the same package on one page");
				}
				Files.createDirectories(source.getParent());
				Files.writeString(source, snippet.code());
				sources.put(source.toAbsolutePath(), snippet);
			}
			Path classes = Files.createDirectories(output.resolve("classes"));
			List<String> options = List.of("--release", "17", "-proc:none", "-parameters", "-classpath", classpath,
					"-d", classes.toString());
			List<File> inputs = sources.keySet().stream().map(Path::toFile).toList();
			boolean ok = compiler
				.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromFiles(inputs))
				.call();
			List<String> errors = new ArrayList<>();
			for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
				if (diagnostic.getKind() != Diagnostic.Kind.ERROR) {
					continue;
				}
				Snippet snippet = (diagnostic.getSource() != null)
						? sources.get(Path.of(diagnostic.getSource().toUri()).toAbsolutePath()) : null;
				String where = (snippet != null)
						? snippet.file() + ":" + (snippet.line() + diagnostic.getLineNumber() - 1) : "?";
				errors.add(where + ": " + diagnostic.getMessage(Locale.ROOT));
			}
			if (!ok && errors.isEmpty()) {
				errors.add(snippets.get(0).file() + ": does not compile");
			}
			return errors;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One {@code java} block.
	 *
	 * @param file the Markdown file, relative to the repository root
	 * @param line the line of the block's first line of code
	 * @param code the code
	 */
	record Snippet(String file, int line, String code) {

		/**
		 * The declared package.
		 * @return the package, or the empty string
		 */
		String packageName() {
			Matcher declared = PACKAGE.matcher(this.code);
			return declared.find() ? declared.group(1) : "";
		}

		/**
		 * The name the source file needs: its public type, else its first type.
		 * @return the type name
		 */
		String typeName() {
			Matcher publicType = PUBLIC_TYPE.matcher(this.code);
			if (publicType.find()) {
				return publicType.group(1);
			}
			Matcher type = TYPE.matcher(this.code);
			if (type.find()) {
				return type.group(1);
			}
			throw new IllegalStateException(this.file + ":" + this.line
					+ ": a java snippet must be a complete source file, with its imports and a type");
		}

	}

}
