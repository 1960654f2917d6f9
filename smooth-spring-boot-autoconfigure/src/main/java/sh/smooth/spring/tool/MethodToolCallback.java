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

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.ReflectionUtils;

import sh.smooth.spring.api.ToolSignature;

/**
 * A {@link SmoothTool} method as a {@link SmoothToolCallback}. The bean is looked up by
 * name on every call and the method invoked on it, so proxies (transactions, security)
 * and non-singleton scopes apply.
 */
final class MethodToolCallback implements SmoothToolCallback {

	private final ToolSignature signature;

	private final Set<String> groups;

	private final boolean essential;

	private final @Nullable String errorMessage;

	private final BeanFactory beanFactory;

	private final String beanName;

	private final Method method;

	private final ToolArgumentBinder binder;

	private final String source;

	MethodToolCallback(ToolSignature signature, Set<String> groups, boolean essential, @Nullable String errorMessage,
			BeanFactory beanFactory, String beanName, Method method, ToolArgumentBinder binder, String source) {
		this.signature = signature;
		this.groups = groups;
		this.essential = essential;
		this.errorMessage = errorMessage;
		this.beanFactory = beanFactory;
		this.beanName = beanName;
		this.method = method;
		this.binder = binder;
		this.source = source;
		ReflectionUtils.makeAccessible(method);
	}

	@Override
	public ToolSignature signature() {
		return this.signature;
	}

	@Override
	public Set<String> groups() {
		return this.groups;
	}

	@Override
	public boolean essential() {
		return this.essential;
	}

	@Override
	public @Nullable String errorMessage() {
		return this.errorMessage;
	}

	@Override
	public @Nullable Object call(JsonNode input, SmoothToolContext context) throws Exception {
		@Nullable Object[] arguments = this.binder.bind(input, context);
		Object bean = this.beanFactory.getBean(this.beanName);
		try {
			return this.method.invoke(bean, arguments);
		}
		catch (InvocationTargetException ex) {
			Throwable cause = ex.getTargetException();
			if (cause instanceof Exception exception) {
				throw exception;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	/**
	 * The bean and method, for messages.
	 * @return the source
	 */
	String source() {
		return this.source;
	}

	@Override
	public String toString() {
		return "MethodToolCallback[" + this.signature.name() + " -> " + this.source + "]";
	}

}
