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
package sh.smooth.spring.ai;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;

/**
 * A model that follows a script, as a real one would: asked a question, it calls one tool
 * with the given arguments; given the tool's result, it answers with that result. It
 * records what it was offered and what it read back.
 */
final class ScriptedChatModel implements ChatModel {

	private final String toolName;

	private final String arguments;

	/** The tool results the model read, in order. */
	final List<String> toolResults = new CopyOnWriteArrayList<>();

	/** The tools the model was offered on its first turn. */
	final List<ToolCallback> offered = new CopyOnWriteArrayList<>();

	ScriptedChatModel(String toolName, String arguments) {
		this.toolName = toolName;
		this.arguments = arguments;
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		List<Message> messages = prompt.getInstructions();
		Message last = messages.get(messages.size() - 1);
		if (last instanceof ToolResponseMessage response) {
			String result = response.getResponses().get(0).responseData();
			this.toolResults.add(result);
			return new ChatResponse(List.of(new Generation(new AssistantMessage("Smooth said: " + result))));
		}
		if (prompt.getOptions() instanceof ToolCallingChatOptions options) {
			this.offered.addAll(options.getToolCallbacks());
		}
		AssistantMessage call = AssistantMessage.builder()
			.content("")
			.toolCalls(List.of(new AssistantMessage.ToolCall("call-1", "function", this.toolName, this.arguments)))
			.build();
		return new ChatResponse(List.of(new Generation(call)));
	}

	@Override
	public ChatOptions getDefaultOptions() {
		return ToolCallingChatOptions.builder().build();
	}

	@Override
	public ChatOptions getOptions() {
		return getDefaultOptions();
	}

	/**
	 * The one tool result the model read.
	 * @return the result
	 */
	String toolResult() {
		if (this.toolResults.size() != 1) {
			throw new AssertionError("Expected the model to read one tool result, got " + this.toolResults);
		}
		return this.toolResults.get(0);
	}

}
