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

package sh.smooth.spring.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ByteArrayResource;

import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.error.SmoothConflictException;
import sh.smooth.spring.error.SmoothNotFoundException;
import sh.smooth.spring.resource.Extension;
import sh.smooth.spring.resource.Profile;
import sh.smooth.spring.resource.TaskPage;
import sh.smooth.spring.resource.TaskQuery;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Profiles, files, extensions and task listing against the stateful simulator.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class SimulatorResourcesTests {

	private final ApplicationContextRunner runner = SimulatorRig.runner();

	@Test
	void profilesFilesExtensionsAndListing(SmoothSimulator sim) throws IOException {
		sim.onTask(TaskMatcher.any()).runningAfter(Duration.ZERO).doneAfter(Duration.ZERO);
		byte[] zip = zip();
		this.runner.withPropertyValues("smooth.base-url=" + sim.baseUrl(), "smooth.api-key=" + sim.apiKey())
			.run((context) -> {
				SmoothOperations smooth = context.getBean(SmoothOperations.class);

				Profile profile = smooth.profiles().create("work");
				assertThat(profile.id()).isEqualTo("work");
				assertThatThrownBy(() -> smooth.profiles().create("work")).isInstanceOf(SmoothConflictException.class)
					.hasMessageContaining("work");
				assertThat(smooth.profiles().list()).extracting(Profile::id).contains("work");
				smooth.profiles().delete("work");
				assertThatThrownBy(() -> smooth.profiles().delete("work")).isInstanceOf(SmoothNotFoundException.class);

				String fileId = smooth.files()
					.upload("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "invoice.csv", "the invoice to attach");
				assertThat(sim.uploadedFiles()).singleElement().satisfies((file) -> {
					assertThat(file.fileName()).isEqualTo("invoice.csv");
					assertThat(file.purpose()).isEqualTo("the invoice to attach");
				});
				smooth.files().delete(fileId);

				String extensionId = smooth.extensions().upload(new ByteArrayResource(zip) {
					@Override
					public String getFilename() {
						return "blocker.zip";
					}
				});
				assertThat(smooth.extensions().list()).extracting(Extension::id).containsExactly(extensionId);
				smooth.extensions().delete(extensionId);
				assertThat(smooth.extensions().list()).isEmpty();

				for (int i = 0; i < 5; i++) {
					smooth.run(SmoothTask.builder("task " + i).browser((b) -> b.files(fileId)).build());
				}
				TaskPage first = smooth.history().list(TaskQuery.latest(2));
				assertThat(first.tasks()).hasSize(2);
				List<TaskResult> all = smooth.history().stream(TaskQuery.latest(2)).toList();
				assertThat(all).hasSize(5);
				assertThat(all).extracting(TaskResult::id).doesNotHaveDuplicates();
				smooth.history().deleteData(all.get(0).id());
			});
		sim.assertNoOpenApiViolations();
	}

	private static byte[] zip() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("manifest.json"));
			zip.write("{\"manifest_version\":3,\"name\":\"x\",\"version\":\"1\"}".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

}
