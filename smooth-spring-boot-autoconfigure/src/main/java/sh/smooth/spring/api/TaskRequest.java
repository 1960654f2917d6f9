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
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import sh.smooth.spring.error.Redaction;

/**
 * The body of {@code POST /task}. Every field is always sent, nulls included, in the
 * order the official SDKs use: that is what the server sees from them today.
 *
 * @param task the task text, {@code null} to open a session
 * @param responseModel JSON Schema of the structured output
 * @param url the starting URL
 * @param metadata scalar variables shown to the agent
 * @param files file ids
 * @param agent the agent
 * @param maxSteps the step budget
 * @param device the device
 * @param allowedUrls URL globs the agent may visit
 * @param enableRecording whether to record a video
 * @param profileId the browser profile
 * @param profileReadOnly whether the profile is left unchanged
 * @param stealthMode the deprecated stealth flag (always {@code false})
 * @param useStealth whether stealth mode is on
 * @param proxyServer the proxy
 * @param proxyUsername the proxy user
 * @param proxyPassword the proxy password (secret)
 * @param certificates client certificates (secret)
 * @param useAdblock whether ads are blocked
 * @param useCaptchaSolver whether captchas are solved
 * @param additionalTools built-in tools to enable
 * @param customTools custom tool signatures
 * @param experimentalFeatures free-form flags
 * @param extensions extension ids
 * @param showCursor whether the cursor is drawn
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TaskRequest(@Nullable String task, @JsonProperty("response_model") @Nullable JsonNode responseModel,
		@Nullable String url, @Nullable Map<String, Object> metadata, @Nullable List<String> files, String agent,
		@JsonProperty("max_steps") int maxSteps, String device,
		@JsonProperty("allowed_urls") @Nullable List<String> allowedUrls,
		@JsonProperty("enable_recording") boolean enableRecording,
		@JsonProperty("profile_id") @Nullable String profileId,
		@JsonProperty("profile_read_only") boolean profileReadOnly, @JsonProperty("stealth_mode") boolean stealthMode,
		@JsonProperty("use_stealth") boolean useStealth, @JsonProperty("proxy_server") @Nullable String proxyServer,
		@JsonProperty("proxy_username") @Nullable String proxyUsername,
		@JsonProperty("proxy_password") @Nullable String proxyPassword, @Nullable List<CertificatePayload> certificates,
		@JsonProperty("use_adblock") boolean useAdblock, @JsonProperty("use_captcha_solver") boolean useCaptchaSolver,
		@JsonProperty("additional_tools") @Nullable Map<String, @Nullable JsonNode> additionalTools,
		@JsonProperty("custom_tools") @Nullable List<ToolSignature> customTools,
		@JsonProperty("experimental_features") @Nullable Map<String, Object> experimentalFeatures,
		@Nullable List<String> extensions, @JsonProperty("show_cursor") boolean showCursor) {

	@Override
	public String toString() {
		// proxy password and certificates are secrets: never print them
		return "TaskRequest[task=" + this.task + ", url=" + Redaction.url(this.url) + ", agent=" + this.agent
				+ ", maxSteps=" + this.maxSteps + ", device=" + this.device + ", profileId=" + this.profileId
				+ ", proxyServer=" + Redaction.url(this.proxyServer) + ", proxyPassword="
				+ ((this.proxyPassword != null) ? "******" : null) + ", certificates="
				+ ((this.certificates != null) ? this.certificates.size() + " (masked)" : null) + ", customTools="
				+ ((this.customTools != null) ? this.customTools.size() : null) + "]";
	}

}
