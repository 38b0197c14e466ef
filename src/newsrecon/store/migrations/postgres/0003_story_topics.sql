-- 0003: the topic level above incrementally assigned stories (see ../0003_story_topics.sql).

ALTER TABLE stories ADD COLUMN topic_id text;

CREATE INDEX stories_by_topic ON stories (topic_id);

CREATE TABLE topic_state (
    seq      bigint GENERATED ALWAYS AS IDENTITY,
    topic_id text PRIMARY KEY,
    is_open  boolean NOT NULL,
    summary  bytea NOT NULL
);

CREATE INDEX topic_state_open ON topic_state (is_open, seq);
