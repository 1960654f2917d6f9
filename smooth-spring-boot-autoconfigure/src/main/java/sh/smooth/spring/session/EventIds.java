package sh.smooth.spring.session;

import java.security.SecureRandom;

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

	private static final SecureRandom RANDOM = new SecureRandom();

	private EventIds() {
	}

	/**
	 * A new id.
	 * @return 21 characters from {@code A-Za-z0-9_-}
	 */
	static String next() {
		byte[] bytes = new byte[LENGTH];
		RANDOM.nextBytes(bytes);
		char[] id = new char[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			// 64 symbols: the low six bits pick one without bias
			id[i] = ALPHABET[bytes[i] & 63];
		}
		return new String(id);
	}

}
