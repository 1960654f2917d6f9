package sh.smooth.spring.api;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Request bodies for the resource endpoints, built exactly as the wire expects them.
 */
public final class RequestBodies {

	/** The multipart part that carries the file bytes. */
	public static final String FILE_PART = "file";

	/** The optional multipart text part that describes the file. */
	public static final String PURPOSE_PART = "file_purpose";

	private RequestBodies() {
	}

	/**
	 * A JSON body written with the wire mapper, so the application's Jackson settings
	 * (such as leaving out nulls) never change what the API receives.
	 * @param mapper the wire mapper
	 * @param value the value
	 * @return the body
	 */
	public static BodyInserter<byte[], ? super ClientHttpRequest> json(JsonMapper mapper, Object value) {
		byte[] bytes = mapper.writeValueAsBytes(value);
		return (outputMessage, context) -> {
			outputMessage.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			return BodyInserters.fromValue(bytes).insert(outputMessage, context);
		};
	}

	/**
	 * A {@code multipart/form-data} body with a {@code file} part and an optional
	 * {@code file_purpose} part. The resource is read in small buffers while the request
	 * is written, so a large file is never held in memory whole.
	 * @param content the bytes to send
	 * @param filename the file name sent in the part's {@code Content-Disposition}
	 * @param contentType the part's content type
	 * @param purpose the purpose text, or {@code null} to send no purpose part
	 * @return the body
	 */
	public static BodyInserter<?, ? super ClientHttpRequest> multipart(Resource content, String filename,
			MediaType contentType, @Nullable String purpose) {
		MultipartBodyBuilder builder = new MultipartBodyBuilder();
		builder.part(FILE_PART, content).filename(filename).contentType(contentType);
		if (purpose != null) {
			builder.part(PURPOSE_PART, purpose);
		}
		return BodyInserters.fromMultipartData(builder.build());
	}

}
