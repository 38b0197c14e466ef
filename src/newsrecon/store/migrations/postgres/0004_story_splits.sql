-- 0004: story splits are recorded as events (kind 'split'; see ../0004_story_splits.sql).
-- PostgreSQL changes the CHECK constraint in place: no table copy.

ALTER TABLE story_events DROP CONSTRAINT story_events_kind;

ALTER TABLE story_events ADD CONSTRAINT story_events_kind
    CHECK (kind IN ('opened', 'joined', 'merged', 'split'));
