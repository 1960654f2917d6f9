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

package sh.smooth.spring.session;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Generates action event ids the way the official SDKs do: 21 URL-safe random characters
 * (nanoid style), which makes collisions between concurrent actions practically
 * impossible.
 */
final class EventIds {

	/** Length of an id, as in the SDKs. */
	static final int LENGTH = 21;

	private static final char[] ALPHABET = ("ABCDEFGHIJKLMNOPQRSTUVWXYZ" + "abcdefghijklmnopqrstuvwxyz"
			+ "0123456789_-")
		.toCharArray();

	private EventIds() {
	}

	/**
	 * A new id.
	 * @return 21 characters from {@code A-Za-z0-9_-}
	 */
	static String next() {
		// Not SecureRandom: ids are made on poll threads when a queued action is sent,
		// and
		// NativePRNG refills its buffer from /dev/urandom, a blocking read that
		// BlockHound
		// caught (WebFluxBlockHoundTests). An event id only has to be unique within its
		// task; it is no secret.
		byte[] bytes = new byte[LENGTH];
		ThreadLocalRandom.current().nextBytes(bytes);
		char[] id = new char[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			// 64 symbols: the low six bits pick one without bias
			id[i] = ALPHABET[bytes[i] & 63];
		}
		return new String(id);
	}

}
