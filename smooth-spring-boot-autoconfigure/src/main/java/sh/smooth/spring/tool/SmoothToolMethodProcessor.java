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

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

import sh.smooth.spring.api.ToolSignature;
import sh.smooth.spring.error.SmoothValidationException;
import sh.smooth.spring.browser.ToolSelection;

/**
 * Finds the {@link SmoothTool} methods of every bean once all singletons exist (in the
 * style of Spring's {@code @EventListener} processing) and registers them, with the
 * {@link SmoothToolCallback} beans, in the {@link ToolRegistry}. Fails startup with a
 * message naming the bean and method for a duplicate or invalid name or group, a
 * parameter without a name (a class compiled without {@code -parameters}), or a parameter
 * type that cannot be bound; and when the default selection names a group no tool has.
 * Logs at INFO which tools the default selection offers.
 */
public final class SmoothToolMethodProcessor implements SmartInitializingSingleton, BeanFactoryAware {

	private static final Log logger = LogFactory.getLog(SmoothToolMethodProcessor.class);

	private final ToolRegistry registry;

	private final ToolInputSchemas schemas;

	private final JsonMapper mapper;

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	/**
	 * Creates the processor.
	 * @param registry where tools are registered
	 * @param schemas builds input schemas
	 * @param mapper binds arguments
	 */
	public SmoothToolMethodProcessor(ToolRegistry registry, ToolInputSchemas schemas, JsonMapper mapper) {
		this.registry = registry;
		this.schemas = schemas;
		this.mapper = mapper;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		Assert.isInstanceOf(ConfigurableListableBeanFactory.class, beanFactory,
				"SmoothToolMethodProcessor needs a ConfigurableListableBeanFactory");
		this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ConfigurableListableBeanFactory factory = this.beanFactory;
		Assert.state(factory != null, "No BeanFactory set");
		for (String beanName : factory.getBeanNamesForType(Object.class)) {
			if (ScopedProxyUtils.isScopedTarget(beanName)) {
				continue;
			}
			Class<?> type = targetClass(factory, beanName);
			if (type != null) {
				processBean(factory, beanName, type);
			}
		}
		for (Map.Entry<String, SmoothToolCallback> entry : factory.getBeansOfType(SmoothToolCallback.class)
			.entrySet()) {
			this.registry.register(entry.getValue(), "bean '" + entry.getKey() + "' (SmoothToolCallback)");
		}
		logDefaultSelection();
	}

	/**
	 * Checks the default selection against the tools found and says at INFO which tools
	 * every task is offered unless it chooses: the agent of a task that browses an
	 * untrusted page can be talked into calling any of them.
	 */
	private void logDefaultSelection() {
		ToolSelection selection = this.registry.defaultSelection();
		List<SmoothToolCallback> offered;
		try {
			offered = this.registry.select(ToolSelection.DEFAULT);
		}
		catch (SmoothValidationException ex) {
			throw new IllegalStateException("The default Smooth tool selection (" + describe(selection)
					+ ") does not match the tools found: " + ex.getMessage(), ex);
		}
		List<String> all = this.registry.names();
		if (all.isEmpty()) {
			logger.debug("No Smooth tools found");
			return;
		}
		List<String> offeredNames = offered.stream().map(SmoothToolCallback::name).toList();
		List<String> others = all.stream().filter((name) -> !offeredNames.contains(name)).toList();
		logger.info("Smooth tools offered to every task and session by default (" + describe(selection) + "): "
				+ list(offeredNames) + (others.isEmpty() ? "" : "; only to tasks that select them: " + list(others)));
	}

	private static String describe(ToolSelection selection) {
		if (selection.isAll()) {
			return "smooth.tools.attach=all";
		}
		if (selection.isNone()) {
			return "smooth.tools.attach=none";
		}
		if (selection.toolNames().isEmpty()) {
			return "smooth.tools.default-groups=" + String.join(",", selection.toolGroups());
		}
		return selection.toString();
	}

	private String list(List<String> names) {
		if (names.isEmpty()) {
			return "none";
		}
		return names.stream().map((name) -> {
			Set<String> groups = this.registry.find(name).map(SmoothToolCallback::groups).orElse(Set.of());
			return groups.isEmpty() ? name : name + " " + new TreeSet<>(groups);
		}).collect(Collectors.joining(", "));
	}

	private static @Nullable Class<?> targetClass(ConfigurableListableBeanFactory factory, String beanName) {
		Class<?> type;
		try {
			type = AutoProxyUtils.determineTargetClass(factory, beanName);
		}
		catch (Throwable ex) {
			// an unresolvable bean type: not ours to report
			if (logger.isDebugEnabled()) {
				logger.debug("Could not resolve the type of bean '" + beanName + "'", ex);
			}
			return null;
		}
		if (type != null && Proxy.isProxyClass(type) && factory.containsSingleton(beanName)) {
			// a JDK proxy hides its target's annotations: look at the instance that
			// exists
			type = AopProxyUtils.ultimateTargetClass(factory.getBean(beanName));
		}
		return type;
	}

	private void processBean(ConfigurableListableBeanFactory factory, String beanName, Class<?> type) {
		if (!AnnotationUtils.isCandidateClass(type, SmoothTool.class)) {
			return;
		}
		Map<Method, SmoothTool> methods = MethodIntrospector.selectMethods(type,
				(MethodIntrospector.MetadataLookup<SmoothTool>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, SmoothTool.class));
		for (Map.Entry<Method, SmoothTool> entry : methods.entrySet()) {
			Method method = entry.getKey();
			String source = "bean '" + beanName + "' method " + describe(type, method);
			this.registry.register(create(factory, beanName, method, entry.getValue(), source), source);
		}
	}

	private SmoothToolCallback create(ConfigurableListableBeanFactory factory, String beanName, Method method,
			SmoothTool tool, String source) {
		Method invocable;
		try {
			invocable = AopUtils.selectInvocableMethod(method, factory.getType(beanName));
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException(source + ": the @SmoothTool method cannot be called through the bean's "
					+ "proxy; declare it on an interface the bean implements, or use class-based proxies ("
					+ ex.getMessage() + ")", ex);
		}
		// the registry checks the name and the groups, for callbacks and methods alike
		String name = tool.name().isEmpty() ? method.getName() : tool.name();
		List<ToolParameter> parameters = ToolParameters.of(method, source);
		String output = tool.output().isBlank() ? this.schemas.outputDescription(method.getGenericReturnType())
				: tool.output();
		ToolSignature signature = new ToolSignature(name, tool.description(), this.schemas.inputSchema(parameters),
				output);
		return new MethodToolCallback(signature, new LinkedHashSet<>(Arrays.asList(tool.groups())), tool.essential(),
				tool.errorMessage().isEmpty() ? null : tool.errorMessage(), factory, beanName, invocable,
				new ToolArgumentBinder(name, parameters, this.mapper), source);
	}

	private static String describe(Class<?> type, Method method) {
		return ClassUtils.getUserClass(type).getSimpleName() + "." + method.getName() + "("
				+ Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "))
				+ ")";
	}

}
