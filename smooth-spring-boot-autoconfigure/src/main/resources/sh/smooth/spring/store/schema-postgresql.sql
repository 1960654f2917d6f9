-- The tables of the Smooth task store (smooth.store.type=jdbc), PostgreSQL.
-- Applied by the starter when smooth.store.jdbc.initialize-schema allows it; copy it into a
-- Flyway or Liquibase migration and set that property to never to manage it yourself.

-- one row per task or session: its owner instance, the owner's lease and the cursor an heir polls from
CREATE TABLE IF NOT EXISTS smooth_task (
    task_id VARCHAR(128) PRIMARY KEY,
    kind VARCHAR(16) NOT NULL,
    owner_id VARCHAR(128) NOT NULL,
    lease_until TIMESTAMP WITH TIME ZONE NOT NULL,
    event_cursor BIGINT NOT NULL DEFAULT 0,
    correlation_key VARCHAR(255),
    idempotency_key VARCHAR(255) UNIQUE,
    status VARCHAR(32) NOT NULL,
    taken_over BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    ended_at TIMESTAMP WITH TIME ZONE
);

-- the take-over sweep looks for running tasks whose lease expired
CREATE INDEX IF NOT EXISTS smooth_task_running_lease ON smooth_task (lease_until) WHERE status = 'running';
-- the sweeps delete ended tasks after a day
CREATE INDEX IF NOT EXISTS smooth_task_ended ON smooth_task (ended_at) WHERE status <> 'running';

-- one row per tool call claimed: only the claimer runs the method; its answer is recorded before it is sent
CREATE TABLE IF NOT EXISTS smooth_tool_call (
    task_id VARCHAR(128) NOT NULL,
    event_id VARCHAR(128) NOT NULL,
    owner_id VARCHAR(128) NOT NULL,
    answer_output TEXT,
    answered_at TIMESTAMP WITH TIME ZONE,
    accepted BOOLEAN NOT NULL DEFAULT FALSE,
    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (task_id, event_id)
);

-- one row per idempotency key: the instance creating its task, then the task
CREATE TABLE IF NOT EXISTS smooth_submit (
    idempotency_key VARCHAR(255) PRIMARY KEY,
    owner_id VARCHAR(128) NOT NULL,
    lease_until TIMESTAMP WITH TIME ZONE NOT NULL,
    task_id VARCHAR(128),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- the submits waiting for a slot of smooth.fleet.max-concurrent-tasks, in ticket order, and those creating
CREATE TABLE IF NOT EXISTS smooth_submit_queue (
    ticket BIGSERIAL PRIMARY KEY,
    owner_id VARCHAR(128) NOT NULL,
    lease_until TIMESTAMP WITH TIME ZONE NOT NULL,
    creating BOOLEAN NOT NULL DEFAULT FALSE,
    enqueued_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- one row locked by each slot grant, so that two grants never both see the last free slot
CREATE TABLE IF NOT EXISTS smooth_fleet_lock (
    name VARCHAR(32) PRIMARY KEY
);
INSERT INTO smooth_fleet_lock (name) VALUES ('queue') ON CONFLICT DO NOTHING;
