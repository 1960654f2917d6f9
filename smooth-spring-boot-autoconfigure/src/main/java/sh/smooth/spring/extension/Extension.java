package sh.smooth.spring.extension;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An uploaded Chrome extension: pass its id to {@code SmoothTask.Builder#extensions}.
 *
 * @param id the extension id
 * @param fileName the name of the uploaded zip
 * @param creationTime when it was uploaded (epoch; the unit is not documented, so it is
 * passed through unchanged)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Extension(String id, @JsonProperty("file_name") @Nullable String fileName,
		@JsonProperty("creation_time") @Nullable Long creationTime) {

}
