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

package sh.smooth.spring.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import sh.smooth.spring.tool.SmoothToolCallback;
import sh.smooth.spring.tool.SmoothToolContext;
import sh.smooth.spring.tool.ToolRegistry;

/**
 * A tool call's work on the client, without HTTP: binding the JSON input to the method's
 * parameters, invoking the bean method (through the bean looked up by name) and
 * converting the result to JSON.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ToolBindingBenchmark {

	private ConfigurableApplicationContext context;

	private SmoothToolCallback tool;

	private JsonNode input;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final SmoothToolContext call = new SmoothToolContext("task_1", "evt_1", "lookupCustomer");

	/**
	 * Starts the harness application (no HTTP is made) and finds the tool.
	 */
	@Setup(Level.Trial)
	public void setUp() {
		this.context = new SpringApplicationBuilder(HarnessApplication.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties(
					Map.of("smooth.api-key", "unused", "logging.level.root", "WARN", "spring.main.banner-mode", "off"))
			.run();
		this.tool = this.context.getBean(ToolRegistry.class).find("lookupCustomer").orElseThrow();
		this.input = this.mapper.readTree("{\"customerId\":\"c-42\"}");
	}

	/**
	 * Stops the application.
	 */
	@TearDown(Level.Trial)
	public void tearDown() {
		this.context.close();
	}

	/**
	 * Binds, invokes and converts one call.
	 * @return the result
	 * @throws Exception if the tool fails
	 */
	@Benchmark
	public JsonNode bindAndInvoke() throws Exception {
		return this.mapper.valueToTree(this.tool.call(this.input, this.call));
	}

}
