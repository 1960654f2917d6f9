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
package sh.smooth.spring.sample.mcp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import sh.smooth.spring.test.RecordedRequest;
import sh.smooth.spring.test.Route;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.TaskMatcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MCP sample as an MCP client runs it: started as a separate process, spoken to over
 * stdio by the official MCP Java SDK's client, as Claude Desktop does.
 */
class McpStdioServerTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aClientListsTheToolsAndRunsATaskThroughSmooth() {
		try (SmoothSimulator sim = SmoothSimulator.start()) {
			sim.onTask(TaskMatcher.textContains("cheapest"))
				.runningAfter(Duration.ZERO)
				.output(Map.of("price", 129))
				.credits(2)
				.doneAfter(Duration.ofMillis(50));
			McpSyncClient client = client("--smooth.base-url=" + sim.baseUrl(), "--smooth.api-key=" + sim.apiKey(),
					"--smooth.ai.max-steps=10");
			try {
				client.initialize();
				List<McpSchema.Tool> tools = client.listTools().tools();
				assertThat(tools).extracting(McpSchema.Tool::name)
					.containsExactlyInAnyOrder("smooth_run_task", "smooth_session_open", "smooth_session_goto",
							"smooth_session_extract", "smooth_session_evaluate_js", "smooth_session_run_task",
							"smooth_session_close");
				McpSchema.Tool runTask = tools.stream()
					.filter((tool) -> tool.name().equals("smooth_run_task"))
					.findFirst()
					.orElseThrow();
				assertThat(runTask.description()).startsWith("Runs a task in a real cloud web browser");
				assertThat(runTask.inputSchema().get("required")).isEqualTo(List.of("task"));

				McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("smooth_run_task",
						Map.of("task", "find the cheapest flight", "max_steps", 6)));
				assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
				JsonNode answer = json.readTree(text(result));
				assertThat(answer.get("status").asString()).isEqualTo("done");
				assertThat(answer.get("output").get("price").asInt()).isEqualTo(129);
				assertThat(answer.get("credits_used").asInt()).isEqualTo(2);
				RecordedRequest create = sim.requests(Route.CREATE_TASK).get(0);
				assertThat(create.body().get("task").asString()).isEqualTo("find the cheapest flight");
				assertThat(create.body().get("max_steps").asInt()).isEqualTo(6);

				McpSchema.CallToolResult refused = client.callTool(
						new McpSchema.CallToolRequest("smooth_run_task", Map.of("task", "anything", "max_steps", 20)));
				assertThat(refused.isError()).isTrue();
				assertThat(text(refused)).contains("max_steps 20 is over this application's limit of 10");
				assertThat(sim.requestCount(Route.CREATE_TASK)).isEqualTo(1);
			}
			finally {
				client.closeGracefully();
			}
		}
	}

	@Test
	void withoutAKeyItStartsOfflineAgainstTheEmbeddedSimulator() {
		McpSyncClient client = client();
		try {
			client.initialize();
			McpSchema.CallToolResult result = client
				.callTool(new McpSchema.CallToolRequest("smooth_run_task", Map.of("task", "read the news")));
			JsonNode answer = json.readTree(text(result));
			assertThat(answer.get("status").asString()).isEqualTo("done");
			assertThat(answer.get("output").asString()).startsWith("Simulated answer");
		}
		finally {
			client.closeGracefully();
		}
	}

	/**
	 * Launches the server as an MCP client does: a command whose stdin and stdout carry
	 * MCP.
	 */
	private static McpSyncClient client(String... args) {
		List<String> command = new ArrayList<>(List.of("-cp", System.getProperty("java.class.path"),
				McpSampleApplication.class.getName(), "--smooth.polling.first-delay=20ms"));
		command.addAll(List.of(args));
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ServerParameters server = ServerParameters.builder(java).args(command).build();
		StdioClientTransport transport = new StdioClientTransport(server, McpJsonDefaults.getMapper());
		// generous: a busy build machine may take long to start a Spring Boot process
		return McpClient.sync(transport)
			.initializationTimeout(Duration.ofSeconds(120))
			.requestTimeout(Duration.ofSeconds(60))
			.build();
	}

	private static String text(McpSchema.CallToolResult result) {
		assertThat(result.content()).hasSize(1);
		return ((McpSchema.TextContent) result.content().get(0)).text();
	}

}
