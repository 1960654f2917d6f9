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

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A client certificate on the wire: standard Base64 of the PKCS#12 bytes and its
 * password.
 *
 * @param file Base64 of the PKCS#12 file
 * @param password the password, or {@code null}
 * @param filters reserved URL filters, sent as {@code null} like the Python SDK
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CertificatePayload(String file, @Nullable String password, @Nullable List<List<String>> filters) {

	@Override
	public String toString() {
		return "CertificatePayload[file=(" + this.file.length() + " Base64 characters), password="
				+ ((this.password != null) ? "******" : null) + "]";
	}

}
