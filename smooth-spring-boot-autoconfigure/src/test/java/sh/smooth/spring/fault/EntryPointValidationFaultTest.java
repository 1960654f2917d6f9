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

package sh.smooth.spring.fault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.autoconfigure.SmoothAutoConfiguration;
import sh.smooth.spring.autoconfigure.SmoothObservationAutoConfiguration;
import sh.smooth.spring.autoconfigure.SmoothToolsAutoConfiguration;
import sh.smooth.spring.browser.Agent;
import sh.smooth.spring.browser.Certificate;
import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.error.SmoothValidationException;
import sh.smooth.spring.browser.BrowserOptions;
import sh.smooth.spring.browser.SessionTask;
import sh.smooth.spring.resource.TaskQuery;
import sh.smooth.spring.session.SmoothSession;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.browser.ToolSelection;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.test.RecordedRequest;
import sh.smooth.spring.test.Route;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.TaskMatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Bad input at every public entry point: {@code null}, blank and out-of-range arguments
 * to {@link SmoothOperations}, {@link TaskHandle}, {@link SmoothSession}, the
 * {@link BrowserOptions} and {@link SessionTask} builders, the task builder, and the
 * profile, file, extension and task-history operations. Each is rejected on the caller's
 * thread with a {@link SmoothException} (almost always a
 * {@link SmoothValidationException}) whose message names the field, and none sends a
 * request: the simulator sees nothing but the polls of the fixture's task and session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntryPointValidationFaultTest {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String URL = "https://example.com";

	private static final Duration ZERO = Duration.ZERO;

	private static final Duration NEGATIVE = Duration.ofSeconds(-1);

	private SmoothSimulator sim;

	private ConfigurableApplicationContext context;

	private Fixture fixture;

	@BeforeAll
	void openFixture(@TempDir Path temp) throws Exception {
		this.sim = SmoothSimulator.start();
		// the fixture's task stays running: its handle is still live during every case
		this.sim.onTask(TaskMatcher.any()).doneAfter(Duration.ofMinutes(5));
		// the whole starter, tools included: tool names are checked against the
		// registry
		this.context = new SpringApplicationBuilder(Starter.class).web(WebApplicationType.NONE)
			// no banner and start-up lines in the test log
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties(SimulatorRig.properties(this.sim))
			.run();
		SmoothOperations smooth = this.context.getBean(SmoothOperations.class);
		TaskHandle handle = smooth.submit("Fixture task");
		SmoothSession session = smooth.openSession();
		Path notZip = temp.resolve("extension.txt");
		java.nio.file.Files.writeString(notZip, "not a zip");
		this.fixture = new Fixture(smooth, handle, session, temp.resolve("missing.pdf"), notZip);
	}

	@AfterAll
	void closeFixture() {
		try {
			// a call that slipped through asynchronously would arrive a little later
			// (at most 5 s: a loaded machine may be slow to poll the condition; quiet for
			// 300 ms is the claim)
			await().during(Duration.ofMillis(300))
				.atMost(Duration.ofSeconds(5))
				.until(() -> requestsOtherThanFixturePolls().isEmpty());
		}
		finally {
			if (this.context != null) {
				this.context.close();
			}
			this.sim.close();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("entryPoints")
	void rejectsBadInputBeforeAnyHttpCall(Case entryPoint) {
		int before = requestsOtherThanFixturePolls().size();
		Throwable thrown = catchThrowable(() -> entryPoint.call().accept(this.fixture));
		assertThat(thrown).as(entryPoint.name()).isInstanceOf(SmoothException.class);
		assertThat(thrown.getMessage()).as(entryPoint.name()).contains(entryPoint.field());
		if (thrown instanceof SmoothValidationException invalid) {
			assertThat(invalid.field()).as(entryPoint.name()).contains(entryPoint.field());
		}
		assertThat(requestsOtherThanFixturePolls()).as(entryPoint.name()).hasSize(before);
	}

	/**
	 * Everything the simulator received except the fixture's own submit, session open and
	 * polls.
	 */
	private List<RecordedRequest> requestsOtherThanFixturePolls() {
		Set<String> fixturePaths = Set.of(SmoothSimulator.BASE_PATH + "/task/" + this.fixture.handle().id(),
				SmoothSimulator.BASE_PATH + "/task/" + this.fixture.session().id());
		return this.sim.requests()
			.stream()
			.filter((request) -> request.route() != Route.CREATE_TASK)
			.filter((request) -> !(request.route() == Route.GET_TASK && fixturePaths.contains(request.path())))
			.toList();
	}

	Stream<Case> entryPoints() {
		return Stream
			.of(smoothOperations(), taskBuilder(), taskHandle(), session(), sessionSpec(), sessionTask(), resources())
			.flatMap(List::stream);
	}

	private static List<Case> smoothOperations() {
		return List.of(new Case("run(null)", (f) -> f.smooth().run((String) null), "task"),
				new Case("run(blank)", (f) -> f.smooth().run("  "), "task"),
				new Case("run(blank, Class)", (f) -> f.smooth().run(" ", String.class), "task"),
				new Case("run(text, null Class)", (f) -> f.smooth().run("x", (Class<?>) null), "outputType"),
				new Case("run(text, null type reference)",
						(f) -> f.smooth().run("x", (ParameterizedTypeReference<?>) null), "outputType"),
				new Case("run(null SmoothTask)", (f) -> f.smooth().run((SmoothTask) null), "task"),
				new Case("submit(null SmoothTask)", (f) -> f.smooth().submit((SmoothTask) null), "task"),
				new Case("submit(null text)", (f) -> f.smooth().submit((String) null), "task"),
				new Case("submit(blank text)", (f) -> f.smooth().submit(""), "task"),
				new Case("submit(unknown tool)",
						(f) -> f.smooth().submit(SmoothTask.builder("x").browser((b) -> b.tools("noSuchTool")).build()),
						"tools"),
				new Case("submit(unknown tool group)",
						(f) -> f.smooth()
							.submit(SmoothTask.builder("x")
								.browser((b) -> b.tools(ToolSelection.groups("noSuchGroup")))
								.build()),
						"tools.groups"),
				new Case("attach(null)", (f) -> f.smooth().attach(null), "taskId"),
				new Case("attach(blank)", (f) -> f.smooth().attach(" "), "taskId"),
				new Case("openSession(null)", (f) -> f.smooth().openSession(null), "options"),
				new Case("openSessionAsync(null)", (f) -> f.smooth().openSessionAsync(null), "options"),
				new Case("submitAsync(null)", (f) -> f.smooth().submitAsync(null), "task"),
				new Case("runAsync(null)", (f) -> f.smooth().runAsync(null), "task"),
				new Case("get(null)", (f) -> f.smooth().get(null), "taskId"),
				new Case("get(blank)", (f) -> f.smooth().get(" "), "taskId"),
				new Case("cancel(null)", (f) -> f.smooth().cancel(null), "taskId"),
				new Case("cancel(blank)", (f) -> f.smooth().cancel(""), "taskId"),
				new Case("reactive run(blank)", (f) -> f.smooth().reactive().run(" ").block(), "task"),
				new Case("reactive submit(null)", (f) -> f.smooth().reactive().submit((SmoothTask) null).block(),
						"task"),
				new Case("reactive get(blank)", (f) -> f.smooth().reactive().get(" ").block(), "taskId"),
				new Case("reactive cancel(null)", (f) -> f.smooth().reactive().cancel(null).block(), "taskId"),
				new Case("reactive attach(blank)", (f) -> f.smooth().reactive().attach(" ").block(), "taskId"),
				new Case("reactive openSession(null)", (f) -> f.smooth().reactive().openSession(null).block(),
						"options"));
	}

	private static List<Case> taskBuilder() {
		return List.of(new Case("SmoothTask.builder(null)", (f) -> SmoothTask.builder(null), "task"),
				new Case("SmoothTask maxSteps(1)", (f) -> SmoothTask.builder("x").maxSteps(1), "max_steps"),
				new Case("SmoothTask maxSteps(129)", (f) -> SmoothTask.builder("x").maxSteps(129), "max_steps"),
				new Case("SmoothTask url(ftp)", (f) -> SmoothTask.builder("x").url("ftp://example.com"), "url"),
				new Case("SmoothTask browser(null options)",
						(f) -> SmoothTask.builder("x").browser((BrowserOptions) null), "browser"),
				new Case("SmoothTask browser(device(null))",
						(f) -> SmoothTask.builder("x").browser((b) -> b.device(null)), "device"),
				new Case("SmoothTask metadata(17 keys)", (f) -> SmoothTask.builder("x").metadata(tooManyKeys()),
						"metadata"),
				new Case("BrowserOptions tools(null name)", (f) -> BrowserOptions.builder().tools("a", null),
						"tools[1]"),
				new Case("BrowserOptions tools(null selection)",
						(f) -> BrowserOptions.builder().tools((ToolSelection) null), "tools"),
				new Case("BrowserOptions toolGroups(blank)", (f) -> BrowserOptions.builder().toolGroups(" "),
						"toolGroups[0]"),
				new Case("ToolSelection names(null array)", (f) -> ToolSelection.names((String[]) null), "names"),
				new Case("ToolSelection groups(blank)", (f) -> ToolSelection.groups("crm", " "), "groups[1]"),
				new Case("ToolSelection andNames(null name)",
						(f) -> ToolSelection.groups("crm").andNames((String) null), "names[0]"));
	}

	private static List<Case> taskHandle() {
		return List.of(new Case("await(null)", (f) -> f.handle().await(null), "timeout"),
				new Case("await(zero)", (f) -> f.handle().await(ZERO), "timeout"),
				new Case("await(negative)", (f) -> f.handle().await(NEGATIVE), "timeout"),
				new Case("liveUrl(timeout null)", (f) -> f.handle().liveUrl((o) -> o.timeout(null)), "timeout"),
				new Case("recordingUrl(null)", (f) -> f.handle().recordingUrl(null), "timeout"),
				new Case("downloads().url(zero)", (f) -> f.handle().downloads().url(ZERO), "timeout"),
				new Case("downloads().saveTo(null)", (f) -> f.handle().downloads().saveTo(null), "target"),
				new Case("downloads().saveTo(path, null)", (f) -> f.handle().downloads().saveTo(f.missingFile(), null),
						"timeout"),
				new Case("reactive liveUrl(timeout zero)",
						(f) -> f.handle().reactive().liveUrl((o) -> o.timeout(ZERO)).block(), "timeout"));
	}

	private static List<Case> session() {
		JsonNode schema = NODES.objectNode().put("type", "object");
		return List.of(new Case("goTo(null)", (f) -> f.session().goTo(null), "url"),
				new Case("goTo(not a URL)", (f) -> f.session().goTo("example"), "url"),
				new Case("goTo(ftp)", (f) -> f.session().goTo("ftp://example.com"), "url"),
				new Case("goTo(url, timeout null)", (f) -> f.session().goTo(URL, (o) -> o.timeout(null)), "timeout"),
				new Case("goTo(url, prompt)", (f) -> f.session().goTo(URL, (o) -> o.prompt("p")), "prompt"),
				new Case("reactive goTo(blank)", (f) -> f.session().reactive().goTo(" ").block(), "url"),
				new Case("reactive goTo(url, zero)",
						(f) -> f.session().reactive().goTo(URL, (o) -> o.timeout(ZERO)).block(), "timeout"),
				new Case("extract(null Class, prompt)",
						(f) -> f.session().extract((Class<?>) null, (o) -> o.prompt("p")), "type"),
				new Case("extract(null type reference, prompt)",
						(f) -> f.session().extract((ParameterizedTypeReference<?>) null, (o) -> o.prompt("p")), "type"),
				new Case("extract(Class, blank prompt)", (f) -> f.session().extract(String.class, (o) -> o.prompt(" ")),
						"prompt"),
				new Case("extract(Class, negative)",
						(f) -> f.session().extract(String.class, (o) -> o.prompt("p").timeout(NEGATIVE)), "timeout"),
				new Case("extract(Class, args)", (f) -> f.session().extract(String.class, (o) -> o.args(Map.of())),
						"args"),
				new Case("extract(null schema)", (f) -> f.session().extract((JsonNode) null, (o) -> o.prompt("p")),
						"schema"),
				new Case("extract(array schema)", (f) -> f.session().extract(NODES.arrayNode(), (o) -> o.prompt("p")),
						"schema"),
				new Case("extract(schema, blank prompt)", (f) -> f.session().extract(schema, (o) -> o.prompt("")),
						"prompt"),
				new Case("reactive extract(schema, timeout null)",
						(f) -> f.session().reactive().extract(schema, (o) -> o.prompt("p").timeout(null)).block(),
						"timeout"),
				new Case("reactive extract(null Class)",
						(f) -> f.session().reactive().extract((Class<?>) null, (o) -> o.prompt("p")).block(), "type"),
				new Case("evaluateJs(null)", (f) -> f.session().evaluateJs(null), "js"),
				new Case("evaluateJs(blank)", (f) -> f.session().evaluateJs(" "), "js"),
				new Case("evaluateJs(blank, args)", (f) -> f.session().evaluateJs(" ", (o) -> o.args(Map.of("a", 1))),
						"js"),
				new Case("evaluateJs(js, args, zero)",
						(f) -> f.session().evaluateJs("1", (o) -> o.args(Map.of()).timeout(ZERO)), "timeout"),
				new Case("evaluateJs(js, prompt)", (f) -> f.session().evaluateJs("1", (o) -> o.prompt("p")), "prompt"),
				new Case("reactive evaluateJs(js, null args)",
						(f) -> f.session().reactive().evaluateJs("1", (o) -> o.args(null)).block(), "args"),
				new Case("runTask(null text)", (f) -> f.session().runTask((String) null), "task"),
				new Case("runTask(blank text)", (f) -> f.session().runTask(" "), "task"),
				new Case("runTask(null SessionTask)", (f) -> f.session().runTask((SessionTask) null), "task"),
				new Case("runTask(task, timeout null)",
						(f) -> f.session().runTask(SessionTask.builder("x").build(), (o) -> o.timeout(null)),
						"timeout"),
				new Case("reactive runTask(null)", (f) -> f.session().reactive().runTask((SessionTask) null).block(),
						"task"),
				new Case("liveUrl(timeout zero)", (f) -> f.session().liveUrl((o) -> o.timeout(ZERO)), "timeout"));
	}

	private static List<Case> sessionSpec() {
		return List.of(new Case("BrowserOptions device(null)", (f) -> BrowserOptions.builder().device(null), "device"),
				new Case("BrowserOptions profile(null)", (f) -> BrowserOptions.builder().profile(null), "profileId"),
				new Case("BrowserOptions profile(blank, readOnly)", (f) -> BrowserOptions.builder().profile(" ", true),
						"profileId"),
				new Case("BrowserOptions proxy(null)", (f) -> BrowserOptions.builder().proxy(null), "proxyServer"),
				new Case("BrowserOptions proxy(ftp)", (f) -> BrowserOptions.builder().proxy("ftp://proxy:21"),
						"proxyServer"),
				new Case("BrowserOptions proxy(server, null user, password)",
						(f) -> BrowserOptions.builder().proxy("http://proxy:8080", null, "pw"), "proxyUsername"),
				new Case("BrowserOptions proxy(server, user, empty password)",
						(f) -> BrowserOptions.builder().proxy("http://proxy:8080", "user", ""), "proxyPassword"),
				new Case("BrowserOptions certificate(null)",
						(f) -> BrowserOptions.builder().certificate((Certificate) null), "certificate"),
				new Case("BrowserOptions certificate(null Resource)",
						(f) -> BrowserOptions.builder().certificate((Resource) null, "pw"), "certificate"),
				new Case("BrowserOptions extensions(null array)",
						(f) -> BrowserOptions.builder().extensions((String[]) null), "extensions"),
				new Case("BrowserOptions extensions(blank id)",
						(f) -> BrowserOptions.builder().extensions("ext_1", " "), "extensions[1]"),
				new Case("BrowserOptions files(null id)", (f) -> BrowserOptions.builder().files((String) null),
						"files[0]"),
				new Case("BrowserOptions allowedUrls(blank)", (f) -> BrowserOptions.builder().allowedUrls(""),
						"allowedUrls[0]"),
				new Case("BrowserOptions agent(null)", (f) -> BrowserOptions.builder().agent((Agent) null), "agent"),
				new Case("BrowserOptions additionalTool(null)", (f) -> BrowserOptions.builder().additionalTool(null),
						"additionalTools"),
				new Case("BrowserOptions additionalTool(blank, config)",
						(f) -> BrowserOptions.builder().additionalTool(" ", Map.of()), "additionalTools"),
				new Case("BrowserOptions experimentalFeature(null, value)",
						(f) -> BrowserOptions.builder().experimentalFeature(null, true), "experimentalFeatures"),
				new Case("BrowserOptions experimentalFeature(name, null)",
						(f) -> BrowserOptions.builder().experimentalFeature("x", null), "experimentalFeatures"),
				new Case("BrowserOptions metadata(null key)", (f) -> BrowserOptions.builder().metadata(null, "v"),
						"metadata"),
				new Case("BrowserOptions metadata(key, object)",
						(f) -> BrowserOptions.builder().metadata("k", new Object()), "metadata[k]"),
				new Case("BrowserOptions metadata(null map)",
						(f) -> BrowserOptions.builder().metadata((Map<String, ?>) null), "metadata"),
				new Case("BrowserOptions metadata(value too long)",
						(f) -> BrowserOptions.builder().metadata("k", "x".repeat(2049)), "metadata[k]"),
				new Case("BrowserOptions tools(null array)", (f) -> BrowserOptions.builder().tools((String[]) null),
						"tools"),
				new Case("BrowserOptions tools(blank)", (f) -> BrowserOptions.builder().tools(" "), "tools[0]"),
				new Case("openSession(unknown tool)",
						(f) -> f.smooth().openSession(BrowserOptions.builder().tools("noSuchTool").build()), "tools"),
				new Case("openSession(unknown tool group)",
						(f) -> f.smooth()
							.openSession(BrowserOptions.builder().tools(ToolSelection.groups("noSuchGroup")).build()),
						"tools.groups"));
	}

	private static List<Case> sessionTask() {
		return List.of(new Case("SessionTask.builder(null)", (f) -> SessionTask.builder(null), "task"),
				new Case("SessionTask.builder(blank)", (f) -> SessionTask.builder(" "), "task"),
				new Case("SessionTask maxSteps(1)", (f) -> SessionTask.builder("x").maxSteps(1), "max_steps"),
				new Case("SessionTask maxSteps(129)", (f) -> SessionTask.builder("x").maxSteps(129), "max_steps"),
				new Case("SessionTask url(relative)", (f) -> SessionTask.builder("x").url("/login"), "url"),
				new Case("SessionTask responseModel(null)", (f) -> SessionTask.builder("x").responseModel(null),
						"responseModel"),
				new Case("SessionTask responseModel(string)",
						(f) -> SessionTask.builder("x").responseModel(NODES.stringNode("x")), "responseModel"),
				new Case("SessionTask outputType(null Class)",
						(f) -> SessionTask.builder("x").outputType((Class<?>) null), "outputType"),
				new Case("SessionTask outputType(null type reference)",
						(f) -> SessionTask.builder("x").outputType((ParameterizedTypeReference<?>) null), "outputType"),
				new Case("SessionTask metadata(blank key)", (f) -> SessionTask.builder("x").metadata(" ", 1),
						"metadata"),
				new Case("SessionTask metadata(17 keys)", (f) -> SessionTask.builder("x").metadata(tooManyKeys()),
						"metadata"),
				new Case("SessionTask secret(null name)", (f) -> SessionTask.builder("x").secret(null, "v", URL),
						"secret name"),
				new Case("SessionTask secret(empty value)", (f) -> SessionTask.builder("x").secret("PW", "", URL),
						"secrets[PW].value"),
				new Case("SessionTask secret(no URLs)", (f) -> SessionTask.builder("x").secret("PW", "v"),
						"secrets[PW].allowedUrls"),
				new Case("SessionTask secret(blank URL)", (f) -> SessionTask.builder("x").secret("PW", "v", " "),
						"secrets[PW].allowedUrls[0]"));
	}

	private static List<Case> resources() {
		return List.of(new Case("profiles().create(null)", (f) -> f.smooth().profiles().create(null), "id"),
				new Case("profiles().create(blank)", (f) -> f.smooth().profiles().create(" "), "id"),
				new Case("profiles().delete(null)", (f) -> f.smooth().profiles().delete(null), "id"),
				new Case("profiles().delete(blank)", (f) -> f.smooth().profiles().delete(""), "id"),
				new Case("files().upload(null Resource)", (f) -> f.smooth().files().upload((Resource) null),
						"resource"),
				new Case("files().upload(missing Resource)",
						(f) -> f.smooth()
							.files()
							.upload(new org.springframework.core.io.FileSystemResource(f.missingFile())),
						"resource"),
				new Case("files().upload(Resource, long purpose)",
						(f) -> f.smooth().files().upload(new ByteArrayResource(new byte[] { 1 }), "p".repeat(65)),
						"purpose"),
				new Case("files().upload(null Path)", (f) -> f.smooth().files().upload((Path) null), "path"),
				new Case("files().upload(missing Path)", (f) -> f.smooth().files().upload(f.missingFile()), "path"),
				new Case("files().upload(Path, blank purpose)", (f) -> f.smooth().files().upload(f.missingFile(), " "),
						"purpose"),
				new Case("files().upload(null bytes)", (f) -> f.smooth().files().upload((byte[]) null, "a.txt"),
						"bytes"),
				new Case("files().upload(bytes, null name)", (f) -> f.smooth().files().upload(new byte[] { 1 }, null),
						"filename"),
				new Case("files().upload(bytes, blank name, purpose)",
						(f) -> f.smooth().files().upload(new byte[] { 1 }, " ", "p"), "filename"),
				new Case("files().delete(null)", (f) -> f.smooth().files().delete(null), "id"),
				new Case("files().delete(blank)", (f) -> f.smooth().files().delete(" "), "id"),
				new Case("extensions().upload(null Resource)", (f) -> f.smooth().extensions().upload((Resource) null),
						"resource"),
				new Case("extensions().upload(null Path)", (f) -> f.smooth().extensions().upload((Path) null), "path"),
				new Case("extensions().upload(not a zip)", (f) -> f.smooth().extensions().upload(f.notZip()),
						"extension"),
				new Case("extensions().delete(null)", (f) -> f.smooth().extensions().delete(null), "id"),
				new Case("extensions().delete(blank)", (f) -> f.smooth().extensions().delete(" "), "id"),
				new Case("history().list(null)", (f) -> f.smooth().history().list(null), "query"),
				new Case("history().stream(null)", (f) -> f.smooth().history().stream(null), "query"),
				new Case("history().deleteData(null)", (f) -> f.smooth().history().deleteData(null), "taskId"),
				new Case("history().deleteData(blank)", (f) -> f.smooth().history().deleteData(" "), "taskId"),
				new Case("TaskQuery.latest(0)", (f) -> TaskQuery.latest(0), "limit"),
				new Case("TaskQuery.latest(129)", (f) -> TaskQuery.latest(129), "limit"),
				new Case("TaskQuery withBefore(-1)", (f) -> TaskQuery.latest().withBefore(-1), "before"));
	}

	private static Map<String, Object> tooManyKeys() {
		Map<String, Object> metadata = new java.util.LinkedHashMap<>();
		for (int i = 0; i < 17; i++) {
			metadata.put("k" + i, i);
		}
		return metadata;
	}

	/**
	 * The application: every Smooth auto-configuration and one tool.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
			WebClientAutoConfiguration.class, SmoothAutoConfiguration.class, SmoothToolsAutoConfiguration.class,
			SmoothObservationAutoConfiguration.class })
	static class Starter {

		@Bean
		SimulatorRig.Clock clockTool() {
			return new SimulatorRig.Clock();
		}

	}

	/**
	 * What a case calls: live objects of the fixture.
	 */
	record Fixture(SmoothOperations smooth, TaskHandle handle, SmoothSession session, Path missingFile, Path notZip) {
	}

	/**
	 * One entry point with one bad argument.
	 */
	record Case(String name, EntryPointCall call, String field) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	/**
	 * Calls an entry point.
	 */
	@FunctionalInterface
	interface EntryPointCall {

		void accept(Fixture fixture) throws Exception;

	}

}
