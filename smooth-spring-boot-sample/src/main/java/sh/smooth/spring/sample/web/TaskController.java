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

package sh.smooth.spring.sample.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskResult;

/**
 * Submits a task and answers at once with its id and live URL (HTTP 202); the result is
 * fetched later by id ({@code get(taskId)}: one request, no handle kept here), and a task
 * can be cancelled by id. The request thread never waits for the agent; the submitted
 * task's own poller answers its tool calls until it ends.
 */
@RestController
@RequestMapping("/tasks")
public class TaskController {

	private final SmoothOperations smooth;

	TaskController(SmoothOperations smooth) {
		this.smooth = smooth;
	}

	/**
	 * Submits a task.
	 * @param request the task text
	 * @return 202 with the id, the status and the live URL if the browser is already up
	 */
	@PostMapping
	public ResponseEntity<Map<String, Object>> submit(@RequestBody SubmitRequest request) {
		TaskHandle handle = this.smooth.submit(SmoothTask.builder(request.task()).build());
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(Map.of("id", handle.id(), "status", handle.status().value(), "liveUrl",
					handle.currentLiveUrl().orElse("")));
	}

	/**
	 * The task's state: its status while running, its result once finished.
	 * @param id the task id
	 * @return the state
	 */
	@GetMapping("/{id}")
	public ResponseEntity<Map<String, Object>> get(@PathVariable String id) {
		TaskResult result = this.smooth.get(id);
		if (!result.status().isTerminal()) {
			return ResponseEntity.ok(Map.of("id", id, "status", result.status().value()));
		}
		return ResponseEntity.ok(Map.of("id", id, "status", result.status().value(), "output", result.output(),
				"creditsUsed", result.creditsUsed()));
	}

	/**
	 * Cancels a task.
	 * @param id the task id
	 * @return 202 when the cancel was accepted, 404 when the task is unknown or has
	 * already ended
	 */
	@DeleteMapping("/{id}")
	public ResponseEntity<Void> cancel(@PathVariable String id) {
		return this.smooth.cancel(id) ? ResponseEntity.accepted().build() : ResponseEntity.notFound().build();
	}

	/**
	 * The body of a submit.
	 *
	 * @param task the task text
	 */
	public record SubmitRequest(String task) {
	}

}
