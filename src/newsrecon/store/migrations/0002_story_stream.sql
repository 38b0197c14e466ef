-- 0002: incremental story assignment.
--
-- story_state: one summary per story (opaque bytes written by the pipeline; the store never
-- reads them). Only open stories are loaded when a stream resumes, so memory stays bounded by
-- the open stories however many articles were ever assigned.
-- story_index: the stream's global state (bucketed document frequencies), by name.
-- story_events: what happened, in order: a story opened, an article joined, a story merged
-- into another (the retired id in other_story).

CREATE TABLE story_state (
    story_id TEXT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    is_open  INTEGER NOT NULL,
    summary  BLOB NOT NULL
) STRICT;

CREATE INDEX story_state_open ON story_state (is_open);

CREATE TABLE story_index (
    name TEXT PRIMARY KEY,
    data BLOB NOT NULL
) STRICT;

CREATE TABLE story_events (
    seq         INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('opened', 'joined', 'merged')),
    story_id    TEXT NOT NULL,
    article_id  TEXT,
    other_story TEXT,
    score       REAL,
    at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE INDEX story_events_by_story ON story_events (story_id);
