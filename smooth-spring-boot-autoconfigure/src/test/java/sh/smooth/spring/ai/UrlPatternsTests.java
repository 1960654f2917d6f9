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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The team's URL patterns ({@code smooth.ai.allowed-urls}): which URLs a model may open,
 * and which patterns of its own it may send. A model may narrow the team's patterns,
 * never widen them.
 */
class UrlPatternsTests {

	private final UrlPatterns team = new UrlPatterns(List.of("https://**.example.com/**"));

	@Test
	void aUrlIsAllowedWhenAPatternMatchesItWithoutItsQueryAndFragment() {
		assertThat(this.team.allows("https://shop.example.com/cart?item=1#top")).isTrue();
		assertThat(this.team.allows("https://a.b.example.com/x/y")).isTrue();
		assertThat(this.team.allows("https://evil.test/?next=https://shop.example.com/")).isFalse();
		assertThat(this.team.allows("http://shop.example.com/")).isFalse();
	}

	@Test
	void withoutPatternsEverythingIsAllowedAndTheModelsPatternsAreKept() {
		UrlPatterns none = new UrlPatterns(List.of());
		assertThat(none.allows("https://anything.test/")).isTrue();
		assertThat(none.narrow(List.of("https://**"))).containsExactly("https://**");
		assertThat(none.narrow(List.of())).isEmpty();
	}

	@Test
	void aModelThatGivesNoPatternsGetsTheTeams() {
		assertThat(this.team.narrow(List.of())).containsExactly("https://**.example.com/**");
	}

	@Test
	void aModelMayNarrowTheTeamsPatterns() {
		assertThat(this.team.narrow(List.of("https://shop.example.com/**", "https://*.example.com/cart/*")))
			.containsExactly("https://shop.example.com/**", "https://*.example.com/cart/*");
	}

	@Test
	void aModelMayNotWidenThem() {
		assertThatExceptionOfType(SmoothAiRefusal.class)
			.isThrownBy(() -> this.team.narrow(List.of("https://shop.example.com/**", "https://**")))
			.withMessageContaining("allowed_urls [https://**] would widen")
			.withMessageContaining("https://**.example.com/**");
	}

	@Test
	void aTeamSingleStarCoversAModelSingleStarButNotADoubleStar() {
		UrlPatterns oneLevel = new UrlPatterns(List.of("https://*.example.com/*"));
		assertThat(oneLevel.allows("https://shop.example.com/cart")).isTrue();
		assertThat(oneLevel.allows("https://shop.example.com/cart/1")).isFalse();
		assertThat(oneLevel.narrow(List.of("https://*.example.com/*"))).containsExactly("https://*.example.com/*");
		assertThatExceptionOfType(SmoothAiRefusal.class)
			.isThrownBy(() -> oneLevel.narrow(List.of("https://*.example.com/**")));
	}

}
