package sh.smooth.spring.test;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * Builds multipart/form-data bodies for the upload tests.
 */
final class Multiparts {

	static final String BOUNDARY = "----simBoundary7MA4YWxkTrZu0gW";

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	Multiparts file(String name, String fileName, byte[] content) {
		write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		this.body.writeBytes(content);
		write("\r\n");
		return this;
	}

	Multiparts text(String name, String value) {
		write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
		return this;
	}

	HttpRequest.Builder post(Api api, String path) {
		write("--" + BOUNDARY + "--\r\n");
		return api.builder(path)
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(this.body.toByteArray()));
	}

	private void write(String text) {
		this.body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

}
