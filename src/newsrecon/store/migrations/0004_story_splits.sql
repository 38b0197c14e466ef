-- 0004: story splits are recorded as events.
--
-- story_events gains the kind 'split': article_id moved from story_id to the new story
-- other_story; score is the mean similarity between the part that moved and the part that
-- stayed. SQLite cannot change a CHECK constraint in place, so the table is copied.

CREATE TABLE story_events_v4 (
    seq         INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('opened', 'joined', 'merged', 'split')),
    story_id    TEXT NOT NULL,
    article_id  TEXT,
    other_story TEXT,
    score       REAL,
    at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

INSERT INTO story_events_v4 (seq, kind, story_id, article_id, other_story, score, at)
SELECT seq, kind, story_id, article_id, other_story, score, at FROM story_events;

DROP TABLE story_events;

ALTER TABLE story_events_v4 RENAME TO story_events;

CREATE INDEX story_events_by_story ON story_events (story_id);
