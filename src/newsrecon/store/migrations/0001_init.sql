-- 0001: the first schema.
--
-- Tables are STRICT so a value comes back with the type it went in with (the Article round
-- trip must be exact). Times are UTC ISO 8601 strings written by SQLite itself.

CREATE TABLE articles (
    -- Ingestion order and the FTS rowid: an INTEGER PRIMARY KEY is the rowid, so ordering
    -- and the full-text join cost nothing extra.
    seq             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    content_hash    TEXT NOT NULL UNIQUE,
    source          TEXT NOT NULL,
    format          TEXT NOT NULL,
    outlet          TEXT NOT NULL,
    outlet_basis    TEXT NOT NULL,
    title           TEXT,
    url             TEXT,
    published       TEXT,
    published_basis TEXT,
    author          TEXT,
    language        TEXT NOT NULL,
    language_score  REAL NOT NULL,
    text            TEXT NOT NULL,
    raw             TEXT NOT NULL,
    body            TEXT NOT NULL,
    -- Removal records as a JSON array of {start, end, text, reason} objects.
    removed         TEXT NOT NULL DEFAULT '[]',
    ingested_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- External-content index: the text is stored once (in articles); the triggers below keep the
-- index in step with every insert, update and delete.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title,
    text,
    content = 'articles',
    content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

-- The same bad input read twice is one rejection, not two.
CREATE TABLE rejections (
    seq         INTEGER PRIMARY KEY,
    source      TEXT NOT NULL,
    kind        TEXT NOT NULL,
    reason      TEXT NOT NULL,
    rejected_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (source, kind, reason)
) STRICT;

-- Caches keyed by (article content hash, pipeline version): a new version misses, so stale
-- results are never served. Not tied to articles by a foreign key: a cache entry is valid for
-- the content whether or not an article row holds it.
CREATE TABLE docs (
    content_hash TEXT NOT NULL,
    version      TEXT NOT NULL,
    data         BLOB NOT NULL,
    PRIMARY KEY (content_hash, version)
) STRICT;

CREATE TABLE results (
    content_hash TEXT NOT NULL,
    stage        TEXT NOT NULL,
    version      TEXT NOT NULL,
    payload      TEXT NOT NULL,
    PRIMARY KEY (content_hash, stage, version)
) STRICT;

CREATE TABLE stories (
    -- Order of the grouping as it was saved.
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    title      TEXT NOT NULL,
    parameters TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE story_articles (
    story_id   TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles (id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (story_id, position)
) STRICT;

CREATE INDEX story_articles_by_article ON story_articles (article_id);
