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

package sh.smooth.spring.resource;

import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import sh.smooth.spring.error.SmoothAuthenticationException;
import sh.smooth.spring.error.SmoothConflictException;
import sh.smooth.spring.error.SmoothNotFoundException;
import sh.smooth.spring.error.SmoothValidationException;
import sh.smooth.spring.support.SmoothTestClients;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SmoothProfilesTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private SmoothTestClients clients;

	private SmoothProfiles profiles;

	@BeforeEach
	void setUp() {
		this.clients = SmoothTestClients.create(wm.baseUrl() + "/api/v1");
		this.profiles = this.clients.template().profiles();
	}

	@AfterEach
	void tearDown() {
		this.clients.close();
	}

	@Test
	void createWithIdSendsTheIdAndReturnsTheProfile() {
		wm.stubFor(post("/api/v1/profile").willReturn(okJson("{\"r\":{\"id\":\"shop-login\"}}")));

		Profile profile = this.profiles.create("shop-login");

		assertThat(profile.id()).isEqualTo("shop-login");
		assertThat(profile.stats()).isEmpty();
		LoggedRequest request = single(postRequestedFor(urlEqualTo("/api/v1/profile")));
		assertThat(request.getBodyAsString()).isEqualTo("{\"id\":\"shop-login\"}");
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
		assertThat(request.getHeader("apikey")).isEqualTo(SmoothTestClients.API_KEY);
	}

	@Test
	void createWithoutIdSendsAnExplicitNullAndReturnsTheServersId() {
		wm.stubFor(post("/api/v1/profile").willReturn(okJson("{\"r\":{\"id\":\"prof_7f3a\"}}")));

		Profile profile = this.profiles.create();

		assertThat(profile.id()).isEqualTo("prof_7f3a");
		assertThat(single(postRequestedFor(urlEqualTo("/api/v1/profile"))).getBodyAsString())
			.isEqualTo("{\"id\":null}");
	}

	@Test
	void conflictOnCreateNamesTheIdAndIsNotRetried() {
		wm.stubFor(post("/api/v1/profile").willReturn(aResponse().withStatus(409)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"detail\":\"Profile already exists\"}")));

		assertThatExceptionOfType(SmoothConflictException.class).isThrownBy(() -> this.profiles.create("shop-login"))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(409);
				assertThat(ex.getMessage()).contains("profile 'shop-login' already exists")
					.contains("Profile already exists");
				assertThat(ex.rawBody()).contains("Profile already exists");
			});
		wm.verify(1, postRequestedFor(urlEqualTo("/api/v1/profile")));
	}

	@Test
	void forbiddenOnCreateSaysThePlanMayLackProfiles() {
		wm.stubFor(post("/api/v1/profile").willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"detail\":\"Upgrade required\"}")));

		assertThatExceptionOfType(SmoothAuthenticationException.class).isThrownBy(() -> this.profiles.create())
			.withMessageContaining("may not include browser profiles")
			.withMessageContaining("Upgrade required");
	}

	@Test
	void listMapsProfilesWithAndWithoutStatistics() {
		wm.stubFor(get("/api/v1/profile").willReturn(okJson("""
				{"r":[
				  {"id":"a","cookie_domains":["shop.example","mail.example"],"cookie_count":42,
				   "profile_size_bytes":123456,"last_saved_at":1767225600,"future_field":true},
				  {"id":"b"}
				]}""")));

		List<Profile> list = this.profiles.list();

		assertThat(list).hasSize(2);
		assertThat(list.get(0).id()).isEqualTo("a");
		ProfileStatistics stats = list.get(0).statistics();
		assertThat(stats).isNotNull();
		assertThat(stats.cookieDomains()).containsExactly("shop.example", "mail.example");
		assertThat(stats.cookieCount()).isEqualTo(42L);
		assertThat(stats.sizeBytes()).isEqualTo(123456L);
		assertThat(stats.lastSavedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
		assertThat(list.get(1)).isEqualTo(new Profile("b", null));
		wm.verify(getRequestedFor(urlEqualTo("/api/v1/profile")).withHeader("apikey",
				equalTo(SmoothTestClients.API_KEY)));
	}

	@Test
	void listMapsTheOldProfileIdsShape() {
		wm.stubFor(get("/api/v1/profile").willReturn(okJson("{\"r\":{\"profile_ids\":[\"old-1\",\"old-2\"]}}")));

		assertThat(this.profiles.list()).extracting(Profile::id).containsExactly("old-1", "old-2");
	}

	@Test
	void listOfNoProfilesIsEmpty() {
		wm.stubFor(get("/api/v1/profile").willReturn(okJson("{\"r\":[]}")));

		assertThat(this.profiles.list()).isEmpty();
	}

	@Test
	void deleteCallsTheProfilePath() {
		wm.stubFor(delete("/api/v1/profile/shop-login").willReturn(okJson("{\"r\":true}")));

		this.profiles.delete("shop-login");

		wm.verify(1, deleteRequestedFor(urlEqualTo("/api/v1/profile/shop-login")));
	}

	@Test
	void deleteOfAnUnknownProfileNamesTheId() {
		wm.stubFor(delete("/api/v1/profile/ghost").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"detail\":\"Not found\"}")));

		assertThatExceptionOfType(SmoothNotFoundException.class).isThrownBy(() -> this.profiles.delete("ghost"))
			.withMessageContaining("profile 'ghost' does not exist");
	}

	@Test
	void blankIdsAreRejectedBeforeAnyCall() {
		assertThatExceptionOfType(SmoothValidationException.class).isThrownBy(() -> this.profiles.create(" "))
			.withMessageContaining("id");
		assertThatExceptionOfType(SmoothValidationException.class).isThrownBy(() -> this.profiles.delete(""));
		wm.verify(0, anyRequestedFor(anyUrl()));
	}

	private static LoggedRequest single(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern) {
		List<LoggedRequest> requests = wm.findAll(pattern);
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

}
