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
