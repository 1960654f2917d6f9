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

package sh.smooth.spring.browser;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;

import sh.smooth.spring.error.SmoothValidationException;

/**
 * A client certificate (PKCS#12) for sites that require one. The bytes and the password
 * are secrets: {@link #toString()} masks both.
 */
public final class Certificate {

	private final String base64;

	private final @Nullable String password;

	private Certificate(String base64, @Nullable String password) {
		this.base64 = base64;
		this.password = password;
	}

	/**
	 * A certificate from PKCS#12 bytes.
	 * @param pkcs12 the bytes
	 * @param password the password, or {@code null}
	 * @return the certificate
	 */
	public static Certificate of(byte[] pkcs12, @Nullable String password) {
		if (pkcs12 == null || pkcs12.length == 0) {
			throw new SmoothValidationException("certificate", "(empty)", "must hold the PKCS#12 bytes");
		}
		return new Certificate(Base64.getEncoder().encodeToString(pkcs12), password);
	}

	/**
	 * A certificate from a PKCS#12 resource, such as {@code classpath:client.p12}.
	 * @param pkcs12 the resource
	 * @param password the password, or {@code null}
	 * @return the certificate
	 */
	public static Certificate of(Resource pkcs12, @Nullable String password) {
		if (pkcs12 == null || !pkcs12.exists()) {
			throw new SmoothValidationException("certificate", (pkcs12 != null) ? pkcs12.getDescription() : null,
					"must be an existing PKCS#12 resource");
		}
		try (InputStream in = pkcs12.getInputStream()) {
			return of(in.readAllBytes(), password);
		}
		catch (IOException ex) {
			throw new SmoothValidationException("certificate", pkcs12.getDescription(),
					"must be readable (" + ex.getMessage() + ")");
		}
	}

	/**
	 * A certificate already encoded as standard Base64.
	 * @param base64 the Base64 text
	 * @param password the password, or {@code null}
	 * @return the certificate
	 */
	public static Certificate ofBase64(String base64, @Nullable String password) {
		if (base64 == null || base64.isBlank()) {
			throw new SmoothValidationException("certificate", "(blank)", "must be non-blank Base64");
		}
		try {
			Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new SmoothValidationException("certificate", "(" + base64.length() + " characters)",
					"must be standard Base64 with padding");
		}
		return new Certificate(base64.trim(), password);
	}

	/**
	 * The Base64 of the PKCS#12 bytes, for the wire.
	 * @return the Base64 text
	 */
	public String base64() {
		return this.base64;
	}

	/**
	 * The password, for the wire.
	 * @return the password, or {@code null}
	 */
	public @Nullable String password() {
		return this.password;
	}

	@Override
	public String toString() {
		return "Certificate[******" + ((this.password != null) ? ", password=******" : "") + "]";
	}

}
