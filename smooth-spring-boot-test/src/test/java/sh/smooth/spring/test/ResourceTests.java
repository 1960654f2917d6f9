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

package sh.smooth.spring.test;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Profiles, files and extensions.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class ResourceTests {

	private SmoothSimulator sim;

	private Api api;

	@BeforeEach
	void setUp(SmoothSimulator sim) {
		this.sim = sim;
		this.api = new Api(sim);
	}

	@Test
	void profilesAreCreatedListedAndDeletedWith409OnDuplicates() {
		Api.Reply created = this.api.post("/profile", Map.of("id", "shop-login"));
		assertThat(created.status()).isEqualTo(200);
		assertThat(created.r().get("id").asString()).isEqualTo("shop-login");
		assertThat(this.api.post("/profile", Map.of("id", "shop-login")).status()).isEqualTo(409);
		Map<String, Object> random = new HashMap<>(Collections.singletonMap("id", null));
		String generated = this.api.post("/profile", random).r().get("id").asString();
		assertThat(generated).isNotBlank().isNotEqualTo("shop-login");
		assertThat(this.api.get("/profile").r().values()).extracting((profile) -> profile.get("id").asString())
			.containsExactly("shop-login", generated);
		assertThat(this.api.delete("/profile/shop-login").r().asBoolean()).isTrue();
		assertThat(this.api.delete("/profile/shop-login").status()).isEqualTo(404);
		assertThat(this.sim.profileIds()).containsExactly(generated);
	}

	@Test
	void fileUploadIsMultipartWithOptionalPurpose() {
		byte[] content = { 0, 1, 2, (byte) 0xff, '\r', '\n', '-', '-' };
		Api.Reply uploaded = this.api.send(new Multiparts().file("file", "invoice.pdf", content)
			.text("file_purpose", "The invoice to pay")
			.post(this.api, "/file"));
		assertThat(uploaded.status()).isEqualTo(200);
		String id = uploaded.r().get("id").asString();
		assertThat(this.sim.uploadedFiles()).singleElement().satisfies((file) -> {
			assertThat(file.id()).isEqualTo(id);
			assertThat(file.fileName()).isEqualTo("invoice.pdf");
			assertThat(file.purpose()).isEqualTo("The invoice to pay");
			assertThat(file.content()).containsExactly(content);
		});
		assertThat(this.api.send(new Multiparts().text("file_purpose", "no file").post(this.api, "/file")).status())
			.isEqualTo(400);
		assertThat(this.api.post("/file", Map.of("file", "not multipart")).status()).isEqualTo(400);
		assertThat(this.api.delete("/file/" + id).r().asBoolean()).isTrue();
		assertThat(this.api.delete("/file/" + id).status()).isEqualTo(404);
	}

	@Test
	void extensionsAcceptOnlyZipFiles() {
		Api.Reply uploaded = this.api.send(new Multiparts().file("file", "adblock.zip", new byte[] { 'P', 'K', 3, 4 })
			.post(this.api, "/extension"));
		assertThat(uploaded.status()).isEqualTo(200);
		String id = uploaded.r().get("id").asString();
		Api.Reply rejected = this.api
			.send(new Multiparts().file("file", "adblock.crx", new byte[] { 1 }).post(this.api, "/extension"));
		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.json().get("detail").asString()).contains("ZIP");
		assertThat(this.api.get("/extension").r().values()).singleElement().satisfies((extension) -> {
			assertThat(extension.get("id").asString()).isEqualTo(id);
			assertThat(extension.get("file_name").asString()).isEqualTo("adblock.zip");
			assertThat(extension.get("creation_time").asLong()).isPositive();
		});
		assertThat(this.api.delete("/extension/" + id).r().asBoolean()).isTrue();
		assertThat(this.api.delete("/extension/" + id).status()).isEqualTo(404);
		assertThat(this.api.delete("/browser/extension/" + id).status()).isEqualTo(404);
	}

	@Test
	void unknownPathsAre404AndTelemetryIsAccepted() {
		assertThat(this.api.get("/nothing/here").status()).isEqualTo(404);
		assertThat(this.api.post("/telemetry", Map.of("events", java.util.List.of())).status()).isEqualTo(200);
		assertThat(this.api.post("/browser/session", Map.of()).r().get("live_id").isString()).isTrue();
	}

}
