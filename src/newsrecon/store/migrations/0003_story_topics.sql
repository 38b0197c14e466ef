-- 0003: the topic level above incrementally assigned stories.
--
-- stories.topic_id: the topic a story was placed in when it opened (NULL for stories made by
-- the one-batch grouping); when two topics merge, the retired id is rewritten to the survivor.
-- topic_state: one summary per topic (opaque bytes written by the pipeline, as story_state);
-- only open topics are loaded when a stream resumes. The topic index's global state lives in
-- story_index under the stream's name followed by ':topics'.

ALTER TABLE stories ADD COLUMN topic_id TEXT;

CREATE INDEX stories_by_topic ON stories (topic_id);

CREATE TABLE topic_state (
    topic_id TEXT PRIMARY KEY,
    is_open  INTEGER NOT NULL,
    summary  BLOB NOT NULL
) STRICT;

CREATE INDEX topic_state_open ON topic_state (is_open);
