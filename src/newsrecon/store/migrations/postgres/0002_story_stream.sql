-- 0002: incremental story assignment (see ../0002_story_stream.sql for what each table holds).
-- seq gives story_state the insertion order SQLite's rowid gives it.

CREATE TABLE story_state (
    seq      bigint GENERATED ALWAYS AS IDENTITY,
    story_id text PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    is_open  boolean NOT NULL,
    summary  bytea NOT NULL
);

CREATE INDEX story_state_open ON story_state (is_open, seq);

CREATE TABLE story_index (
    name text PRIMARY KEY,
    data bytea NOT NULL
);

CREATE TABLE story_events (
    seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        text NOT NULL CONSTRAINT story_events_kind CHECK (kind IN ('opened', 'joined', 'merged')),
    story_id    text NOT NULL,
    article_id  text,
    other_story text,
    score       double precision,
    at          timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX story_events_by_story ON story_events (story_id);
