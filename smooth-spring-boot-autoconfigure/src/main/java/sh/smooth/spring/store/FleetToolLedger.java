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

package sh.smooth.spring.store;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import sh.smooth.spring.api.TaskEvent;
import sh.smooth.spring.runtime.TaskRun;
import sh.smooth.spring.tool.ToolCallLedger;

/**
 * The fleet's {@link ToolCallLedger}: claims each tool call in the {@link TaskStore}
 * before its method runs (a unique key on task id and event id: exactly one instance
 * claims it), and records the answer before it is sent. The rule for a claim without an
 * answer, left by an instance that died while the method ran: the heir answers it with
 * 400 "tool interrupted, try again" and never runs the method again, because a tool with
 * side effects (a payment, an e-mail) must not run twice, and nobody can know whether the
 * dead instance's run had its effect; the agent can call the tool again, knowingly. A
 * claim with a recorded answer is answered with exactly that answer.
 */
public final class FleetToolLedger implements ToolCallLedger {

	private static final Log logger = LogFactory.getLog(FleetToolLedger.class);

	private final FleetMember fleet;

	private final JsonMapper mapper;

	/**
	 * Creates the ledger.
	 * @param fleet this instance in the fleet
	 * @param mapper writes and reads the recorded answers
	 */
	public FleetToolLedger(FleetMember fleet, JsonMapper mapper) {
		this.fleet = fleet;
		this.mapper = mapper;
	}

	@Override
	public Mono<Decision> claim(TaskRun run, String eventId) {
		if (!this.fleet.isActive()) {
			return Mono.just(Decision.SKIP);
		}
		return this.fleet.call(() -> this.fleet.store().claimToolCall(run.id(), eventId, this.fleet.instanceId()))
			.map((claim) -> switch (claim.outcome()) {
				case CLAIMED -> Decision.RUN;
				case INTERRUPTED -> Decision.INTERRUPTED;
				case RECORDED -> resend(eventId, claim.answer());
				case ACCEPTED, RUNNING_HERE, NOT_OWNER -> Decision.SKIP;
			});
	}

	private Decision resend(String eventId, @org.jspecify.annotations.Nullable String answer) {
		if (answer == null) {
			return Decision.SKIP;
		}
		JsonNode payload = this.mapper.readTree(answer);
		return new Decision(Decision.Action.RESEND, new TaskEvent(TaskEvent.TOOL_CALL, payload, eventId, null));
	}

	@Override
	public Mono<Boolean> record(TaskRun run, TaskEvent answer) {
		if (!this.fleet.isActive() || answer.id() == null) {
			return Mono.just(Boolean.FALSE);
		}
		String payload = this.mapper.writeValueAsString(answer.payload());
		return this.fleet
			.call(() -> this.fleet.store().recordAnswer(run.id(), answer.id(), this.fleet.instanceId(), payload));
	}

	@Override
	public void accepted(TaskRun run, TaskEvent answer) {
		String eventId = answer.id();
		if (eventId == null || !this.fleet.isActive()) {
			return;
		}
		this.fleet.answerAccepted(run.id(), eventId);
		this.fleet.call(() -> {
			this.fleet.store().answerAccepted(run.id(), eventId);
			return Boolean.TRUE;
		}).subscribe(null, (error) -> logger.debug("Could not note an accepted answer", error));
	}

}
