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

import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;

/**
 * The {@code file} part of a multipart upload: the content, read while the request is
 * written, and what the part's headers say about it.
 *
 * @param content the bytes
 * @param filename the base file name sent in {@code Content-Disposition}
 * @param contentType the part's content type
 * @param length the length in bytes, or -1 when unknown (the upload is then sent chunked)
 */
public record FilePart(Resource content, String filename, MediaType contentType, long length) {

}
