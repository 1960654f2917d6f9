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

package sh.smooth.spring.api;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static sh.smooth.spring.api.CallSafety.IDEMPOTENT;
import static sh.smooth.spring.api.CallSafety.NOT_IDEMPOTENT;

/**
 * The resource endpoints of the Smooth API as typed, non-blocking calls: profiles, files,
 * extensions, and the task history. Obtained from {@link SmoothApiClient#resources()},
 * over the same connections, retries and 429 pauses; each call carries its URI template,
 * reads are retried, and creates and uploads are repeated only when the connection was
 * refused. Thread-safe.
 */
public final class ResourceApi {

	private final ApiTransport transport;

	ResourceApi(ApiTransport transport) {
		this.transport = transport;
	}

	/**
	 * {@code GET /task?t=&l=}: one page of past tasks, newest first; {@code t} and
	 * {@code l} are sent only when given, so the server's defaults apply to the rest.
	 * @param before only tasks created before this time, or {@code null}
	 * @param limit the page size, or {@code null}
	 * @return the tasks
	 */
	public Mono<List<TaskResponse>> listTasks(@Nullable Long before, @Nullable Integer limit) {
		return this.transport.exchange(GET, "/task", (uri) -> {
			if (before != null) {
				uri.queryParam("t", before);
			}
			if (limit != null) {
				uri.queryParam("l", limit);
			}
			return uri.build();
		}, null, null, IDEMPOTENT).map((r) -> this.transport.convertList(r, TaskResponse.class));
	}

	/**
	 * {@code DELETE /task/{id}/data}: deletes the stored data of a finished task (zero
	 * data retention).
	 * @param taskId the task
	 * @return completes when deleted
	 */
	public Mono<Void> deleteTaskData(String taskId) {
		return delete("/task/{id}/data", taskId, taskId);
	}

	/**
	 * {@code POST /profile}. Never repeated once it may have reached the server.
	 * @param request the wanted id, or none
	 * @return the profile, or empty when the server answered without one (older servers)
	 */
	public Mono<ProfileResponse> createProfile(ProfileRequest request) {
		return this.transport
			.exchange(POST, "/profile", (uri) -> uri.build(), this.transport.json(request), null, NOT_IDEMPOTENT)
			.filter((r) -> r.isObject() && r.has("id"))
			.map((r) -> this.transport.convert(r, ProfileResponse.class, null));
	}

	/**
	 * {@code GET /profile}, in either of its shapes (an array of profiles, or the older
	 * {@code {"profile_ids": [...]}}).
	 * @return the profiles, in the server's order
	 */
	public Mono<List<ProfileResponse>> listProfiles() {
		return this.transport.exchange(GET, "/profile", (uri) -> uri.build(), null, null, IDEMPOTENT)
			.map((r) -> (r.isNull() || r.isMissingNode()) ? List.of()
					: this.transport.convert(r, ProfileList.class, null).profiles());
	}

	/**
	 * {@code DELETE /profile/{id}}.
	 * @param id the profile
	 * @return completes when deleted
	 */
	public Mono<Void> deleteProfile(String id) {
		return delete("/profile/{id}", id, null);
	}

	/**
	 * {@code POST /file}: part {@code file}, then part {@code file_purpose} when a
	 * purpose is given. Streamed; never repeated once it may have reached the server.
	 * @param file the file
	 * @param purpose a short description for the agent, or {@code null}
	 * @return the file's id
	 */
	public Mono<UploadResponse> uploadFile(FilePart file, @Nullable String purpose) {
		return upload("/file", file, purpose);
	}

	/**
	 * {@code DELETE /file/{id}}.
	 * @param id the file
	 * @return completes when deleted
	 */
	public Mono<Void> deleteFile(String id) {
		return delete("/file/{id}", id, null);
	}

	/**
	 * {@code POST /extension}: a single part {@code file}. Streamed; never repeated once
	 * it may have reached the server.
	 * @param zip the extension's zip
	 * @return the extension's id
	 */
	public Mono<UploadResponse> uploadExtension(FilePart zip) {
		return upload("/extension", zip, null);
	}

	/**
	 * {@code GET /extension}.
	 * @return the extensions, in the server's order
	 */
	public Mono<List<ExtensionResponse>> listExtensions() {
		return this.transport.exchange(GET, "/extension", (uri) -> uri.build(), null, null, IDEMPOTENT)
			.map((r) -> this.transport.convertList(r, ExtensionResponse.class));
	}

	/**
	 * {@code DELETE /extension/{id}}, the path of the official SDKs (the OpenAPI
	 * document's {@code /browser/extension/{id}} is outdated).
	 * @param id the extension
	 * @return completes when deleted
	 */
	public Mono<Void> deleteExtension(String id) {
		return delete("/extension/{id}", id, null);
	}

	private Mono<UploadResponse> upload(String path, FilePart file, @Nullable String purpose) {
		return this.transport
			.exchange(POST, path, (uri) -> uri.build(), RequestBodies.multipart(file, purpose), null, NOT_IDEMPOTENT)
			.map((r) -> this.transport.convert(r, UploadResponse.class, null));
	}

	private Mono<Void> delete(String template, String id, @Nullable String taskId) {
		return this.transport.exchange(DELETE, template, (uri) -> uri.build(id), null, taskId, IDEMPOTENT).then();
	}

	@Override
	public String toString() {
		return "ResourceApi";
	}

}
