"""Numbered schema migrations for the workspace database.

``PRAGMA user_version`` holds the number of the last migration applied. Migrations run in order,
each inside the opening transaction; a database whose version is newer than the last migration
known here is refused and left untouched.

Analyst data (decisions, links, notes, verdicts, history) deliberately has no foreign key to
``claims``: claims are derived data that re-extraction replaces, while analyst work must never be
lost by a cascade. Orphans are reported by ``factdesk doctor`` and re-attached by claim aliases.
"""

from __future__ import annotations

MIGRATION_1 = """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    source TEXT,
    url TEXT,
    language TEXT,
    published TEXT,
    path TEXT NOT NULL,
    text TEXT NOT NULL,
    encoding TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    meta TEXT NOT NULL DEFAULT '{}',
    word_count INTEGER NOT NULL DEFAULT 0,
    extractor_version TEXT
);

CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    score REAL NOT NULL DEFAULT 0,
    reasons TEXT NOT NULL DEFAULT '[]',
    lang TEXT,
    paragraph INTEGER NOT NULL DEFAULT 0,
    spans TEXT NOT NULL DEFAULT '[]',
    span_types TEXT NOT NULL DEFAULT ''
);
CREATE INDEX claims_article ON claims(article_id, start);

CREATE TABLE anchors (
    anchor TEXT NOT NULL,
    claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL
);
CREATE INDEX anchors_anchor ON anchors(anchor);
CREATE INDEX anchors_claim ON anchors(claim_id);
CREATE INDEX anchors_article ON anchors(article_id);

CREATE TABLE suggestions (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    ctype TEXT,
    score REAL NOT NULL,
    reasons TEXT NOT NULL DEFAULT '[]',
    event_id TEXT,
    left_claim TEXT NOT NULL,
    right_claim TEXT NOT NULL,
    left_article TEXT NOT NULL,
    right_article TEXT NOT NULL
);
CREATE INDEX suggestions_left ON suggestions(left_claim, score DESC);
CREATE INDEX suggestions_right ON suggestions(right_claim, score DESC);
CREATE INDEX suggestions_left_article ON suggestions(left_article);
CREATE INDEX suggestions_right_article ON suggestions(right_article);
CREATE INDEX suggestions_score ON suggestions(score DESC);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    date_start TEXT,
    date_end TEXT,
    places TEXT NOT NULL DEFAULT '[]',
    actors TEXT NOT NULL DEFAULT '[]',
    data TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE event_members (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    claim_id TEXT
);
CREATE INDEX event_members_event ON event_members(event_id);
CREATE INDEX event_members_claim ON event_members(claim_id);
CREATE INDEX event_members_article ON event_members(article_id);

CREATE TABLE decisions (
    suggestion_id TEXT PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('accepted', 'rejected')),
    kind TEXT NOT NULL,
    left_claim TEXT NOT NULL,
    right_claim TEXT NOT NULL,
    decided_at TEXT NOT NULL
);

CREATE TABLE links (
    id TEXT PRIMARY KEY,
    a_claim TEXT NOT NULL,
    b_claim TEXT NOT NULL,
    relation TEXT NOT NULL CHECK (relation IN ('same', 'supports', 'contradicts')),
    note TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX links_a ON links(a_claim);
CREATE INDEX links_b ON links(b_claim);

CREATE TABLE notes (
    claim_id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE verdicts (
    claim_id TEXT PRIMARY KEY,
    verdict TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE history (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    claim_id TEXT,
    other_claim TEXT,
    summary TEXT NOT NULL,
    changes TEXT NOT NULL DEFAULT '[]',
    ref INTEGER
);
CREATE INDEX history_claim ON history(claim_id);

CREATE TABLE claim_aliases (
    old_id TEXT PRIMARY KEY,
    new_id TEXT NOT NULL,
    at TEXT NOT NULL
);

CREATE VIRTUAL TABLE claims_fts USING fts5(text, content='claims', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
  INSERT INTO claims_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
  INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER claims_au AFTER UPDATE ON claims BEGIN
  INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
  INSERT INTO claims_fts(rowid, text) VALUES (new.rowid, new.text);
END;

CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
"""

MIGRATION_2 = """
CREATE TABLE anchor_stats (
    anchor TEXT PRIMARY KEY,
    df INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO anchor_stats (anchor, df) SELECT anchor, count(*) FROM anchors GROUP BY anchor;
CREATE TRIGGER anchors_stats_ai AFTER INSERT ON anchors BEGIN
  INSERT INTO anchor_stats (anchor, df) VALUES (new.anchor, 1) ON CONFLICT(anchor) DO UPDATE SET df = df + 1;
END;
CREATE TRIGGER anchors_stats_ad AFTER DELETE ON anchors BEGIN
  UPDATE anchor_stats SET df = df - 1 WHERE anchor = old.anchor;
END;
"""
"""Matching: per-anchor document frequency kept by triggers, so blocking never counts rows at query time."""

MIGRATION_3 = """
DROP TRIGGER IF EXISTS anchors_stats_ai;
"""
"""Matching: inserted anchors are counted by the writer (one upsert per distinct anchor and batch)
instead of a per-row trigger; deletions (and cascades from deleted claims) keep their trigger."""

MIGRATION_4 = """
CREATE INDEX suggestions_contradictions ON suggestions(left_article, right_article, event_id, id) WHERE kind = 'contradiction';
CREATE INDEX event_members_event_article ON event_members(event_id, article_id, claim_id);
"""
"""Library start-up on big workspaces: covering indexes for the per-article open-contradiction
counts and the per-event article weights, so the first screen never scans every suggestion row."""

MIGRATION_5 = """
DROP TRIGGER IF EXISTS claims_ai;
CREATE TABLE claim_anchors (
    claim_id TEXT PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
    anchors TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO claim_anchors (claim_id, anchors) SELECT claim_id, json_group_array(anchor) FROM anchors GROUP BY claim_id;
DROP TRIGGER IF EXISTS anchors_stats_ad;
CREATE TRIGGER claim_anchors_ad AFTER DELETE ON claim_anchors BEGIN
  UPDATE anchor_stats SET df = df - 1 WHERE anchor IN (SELECT value FROM json_each(old.anchors));
END;
DELETE FROM anchors WHERE anchor IN (SELECT anchor FROM anchor_stats WHERE df > 600);
DROP INDEX IF EXISTS anchors_article;
"""
"""Import speed, found by profiling (a third of an import was writing these rows):

- A claim's FTS row is written by the store after each batch of claims instead of by a per-row
  trigger (the trigger path cost three times as much).
- Every claim's anchors are kept as one row (``claim_anchors``, a JSON list): document frequencies
  are counted down from it when a claim goes, so they stay exact.
- The posting rows of ``anchors`` are only kept for anchors that can still block: one carried by
  more than 600 claims (the highest blocking cap) is a stop anchor, like a stop word in a search
  index. They were 54 % of the rows after 300 articles and 94 % after 2,000.
- Anchors of an article are found through its claims, so their article index goes."""

MIGRATIONS: list[str] = [MIGRATION_1, MIGRATION_2, MIGRATION_3, MIGRATION_4, MIGRATION_5]
"""Migration ``n`` (1-based) is ``MIGRATIONS[n - 1]``; append, never edit a released one."""

SCHEMA_VERSION = len(MIGRATIONS)
