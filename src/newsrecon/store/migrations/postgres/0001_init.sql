-- 0001: the first schema (PostgreSQL), the counterpart of ../0001_init.sql.
--
-- seq columns keep ingestion (or saving) order, as SQLite's rowid does. Times are timestamptz;
-- the store formats them as SQLite does (UTC ISO 8601 with milliseconds) where it returns them.

-- Full-text configuration: PostgreSQL's tokenizer, accents folded (unaccent, a trusted
-- extension shipped with the server), then the Snowball English stemmer *without* a stop-word
-- list, so every word is searchable as in SQLite's FTS5 ("and", "not" included).
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH DICTIONARY newsrecon_stem (TEMPLATE = snowball, LANGUAGE = english);

CREATE TEXT SEARCH CONFIGURATION newsrecon_text (COPY = pg_catalog.english);

ALTER TEXT SEARCH CONFIGURATION newsrecon_text
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
    WITH unaccent, newsrecon_stem;

CREATE TABLE articles (
    seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id              text NOT NULL UNIQUE,
    content_hash    text NOT NULL UNIQUE,
    source          text NOT NULL,
    format          text NOT NULL,
    outlet          text NOT NULL,
    outlet_basis    text NOT NULL,
    title           text,
    url             text,
    published       text,
    published_basis text,
    author          text,
    language        text NOT NULL,
    -- NaN is refused, as SQLite refuses it (it binds NaN as NULL); PostgreSQL would keep it.
    language_score  double precision NOT NULL CHECK (language_score <> 'NaN'),
    text            text NOT NULL,
    raw             text NOT NULL,
    body            text NOT NULL,
    -- Removal records as the same JSON text the SQLite store keeps (exact round trip).
    removed         text NOT NULL DEFAULT '[]',
    ingested_at     timestamptz NOT NULL DEFAULT now(),
    -- The search document, kept in step by PostgreSQL itself: the title weighs more (A) than
    -- the text (B), as the SQLite store's bm25 column weights do.
    search          tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('newsrecon_text', coalesce(title, '')), 'A')
        || setweight(to_tsvector('newsrecon_text', text), 'B')
    ) STORED
);

CREATE INDEX articles_search ON articles USING gin (search);

-- The same bad input read twice is one rejection. Unique on digests rather than the values:
-- a btree entry is capped near 2.7 kB and a source path or reason may be longer.
CREATE TABLE rejections (
    seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source      text NOT NULL,
    kind        text NOT NULL,
    reason      text NOT NULL,
    rejected_at timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX rejections_once ON rejections (md5(source), kind, md5(reason));

-- Caches keyed by (article content hash, pipeline version); no foreign key to articles.
CREATE TABLE docs (
    content_hash text NOT NULL,
    version      text NOT NULL,
    data         bytea NOT NULL,
    PRIMARY KEY (content_hash, version)
);

CREATE TABLE results (
    content_hash text NOT NULL,
    stage        text NOT NULL,
    version      text NOT NULL,
    payload      jsonb NOT NULL,
    PRIMARY KEY (content_hash, stage, version)
);

CREATE TABLE stories (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id         text NOT NULL UNIQUE,
    title      text NOT NULL,
    -- JSON text as in SQLite, so parameters come back with their keys in the order written.
    parameters text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE story_articles (
    story_id   text NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    article_id text NOT NULL REFERENCES articles (id),
    position   integer NOT NULL,
    PRIMARY KEY (story_id, position)
);

CREATE INDEX story_articles_by_article ON story_articles (article_id);
