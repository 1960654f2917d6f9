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

package sh.smooth.spring.error;

/**
 * The task output could not be converted to the requested Java type. The message shows
 * the JSON path where it failed.
 */
public class SmoothOutputMappingException extends SmoothException {

	private final String path;

	public SmoothOutputMappingException(String targetType, String path, String problem, Throwable cause) {
		super("Cannot convert the Smooth output to " + targetType + " at " + path + ": " + problem, cause);
		this.path = path;
	}

	/**
	 * The JSON path (such as {@code $.stories[2].points}) where conversion failed.
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

}
