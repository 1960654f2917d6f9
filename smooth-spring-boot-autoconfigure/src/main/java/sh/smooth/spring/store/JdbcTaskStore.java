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

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import sh.smooth.spring.support.Validate;

/**
 * A {@link TaskStore} in a relational database through Spring's {@link JdbcClient}, for a
 * fleet of instances sharing one database: PostgreSQL (its schema is
 * {@code sh/smooth/spring/store/schema-postgresql.sql}). Every method is one transaction.
 * Leases are measured on the database's clock ({@code now()}), so the clocks of the
 * instances need not agree.
 * <p>
 * Take-over uses {@code SELECT ... FOR UPDATE SKIP LOCKED}: a sweeper locks the expired
 * rows it takes and skips rows another sweeper has locked, so two sweepers never block
 * each other and never take the same task. A tool call is claimed by inserting its
 * primary key (task id, event id): of two instances, exactly one insert succeeds. Slot
 * grants of the concurrency limit lock one row of {@code smooth_fleet_lock}, so two
 * grants never both see the last free slot (grants are rare next to polls: one per
 * submit). Ended tasks, their tool calls and idempotency keys are deleted after
 * {@value #RETENTION_HOURS} hours by the sweeps.
 */
public final class JdbcTaskStore implements TaskStore {

	private static final String COLUMNS = "task_id, kind, owner_id, event_cursor, correlation_key, idempotency_key, "
			+ "status, taken_over";

	private static final RowMapper<StoredTask> TASK = (rs, row) -> new StoredTask(rs.getString("task_id"),
			rs.getString("kind"), rs.getString("owner_id"), rs.getLong("event_cursor"), rs.getString("correlation_key"),
			rs.getString("idempotency_key"), rs.getString("status"), rs.getBoolean("taken_over"));

	/** How long ended tasks (their tool calls and idempotency keys) are kept. */
	static final int RETENTION_HOURS = 24;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	/**
	 * Creates a store over a data source, with transactions of its own.
	 * @param dataSource the database
	 */
	public JdbcTaskStore(DataSource dataSource) {
		this(dataSource, new DataSourceTransactionManager(Validate.notNull("dataSource", dataSource)));
	}

	/**
	 * Creates a store over a data source.
	 * @param dataSource the database
	 * @param transactionManager runs each method in a transaction
	 */
	public JdbcTaskStore(DataSource dataSource, PlatformTransactionManager transactionManager) {
		this.jdbc = JdbcClient.create(Validate.notNull("dataSource", dataSource));
		this.transactions = new TransactionTemplate(Validate.notNull("transactionManager", transactionManager));
	}

	private static long millis(Duration lease) {
		return Math.max(0, lease.toMillis());
	}

	@Override
	public boolean insert(StoredTask task, Duration lease) {
		return this.jdbc
			.sql("INSERT INTO smooth_task (" + COLUMNS + ", lease_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
					+ "now() + ? * interval '1 millisecond') ON CONFLICT DO NOTHING")
			.params(task.taskId(), task.kind(), task.ownerId(), task.eventCursor(), task.correlationKey(),
					task.idempotencyKey(), task.status(), task.takenOver(), millis(lease))
			.update() == 1;
	}

	@Override
	public Optional<StoredTask> find(String taskId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM smooth_task WHERE task_id = ?")
			.param(taskId)
			.query(TASK)
			.optional();
	}

	@Override
	public int renew(String ownerId, Duration lease) {
		return required(this.transactions.execute((status) -> {
			long ms = millis(lease);
			int owned = this.jdbc
				.sql("UPDATE smooth_task SET lease_until = now() + ? * interval '1 millisecond' "
						+ "WHERE owner_id = ? AND status = 'running'")
				.params(ms, ownerId)
				.update();
			this.jdbc
				.sql("UPDATE smooth_submit_queue SET lease_until = now() + ? * interval '1 millisecond' "
						+ "WHERE owner_id = ?")
				.params(ms, ownerId)
				.update();
			this.jdbc
				.sql("UPDATE smooth_submit SET lease_until = now() + ? * interval '1 millisecond' "
						+ "WHERE owner_id = ? AND task_id IS NULL")
				.params(ms, ownerId)
				.update();
			return owned;
		}));
	}

	@Override
	public boolean owns(String taskId, String ownerId) {
		return this.jdbc
			.sql("SELECT count(*) FROM smooth_task WHERE task_id = ? AND owner_id = ? AND status = 'running'")
			.params(taskId, ownerId)
			.query(Long.class)
			.single() > 0;
	}

	@Override
	public List<StoredTask> takeOverExpired(String ownerId, Duration lease, int limit) {
		return required(this.transactions.execute((status) -> this.jdbc
			.sql("UPDATE smooth_task SET owner_id = ?, "
					+ "taken_over = TRUE, lease_until = now() + ? * interval '1 millisecond' WHERE task_id IN "
					+ "(SELECT task_id FROM smooth_task WHERE status = 'running' AND lease_until <= now() "
					+ "ORDER BY lease_until LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS)
			.params(ownerId, millis(lease), limit)
			.query(TASK)
			.list()));
	}

	@Override
	public void release(String ownerId) {
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("UPDATE smooth_task SET lease_until = now() WHERE owner_id = ? AND status = 'running'")
				.param(ownerId)
				.update();
			this.jdbc.sql("DELETE FROM smooth_submit_queue WHERE owner_id = ?").param(ownerId).update();
			this.jdbc.sql("DELETE FROM smooth_submit WHERE owner_id = ? AND task_id IS NULL").param(ownerId).update();
		});
	}

	@Override
	public void releaseTask(String taskId, String ownerId) {
		this.jdbc.sql("UPDATE smooth_task SET lease_until = now() WHERE task_id = ? AND owner_id = ?")
			.params(taskId, ownerId)
			.update();
	}

	@Override
	public void moveCursor(String taskId, String ownerId, long eventCursor) {
		this.jdbc.sql("UPDATE smooth_task SET event_cursor = ? WHERE task_id = ? AND owner_id = ?")
			.params(eventCursor, taskId, ownerId)
			.update();
	}

	@Override
	public boolean finish(String taskId, String status) {
		return this.jdbc
			.sql("UPDATE smooth_task SET status = ?, ended_at = now() WHERE task_id = ? AND status = 'running'")
			.params(status, taskId)
			.update() == 1;
	}

	@Override
	public ToolClaim claimToolCall(String taskId, String eventId, String ownerId) {
		return required(this.transactions.execute((status) -> {
			// FOR SHARE: a take-over of this task waits (or skips it) until the claim is
			// decided, so an owner's claim and an heir's never cross
			Optional<String> owner = this.jdbc.sql("SELECT owner_id FROM smooth_task WHERE task_id = ? FOR SHARE")
				.param(taskId)
				.query(String.class)
				.optional();
			if (owner.isPresent() && !owner.get().equals(ownerId)) {
				return new ToolClaim(ToolClaim.Outcome.NOT_OWNER, null);
			}
			int inserted = this.jdbc.sql(
					"INSERT INTO smooth_tool_call (task_id, event_id, owner_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
				.params(taskId, eventId, ownerId)
				.update();
			if (inserted == 1) {
				return ToolClaim.CLAIMED;
			}
			Claim claim = this.jdbc.sql(
					"SELECT owner_id, answer_output, accepted FROM smooth_tool_call WHERE task_id = ? AND event_id = ? "
							+ "FOR UPDATE")
				.params(taskId, eventId)
				.query((rs, row) -> new Claim(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
				.single();
			if (claim.answer() != null) {
				return claim.accepted() ? new ToolClaim(ToolClaim.Outcome.ACCEPTED, null)
						: new ToolClaim(ToolClaim.Outcome.RECORDED, claim.answer());
			}
			if (claim.ownerId().equals(ownerId)) {
				return new ToolClaim(ToolClaim.Outcome.RUNNING_HERE, null);
			}
			this.jdbc.sql("UPDATE smooth_tool_call SET owner_id = ? WHERE task_id = ? AND event_id = ?")
				.params(ownerId, taskId, eventId)
				.update();
			return new ToolClaim(ToolClaim.Outcome.INTERRUPTED, null);
		}));
	}

	@Override
	public boolean recordAnswer(String taskId, String eventId, String ownerId, String answer) {
		return this.jdbc.sql(
				"UPDATE smooth_tool_call SET answer_output = ?, answered_at = now() WHERE task_id = ? AND event_id = ? "
						+ "AND owner_id = ? AND answer_output IS NULL")
			.params(answer, taskId, eventId, ownerId)
			.update() == 1;
	}

	@Override
	public void answerAccepted(String taskId, String eventId) {
		this.jdbc
			.sql("UPDATE smooth_tool_call SET accepted = TRUE WHERE task_id = ? AND event_id = ? "
					+ "AND answer_output IS NOT NULL")
			.params(taskId, eventId)
			.update();
	}

	@Override
	public SubmitClaim claimSubmit(String key, String ownerId, Duration lease) {
		return required(this.transactions.execute((status) -> {
			Optional<String> recorded = this.jdbc.sql("SELECT task_id FROM smooth_task WHERE idempotency_key = ?")
				.param(key)
				.query(String.class)
				.optional();
			if (recorded.isPresent()) {
				return new SubmitClaim(false, recorded.get());
			}
			long ms = millis(lease);
			int inserted = this.jdbc
				.sql("INSERT INTO smooth_submit (idempotency_key, owner_id, lease_until) VALUES (?, ?, "
						+ "now() + ? * interval '1 millisecond') ON CONFLICT DO NOTHING")
				.params(key, ownerId, ms)
				.update();
			if (inserted == 1) {
				return new SubmitClaim(true, null);
			}
			// a claim whose creator died before it created anything is free again
			int retaken = this.jdbc
				.sql("UPDATE smooth_submit SET owner_id = ?, lease_until = now() + ? * interval '1 millisecond' "
						+ "WHERE idempotency_key = ? AND task_id IS NULL AND lease_until <= now()")
				.params(ownerId, ms, key)
				.update();
			if (retaken == 1) {
				return new SubmitClaim(true, null);
			}
			String taskId = this.jdbc.sql("SELECT task_id FROM smooth_submit WHERE idempotency_key = ?")
				.param(key)
				.query(String.class)
				.optional()
				.orElse(null);
			return new SubmitClaim(false, taskId);
		}));
	}

	@Override
	public void submitCreated(String key, String taskId) {
		this.jdbc.sql("UPDATE smooth_submit SET task_id = ? WHERE idempotency_key = ?").params(taskId, key).update();
	}

	@Override
	public void releaseSubmit(String key, String ownerId) {
		this.jdbc.sql("DELETE FROM smooth_submit WHERE idempotency_key = ? AND owner_id = ? AND task_id IS NULL")
			.params(key, ownerId)
			.update();
	}

	@Override
	public long enqueue(String ownerId, Duration lease) {
		return this.jdbc.sql(
				"INSERT INTO smooth_submit_queue (owner_id, lease_until) VALUES (?, now() + ? * interval '1 millisecond') "
						+ "RETURNING ticket")
			.params(ownerId, millis(lease))
			.query(Long.class)
			.single();
	}

	@Override
	public boolean acquire(long ticket, int limit) {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			this.jdbc.sql("SELECT name FROM smooth_fleet_lock WHERE name = 'queue' FOR UPDATE")
				.query(String.class)
				.list();
			Optional<Boolean> creating = this.jdbc.sql("SELECT creating FROM smooth_submit_queue WHERE ticket = ?")
				.param(ticket)
				.query(Boolean.class)
				.optional();
			if (creating.isEmpty()) {
				return false;
			}
			if (creating.get()) {
				return true;
			}
			long busy = this.jdbc
				.sql("SELECT (SELECT count(*) FROM smooth_task WHERE status = 'running') + "
						+ "(SELECT count(*) FROM smooth_submit_queue WHERE creating AND lease_until > now())")
				.query(Long.class)
				.single();
			if (busy >= limit) {
				return false;
			}
			Long head = this.jdbc
				.sql("SELECT min(ticket) FROM smooth_submit_queue WHERE NOT creating AND lease_until > now()")
				.query(Long.class)
				.optional()
				.orElse(null);
			if (head == null || head != ticket) {
				return false;
			}
			this.jdbc.sql("UPDATE smooth_submit_queue SET creating = TRUE WHERE ticket = ?").param(ticket).update();
			return true;
		}));
	}

	@Override
	public void requeue(long ticket) {
		this.jdbc.sql("UPDATE smooth_submit_queue SET creating = FALSE WHERE ticket = ?").param(ticket).update();
	}

	@Override
	public void dequeue(long ticket) {
		this.jdbc.sql("DELETE FROM smooth_submit_queue WHERE ticket = ?").param(ticket).update();
	}

	@Override
	public int queued() {
		return this.jdbc.sql("SELECT count(*) FROM smooth_submit_queue WHERE NOT creating")
			.query(Long.class)
			.single()
			.intValue();
	}

	@Override
	public int purgeExpired() {
		return required(this.transactions.execute((status) -> {
			int deleted = this.jdbc.sql("DELETE FROM smooth_submit_queue WHERE lease_until <= now()").update()
					+ this.jdbc.sql("DELETE FROM smooth_submit WHERE task_id IS NULL AND lease_until <= now()")
						.update();
			// ended tasks are kept for a day: an idempotency key returns its task that
			// long
			String ended = "t.status <> 'running' AND t.ended_at < now() - " + RETENTION_HOURS + " * interval '1 hour'";
			deleted += this.jdbc
				.sql("DELETE FROM smooth_tool_call c USING smooth_task t WHERE c.task_id = t.task_id AND " + ended)
				.update();
			deleted += this.jdbc
				.sql("DELETE FROM smooth_submit s USING smooth_task t WHERE s.task_id = t.task_id AND " + ended)
				.update();
			deleted += this.jdbc.sql("DELETE FROM smooth_task t WHERE " + ended).update();
			return deleted;
		}));
	}

	private static <T> T required(@org.jspecify.annotations.Nullable T value) {
		if (value == null) {
			throw new IllegalStateException("The transaction returned nothing");
		}
		return value;
	}

	@Override
	public String toString() {
		return "JdbcTaskStore";
	}

	private record Claim(String ownerId, @org.jspecify.annotations.Nullable String answer, boolean accepted) {
	}

}
