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

package sh.smooth.spring.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small {@code multipart/form-data} reader, enough for the upload endpoints. Works on
 * ISO-8859-1 text so every byte maps to one char and binary parts survive unchanged.
 */
final class Multipart {

	private Multipart() {
	}

	/**
	 * The boundary of a multipart content type.
	 * @param contentType the {@code Content-Type} header
	 * @return the boundary, or {@code null} when the type is not multipart/form-data
	 */
	static String boundary(String contentType) {
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
			return null;
		}
		for (String parameter : contentType.split(";")) {
			String trimmed = parameter.trim();
			if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
				String value = trimmed.substring("boundary=".length());
				return value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
			}
		}
		return null;
	}

	static List<Part> parse(String boundary, byte[] body) {
		String text = new String(body, StandardCharsets.ISO_8859_1);
		String delimiter = "--" + boundary;
		List<Part> parts = new ArrayList<>();
		int position = text.indexOf(delimiter);
		while (position >= 0) {
			int start = position + delimiter.length();
			if (text.startsWith("--", start)) {
				break;
			}
			int next = text.indexOf("\r\n" + delimiter, start);
			if (next < 0) {
				break;
			}
			String raw = text.substring(start, next);
			if (raw.startsWith("\r\n")) {
				raw = raw.substring(2);
			}
			int headerEnd = raw.indexOf("\r\n\r\n");
			if (headerEnd >= 0) {
				parts.add(part(raw.substring(0, headerEnd), raw.substring(headerEnd + 4)));
			}
			position = next + 2;
		}
		return parts;
	}

	private static Part part(String headers, String content) {
		String name = null;
		String fileName = null;
		String contentType = null;
		for (String line : headers.split("\r\n")) {
			String lower = line.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-disposition:")) {
				name = parameter(line, "name");
				fileName = parameter(line, "filename");
			}
			else if (lower.startsWith("content-type:")) {
				contentType = line.substring("content-type:".length()).trim();
			}
		}
		return new Part(name, fileName, contentType, content.getBytes(StandardCharsets.ISO_8859_1));
	}

	private static String parameter(String header, String key) {
		for (String piece : header.split(";")) {
			String trimmed = piece.trim();
			int equals = trimmed.indexOf('=');
			if (equals > 0 && trimmed.substring(0, equals).trim().equalsIgnoreCase(key)) {
				String value = trimmed.substring(equals + 1).trim();
				if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
					value = value.substring(1, value.length() - 1);
				}
				// headers were read as ISO-8859-1: restore UTF-8 file names
				return new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	record Part(String name, String fileName, String contentType, byte[] content) {

		String text() {
			return new String(this.content, StandardCharsets.UTF_8);
		}

	}

}
