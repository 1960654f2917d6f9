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

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
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
import sh.smooth.spring.runtime.TaskLauncher;
import sh.smooth.spring.error.SmoothValidationException;
import sh.smooth.spring.support.ExpectedLog;
import sh.smooth.spring.support.LogCapture;
import sh.smooth.spring.browser.ToolSelection;
import sh.smooth.spring.tool.CompiledWithoutParameters;
import sh.smooth.spring.tool.DefaultSmoothToolErrorHandler;
import sh.smooth.spring.tool.SmoothTool;
import sh.smooth.spring.tool.SmoothToolCallback;
import sh.smooth.spring.tool.SmoothToolContext;
import sh.smooth.spring.tool.SmoothToolErrorHandler;
import sh.smooth.spring.tool.SmoothToolMethodProcessor;
import sh.smooth.spring.tool.ToolDispatcher;
import sh.smooth.spring.tool.ToolRegistry;
import sh.smooth.spring.tool.ToolReply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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
			assertThat(context).hasSingleBean(ToolDispatcher.class);
			assertThat(context).hasSingleBean(DefaultSmoothToolErrorHandler.class);
			assertThat(context.getBean(TaskLauncher.class)).extracting("tools")
				.isSameAs(context.getBean(ToolDispatcher.class));
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
	void missingParameterNamesFailStartupSayingHowToTurnOnParameters(@TempDir Path dir) throws Exception {
		Class type = CompiledWithoutParameters.load(dir, "NoNames", """
				public class NoNames {
					@sh.smooth.spring.tool.SmoothTool(description = "Looks up an order")
					public String lookup(String orderNumber) { return orderNumber; }
				}
				""");
		this.runner.withBean("noNames", type)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("bean 'noNames' method NoNames.lookup(String): parameter 0 (String) has no "
						+ "name: compile with the -parameters flag or set @SmoothToolParam(name = \"...\")")
				.hasMessageContaining("with Maven set <parameters>true</parameters> in the maven-compiler-plugin's "
						+ "<configuration>, then rebuild with clean (mvn clean verify)")
				.hasMessageContaining(
						"with Gradle add tasks.withType(JavaCompile).configureEach { options.compilerArgs << '-parameters' }"));
	}

	@Test
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void smoothToolParamNamesMakeParametersUnnecessary(@TempDir Path dir) throws Exception {
		Class type = CompiledWithoutParameters.load(dir, "Named", """
				import sh.smooth.spring.tool.SmoothTool;
				import sh.smooth.spring.tool.SmoothToolParam;
				public class Named {
					@SmoothTool(description = "Looks up an order")
					public String lookup(@SmoothToolParam(name = "orderNumber") String orderNumber,
							@SmoothToolParam(name = "express", required = false) Boolean express) {
						return orderNumber + (Boolean.TRUE.equals(express) ? " (express)" : "");
					}
				}
				""");
		this.runner.withBean("named", type).run((context) -> {
			assertThat(context).hasNotFailed();
			ToolRegistry registry = context.getBean(ToolRegistry.class);
			assertThat(registry.find("lookup").orElseThrow().signature().inputs()).isEqualTo(json.readTree("""
					{"type":"object","properties":{"orderNumber":{"type":"string"},"express":{"type":"boolean"}},
					 "required":["orderNumber"],"additionalProperties":false}
					"""));
			assertThat(call(registry, "lookup", "{\"orderNumber\":\"A-1\",\"express\":true}"))
				.isEqualTo("A-1 (express)");
		});
	}

	@Test
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void oneUnnamedParameterAmongNamedOnesFailsStartupNamingIt(@TempDir Path dir) throws Exception {
		Class type = CompiledWithoutParameters.load(dir, "HalfNamed",
				"""
						public class HalfNamed {
							@sh.smooth.spring.tool.SmoothTool(description = "Looks up an order")
							public String lookup(@sh.smooth.spring.tool.SmoothToolParam(name = "orderNumber") String orderNumber,
									int quantity) {
								return orderNumber;
							}
						}
						""");
		this.runner.withBean("halfNamed", type)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining(
						"bean 'halfNamed' method HalfNamed.lookup(String, int): parameter 1 (int) has no name"));
	}

	@Test
	void primitiveOptionalParametersMayBeLeftOut() {
		this.runner.withBean("paging", Paging.class).run((context) -> {
			ToolRegistry registry = context.getBean(ToolRegistry.class);
			assertThat(registry.find("page").orElseThrow().signature().inputs().has("required")).isFalse();
			assertThat(call(registry, "page", "{}")).isEqualTo("first page");
			assertThat(call(registry, "page", "{\"number\":null}")).isEqualTo("first page");
			assertThat(call(registry, "page", "{\"number\":3}")).isEqualTo("page 3");
		});
	}

	// --- groups and the default selection

	private static final String PROCESSOR = SmoothToolMethodProcessor.class.getName();

	@Test
	void byDefaultEveryToolIsOfferedAndTheInfoLineSaysSo() {
		try (LogCapture logs = LogCapture.of(Level.INFO, PROCESSOR)) {
			this.runner.withBean("groupedTools", GroupedTools.class)
				.withBean("echoTool", SmoothToolCallback.class, EchoTool::new)
				.run((context) -> {
					ToolRegistry registry = context.getBean(ToolRegistry.class);
					assertThat(names(registry.select(ToolSelection.DEFAULT))).containsExactly("deleteCustomer", "echo",
							"lookupCustomer", "weather");
					assertThat(registry.groups()).containsExactly("admin", "crm", "util");
				});
			assertThat(logs.text()).isEqualTo("INFO " + PROCESSOR + " - Smooth tools offered to every task and "
					+ "session by default (smooth.tools.attach=all): deleteCustomer [admin, crm], echo [util], "
					+ "lookupCustomer [crm], weather\n");
		}
	}

	@Test
	void defaultGroupsNarrowTheDefaultAndTheInfoLineListsTheRest() {
		try (LogCapture logs = LogCapture.of(Level.INFO, PROCESSOR)) {
			this.runner.withBean("groupedTools", GroupedTools.class)
				.withBean("echoTool", SmoothToolCallback.class, EchoTool::new)
				.withPropertyValues("smooth.tools.default-groups=crm,util")
				.run((context) -> {
					ToolRegistry registry = context.getBean(ToolRegistry.class);
					assertThat(registry.defaultSelection()).isEqualTo(ToolSelection.groups("crm", "util"));
					assertThat(names(registry.select(ToolSelection.DEFAULT))).containsExactly("deleteCustomer", "echo",
							"lookupCustomer");
					// an explicit choice is not narrowed by the default groups
					assertThat(names(registry.select(ToolSelection.all()))).contains("weather");
					assertThat(names(registry.select(ToolSelection.names("weather").andGroups("admin"))))
						.containsExactly("deleteCustomer", "weather");
				});
			assertThat(logs.text()).isEqualTo("INFO " + PROCESSOR + " - Smooth tools offered to every task and "
					+ "session by default (smooth.tools.default-groups=crm,util): deleteCustomer [admin, crm], "
					+ "echo [util], lookupCustomer [crm]; only to tasks that select them: weather\n");
		}
	}

	@Test
	void attachNoneOffersNothingByDefaultAndTheInfoLineSaysSo() {
		try (LogCapture logs = LogCapture.of(Level.INFO, PROCESSOR)) {
			this.runner.withBean("groupedTools", GroupedTools.class)
				.withPropertyValues("smooth.tools.attach=none")
				.run((context) -> assertThat(context.getBean(ToolRegistry.class).select(ToolSelection.DEFAULT))
					.isEmpty());
			assertThat(logs.text()).isEqualTo("INFO " + PROCESSOR + " - Smooth tools offered to every task and "
					+ "session by default (smooth.tools.attach=none): none; only to tasks that select them: "
					+ "deleteCustomer [admin, crm], lookupCustomer [crm], weather\n");
		}
	}

	@Test
	void withoutToolsNothingIsLoggedAtInfo() {
		try (LogCapture logs = LogCapture.of(Level.INFO, PROCESSOR)) {
			this.runner.run((context) -> assertThat(context).hasNotFailed());
			assertThat(logs.events()).isEmpty();
		}
	}

	@Test
	void anUnknownDefaultGroupFailsStartupListingTheGroups() {
		this.runner.withBean("groupedTools", GroupedTools.class)
			.withPropertyValues("smooth.tools.default-groups=crm,sales")
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("The default Smooth tool selection (smooth.tools.default-groups=crm,sales) "
						+ "does not match the tools found: tools.groups = 'sales' is invalid: is not a known tool "
						+ "group; groups: admin, crm"));
	}

	@Test
	void defaultGroupsWithAttachNoneFailStartup() {
		this.runner.withBean("groupedTools", GroupedTools.class)
			.withPropertyValues("smooth.tools.attach=none", "smooth.tools.default-groups=crm")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("smooth.tools.default-groups=crm has no effect with smooth.tools.attach=none: "
						+ "remove one of them"));
	}

	@Test
	void anUnknownGroupOrNameInATaskSelectionFailsListingWhatExists() {
		this.runner.withBean("groupedTools", GroupedTools.class).run((context) -> {
			ToolRegistry registry = context.getBean(ToolRegistry.class);
			assertThatExceptionOfType(SmoothValidationException.class)
				.isThrownBy(() -> registry.select(ToolSelection.groups("crm", "sales")))
				.withMessage("tools.groups = 'sales' is invalid: is not a known tool group; groups: admin, crm");
			assertThatExceptionOfType(SmoothValidationException.class)
				.isThrownBy(() -> registry.select(ToolSelection.names("weather", "lookup")))
				.withMessage("tools = 'lookup' is invalid: is not a known tool; available: deleteCustomer, "
						+ "lookupCustomer, weather");
		});
	}

	@Test
	void badGroupNamesFailStartup() {
		this.runner.withBean("badGroup", BadGroup.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("bean 'badGroup' method BadGroup.tool(): invalid Smooth tool group 'c r m': "
						+ "use 1 to 64 characters out of a-z, A-Z, 0-9, '_' and '-' (set @SmoothTool(groups = ...))"));
	}

	@Test
	void theMethodProcessorBacksOff() {
		ToolRegistry own = new ToolRegistry();
		SmoothToolMethodProcessor mine = new SmoothToolMethodProcessor(own,
				sh.smooth.spring.tool.ToolInputSchemas.withDefaultGenerator(), json);
		this.runner.withBean("myProcessor", SmoothToolMethodProcessor.class, () -> mine).run((context) -> {
			assertThat(context).hasSingleBean(SmoothToolMethodProcessor.class);
			assertThat(context.getBean(SmoothToolMethodProcessor.class)).isSameAs(mine);
		});
	}

	private static List<String> names(List<SmoothToolCallback> tools) {
		return tools.stream().map(SmoothToolCallback::name).toList();
	}

	static class Paging {

		@SmoothTool(description = "Reads a page")
		public String page(OptionalInt number) {
			return number.isPresent() ? "page " + number.getAsInt() : "first page";
		}

	}

	static class GroupedTools {

		@SmoothTool(description = "Finds a customer", groups = "crm")
		public String lookupCustomer(String id) {
			return id;
		}

		@SmoothTool(description = "Deletes a customer", groups = { "crm", "admin" }, essential = false)
		public String deleteCustomer(String id) {
			return id;
		}

		@SmoothTool(description = "Current weather")
		public String weather() {
			return "sunny";
		}

	}

	static class BadGroup {

		@SmoothTool(description = "Bad group", groups = "c r m")
		public String tool() {
			return "";
		}

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

		@Override
		public Set<String> groups() {
			return Set.of("util");
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
