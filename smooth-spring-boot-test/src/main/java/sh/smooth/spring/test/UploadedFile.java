package sh.smooth.spring.test;

import java.time.Instant;

/**
 * A file or extension the simulator received through a multipart upload.
 *
 * @param id the id it was given
 * @param fileName the part's file name
 * @param purpose the {@code file_purpose} part, or {@code null}
 * @param content the bytes
 * @param uploadedAt when it arrived
 */
public record UploadedFile(String id, String fileName, String purpose, byte[] content, Instant uploadedAt) {

}
