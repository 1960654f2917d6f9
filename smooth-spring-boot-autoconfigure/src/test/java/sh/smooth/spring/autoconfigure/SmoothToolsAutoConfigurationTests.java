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

package sh.smooth.spring.autoconfigure;

import java.io.File;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AliasFor;

import sh.smooth.spring.SmoothTemplate;
import sh.smooth.spring.api.ToolSignature;
import sh.smooth.spring.support.ExpectedLog;
import sh.smooth.spring.tool.DefaultSmoothToolErrorHandler;
import sh.smooth.spring.tool.SmoothTool;
import sh.smooth.spring.tool.SmoothToolCallback;
import sh.smooth.spring.tool.SmoothToolContext;
import sh.smooth.spring.tool.SmoothToolErrorHandler;
import sh.smooth.spring.tool.ToolDispatcher;
import sh.smooth.spring.tool.ToolRegistry;
import sh.smooth.spring.tool.ToolReply;
import sh.smooth.spring.tool.ToolTaskSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discovery of tools and wiring of the tools auto-configuration.
 */
@ExpectedLog(logger = "org.springframework.context", message = "Exception encountered during context initialization",
		why = "tests of invalid tool declarations expect the context to fail")
class SmoothToolsAutoConfigurationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SmoothAutoConfiguration.class, SmoothToolsAutoConfiguration.class))
		.withPropertyValues("smooth.api-key=test-key");

	@Test
	void toolsReachTheTemplateAndDefaultsBackOff() {
		this.runner.withUserConfiguration(PlainTools.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(ToolTaskSupport.class);
			assertThat(context).hasSingleBean(DefaultSmoothToolErrorHandler.class);
			assertThat(context.getBean(SmoothTemplate.class)).extracting("supports")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.contains(context.getBean(ToolTaskSupport.class));
			assertThat(context.getBean(ToolRegistry.class).names()).containsExactly("inherited", "otp", "plain");
		});
		this.runner.withBean("myHandler", SmoothToolErrorHandler.class, () -> (failure) -> ToolReply.error(400, "x"))
			.run((context) -> {
				assertThat(context).hasSingleBean(SmoothToolErrorHandler.class);
				assertThat(context).doesNotHaveBean(DefaultSmoothToolErrorHandler.class);
			});
	}

	@Test
	void inheritedMethodsAndMetaAnnotationsAreFound() {
		this.runner.withUserConfiguration(PlainTools.class).run((context) -> {
			ToolRegistry registry = context.getBean(ToolRegistry.class);
			ToolSignature otp = registry.find("otp").orElseThrow().signature();
			assertThat(otp.description()).isEqualTo("Reads the latest one-time password");
			assertThat(otp.output()).isEqualTo("a string");
			assertThat(call(registry, "inherited", "{}")).isEqualTo("from the base class");
			assertThat(call(registry, "otp", "{\"user\":\"ann\"}")).isEqualTo("123456 for ann");
		});
	}

	@Test
	void jdkProxiedBeanIsCalledThroughItsProxy() {
		this.runner.withUserConfiguration(ProxiedTools.class).run((context) -> {
			assertThat(AopUtils.isJdkDynamicProxy(context.getBean("greetingTools"))).isTrue();
			assertThat(call(context.getBean(ToolRegistry.class), "greet", "{\"name\":\"Ann\"}")).isEqualTo("Hello Ann");
			assertThat(context.getBean(ProxiedTools.class).intercepted).containsExactly("greet");
		});
	}

	@Test
	void cglibProxiedBeanIsCalledThroughItsProxySoAdviceApplies() {
		this.runner.withUserConfiguration(ProxiedTools.class).run((context) -> {
			assertThat(AopUtils.isCglibProxy(context.getBean("transactionalTools"))).isTrue();
			assertThat(call(context.getBean(ToolRegistry.class), "save", "{\"value\":\"v1\"}")).isEqualTo("saved v1");
			assertThat(context.getBean(ProxiedTools.class).intercepted).containsExactly("save");
		});
	}

	@Test
	void programmaticToolsAreRegistered() {
		this.runner.withBean("echoTool", SmoothToolCallback.class, EchoTool::new).run((context) -> {
			ToolRegistry registry = context.getBean(ToolRegistry.class);
			assertThat(registry.names()).containsExactly("echo");
			assertThat(call(registry, "echo", "{\"a\":1}")).isEqualTo("{\"a\":1}");
		});
	}

	@Test
	void theQueueBoundDefaultsToThirtySecondsAndMustBePositive() {
		this.runner
			.run((context) -> assertThat(context.getBean(SmoothProperties.class).tools().executor().queueTimeout())
				.isEqualTo(Duration.ofSeconds(30))
				.isEqualTo(ToolDispatcher.DEFAULT_QUEUE_TIMEOUT));
		this.runner.withPropertyValues("smooth.tools.executor.queue-timeout=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("smooth.tools.executor.queue-timeout")
				.hasMessageContaining("must be a positive duration"));
	}

	@Test
	void duplicateNamesFailStartupNamingBothBeansAndMethods() {
		this.runner.withBean("first", FirstLookup.class)
			.withBean("second", SecondLookup.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("Duplicate Smooth tool name 'lookup': bean 'first' method FirstLookup.lookup() "
						+ "and bean 'second' method SecondLookup.find()"));
	}

	@Test
	void badNamesFailStartup() {
		this.runner.withBean("badName", BadName.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("bean 'badName' method BadName.tool(): invalid Smooth tool name 'look up!'")
				.hasMessageContaining("use 1 to 64 characters out of a-z, A-Z, 0-9, '_' and '-'"));
	}

	@Test
	void unbindableParameterFailsStartup() {
		this.runner.withBean("unbindable", Unbindable.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("bean 'unbindable' method Unbindable.run(Runnable): parameter 'job' of type "
						+ "java.lang.Runnable cannot be bound from the tool input"));
	}

	@Test
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void missingParameterNamesFailStartup(@TempDir Path dir) throws Exception {
		Path source = dir.resolve("NoNames.java");
		Files.writeString(source, """
				public class NoNames {
					@sh.smooth.spring.tool.SmoothTool(description = "Looks up an order")
					public String lookup(String orderNumber) { return orderNumber; }
				}
				""");
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		// deliberately without -parameters
		int status = compiler.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d",
				dir.toString(), source.toString());
		assertThat(status).isZero();
		try (URLClassLoader loader = new URLClassLoader(new URL[] { dir.toUri().toURL() },
				getClass().getClassLoader())) {
			Class type = loader.loadClass("NoNames");
			assertThat(type.getMethod("lookup", String.class).getParameters()[0].isNamePresent()).isFalse();
			this.runner.withBean("noNames", type)
				.run((context) -> assertThat(context).getFailure()
					.hasMessageContaining("bean 'noNames' method NoNames.lookup(String): parameter 0 (String) has no "
							+ "name: compile with the -parameters flag or set @SmoothToolParam(name = \"...\")"));
		}
		assertThat(new File(dir.toFile(), "NoNames.class")).exists();
	}

	private static Object call(ToolRegistry registry, String name, String input) throws Exception {
		SmoothToolCallback tool = registry.find(name).orElseThrow();
		Object result = tool.call(json.readTree(input), new SmoothToolContext("t1", "e1", name));
		return (result instanceof JsonNode node) ? node.toString() : result;
	}

	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@SmoothTool(description = "Reads the latest one-time password")
	@interface OtpTool {

		@AliasFor(annotation = SmoothTool.class)
		String name() default "";

	}

	static class BaseTools {

		@SmoothTool(description = "Declared on a base class")
		public String inherited() {
			return "from the base class";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PlainTools extends BaseTools {

		@SmoothTool(description = "A plain tool")
		String plain() {
			return "plain";
		}

		@OtpTool(name = "otp")
		String readOtp(String user) {
			return "123456 for " + user;
		}

	}

	interface GreetingTools {

		String greet(String name);

	}

	static class GreetingToolsImpl implements GreetingTools {

		@Override
		@SmoothTool(description = "Greets someone")
		public String greet(String name) {
			return "Hello " + name;
		}

	}

	static class TransactionalTools {

		@SmoothTool(description = "Saves a value in a transaction")
		public String save(String value) {
			return "saved " + value;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ProxiedTools {

		final List<String> intercepted = new CopyOnWriteArrayList<>();

		@Bean
		GreetingToolsImpl greetingTools() {
			return new GreetingToolsImpl();
		}

		@Bean
		TransactionalTools transactionalTools() {
			return new TransactionalTools();
		}

		@Bean
		static BeanPostProcessor proxying(org.springframework.beans.factory.ObjectProvider<ProxiedTools> self) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (!(bean instanceof GreetingToolsImpl) && !(bean instanceof TransactionalTools)) {
						return bean;
					}
					ProxyFactory factory = new ProxyFactory(bean);
					// a JDK proxy for the interface, a CGLIB subclass (like
					// @Transactional) for
					// the class
					factory.setProxyTargetClass(bean instanceof TransactionalTools);
					factory.addAdvice((MethodInterceptor) (invocation) -> {
						self.getObject().intercepted.add(invocation.getMethod().getName());
						return invocation.proceed();
					});
					return factory.getProxy();
				}
			};
		}

	}

	static class EchoTool implements SmoothToolCallback {

		@Override
		public ToolSignature signature() {
			return new ToolSignature("echo", "Echoes its input", json.createObjectNode().put("type", "object"),
					"the input");
		}

		@Override
		public Object call(JsonNode input, SmoothToolContext context) {
			return input;
		}

	}

	static class FirstLookup {

		@SmoothTool(description = "Looks up")
		public String lookup() {
			return "1";
		}

	}

	static class SecondLookup {

		@SmoothTool(name = "lookup", description = "Also looks up")
		public String find() {
			return "2";
		}

	}

	static class BadName {

		@SmoothTool(name = "look up!", description = "Bad name")
		public String tool() {
			return "";
		}

	}

	static class Unbindable {

		@SmoothTool(description = "Runs a job")
		public void run(Runnable job) {
		}

	}

}
