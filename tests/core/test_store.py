"""The workspace store: migrations, refusal of newer/corrupt files, analyst actions and undo."""

from __future__ import annotations

import json
import sqlite3

import pytest

from factdesk.core.errors import CorruptDatabaseError, FactdeskError, NewerSchemaError, NotFoundError
from factdesk.core.models import Article, Claim, Span
from factdesk.core.store import open_workspace
from factdesk.core.store import schema as schema_module
from factdesk.core.store.schema import SCHEMA_VERSION


def _article(n: int, text: str) -> Article:
    return Article(id=f"a{n:011d}", title=f"Article {n}", text=text, path=f"{n}.txt", language="en", word_count=len(text.split()))


def _claims(article: Article) -> list[Claim]:
    out = []
    pos = 0
    for i, sentence in enumerate(article.text.split(". ")):
        start = article.text.index(sentence, pos)
        end = start + len(sentence)
        pos = end
        out.append(
            Claim(
                id=f"c{article.id[-3:]}{i:02d}",
                article_id=article.id,
                start=start,
                end=end,
                text=sentence,
                score=0.5,
                spans=[Span("quantity", start, start + 1, sentence[0], value=1.0, kind="killed")],
                ordinal=i,
            )
        )
    return out


@pytest.fixture
def filled(ws):
    for n, text in enumerate(["Ten people died. The mayor spoke", "Twelve people died. The governor spoke"]):
        art = _article(n, text)
        ws.add_article(art, _claims(art), "test")
    return ws


def test_fresh_database_is_migrated_and_in_wal_mode(tmp_path):
    ws = open_workspace(tmp_path / "w")
    assert ws.created
    assert ws.schema_version() == SCHEMA_VERSION
    assert ws.scalar("PRAGMA journal_mode") == "wal"
    assert ws.scalar("PRAGMA foreign_keys") == 1
    assert ws.scalar("PRAGMA busy_timeout") >= 5000
    ws.close()
    again = open_workspace(tmp_path / "w")
    assert not again.created
    again.close()


def test_upgrade_applies_only_new_migrations_and_keeps_data(tmp_path, monkeypatch):
    ws = open_workspace(tmp_path / "w")
    art = _article(1, "One. Two")
    ws.add_article(art, _claims(art), "test")
    ws.close()
    extra = "CREATE TABLE upgrade_probe (x INTEGER);"
    monkeypatch.setattr(schema_module, "MIGRATIONS", schema_module.MIGRATIONS + [extra])
    monkeypatch.setattr("factdesk.core.store.workspace.MIGRATIONS", schema_module.MIGRATIONS)
    monkeypatch.setattr("factdesk.core.store.workspace.SCHEMA_VERSION", SCHEMA_VERSION + 1)
    ws = open_workspace(tmp_path / "w")
    assert ws.schema_version() == SCHEMA_VERSION + 1
    assert ws.scalar("SELECT count(*) FROM upgrade_probe") == 0
    assert ws.article_count() == 1
    ws.close()


def test_failed_migration_rolls_back_completely(tmp_path, monkeypatch):
    ws = open_workspace(tmp_path / "w")
    ws.close()
    broken = "CREATE TABLE half_done (x INTEGER);\nTHIS IS NOT SQL;"
    monkeypatch.setattr("factdesk.core.store.workspace.MIGRATIONS", schema_module.MIGRATIONS + [broken])
    monkeypatch.setattr("factdesk.core.store.workspace.SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(FactdeskError):
        open_workspace(tmp_path / "w")
    conn = sqlite3.connect(tmp_path / "w" / "factdesk.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0
    conn.close()


def test_newer_schema_is_refused_and_untouched(tmp_path):
    ws = open_workspace(tmp_path / "w")
    ws.conn.execute("PRAGMA user_version = 999")
    ws.close()
    db = tmp_path / "w" / "factdesk.db"
    before = db.read_bytes()
    with pytest.raises(NewerSchemaError, match="newer factdesk"):
        open_workspace(tmp_path / "w")
    assert db.read_bytes() == before


def test_non_sqlite_file_is_refused_and_untouched(tmp_path):
    (tmp_path / "w").mkdir()
    db = tmp_path / "w" / "factdesk.db"
    db.write_bytes(b"this is a shopping list, not a database\n" * 10)
    with pytest.raises(CorruptDatabaseError, match="factdesk.db: not a factdesk database"):
        open_workspace(tmp_path / "w")
    assert db.read_bytes() == b"this is a shopping list, not a database\n" * 10


def test_offsets_and_claim_round_trip(filled):
    art = filled.article("a00000000001")
    claims = filled.claims_for_article(art.id)
    assert [c.text for c in claims] == ["Twelve people died", "The governor spoke"]
    for c in claims:
        assert art.text[c.start : c.end] == c.text
        assert c.spans[0].kind == "killed"


def test_prefix_and_file_name_resolution(filled):
    with pytest.raises(NotFoundError, match="ambiguous"):
        filled.resolve_article_id("a000000000")
    assert filled.resolve_article_id("a00000000001") == "a00000000001"
    with pytest.raises(NotFoundError, match="no article"):
        filled.resolve_article_id("zzz")
    assert filled.resolve_article_id("1.txt") == "a00000000001"


def test_actions_undo_redo_and_history(filled):
    a, b = [c.id for c in filled.claims_for_article("a00000000000")][0], [c.id for c in filled.claims_for_article("a00000000001")][0]
    filled.link_claims(a, b, "contradicts", note="10 vs 12")
    filled.set_note(a, "Check the hospital figures", ["casualties"])
    filled.set_verdict(b, "disputed")
    assert filled.verdicts() == {b: "disputed"}
    assert filled.note(a)["tags"] == ["casualties"]
    assert filled.links(a)[0]["relation"] == "contradicts"

    assert filled.undo()["summary"].startswith("undid: verdict")
    assert filled.verdicts() == {}
    assert filled.undo()["summary"].startswith("undid: noted")
    assert filled.note(a) is None
    assert filled.redo()["summary"].startswith("redid: noted")
    assert filled.note(a)["text"] == "Check the hospital figures"
    # a new action clears the redo stack
    filled.set_verdict(a, "accurate")
    assert filled.redo() is None
    actions = [h["action"] for h in filled.history()]
    assert actions == ["link", "note", "verdict", "undo", "undo", "redo", "verdict"]
    assert [h["action"] for h in filled.history(b)] == ["link", "verdict", "undo"]
    # undo everything, then nothing left
    while filled.undo():
        pass
    assert filled.links() == [] and filled.notes() == [] and filled.verdicts() == {}


def test_unknown_ids_and_bad_values_are_clear_errors(filled):
    with pytest.raises(NotFoundError, match="no claim with id 'nope'"):
        filled.set_note("nope", "x")
    with pytest.raises(FactdeskError, match="unknown verdict"):
        filled.set_verdict(filled.claims_for_article("a00000000000")[0].id, "sort of true")
    with pytest.raises(NotFoundError):
        filled.review_suggestion("s-missing", "accepted")


def test_reextraction_keeps_analyst_work_attached(filled):
    art = filled.article("a00000000000")
    old = filled.claims_for_article(art.id)
    filled.set_note(old[0].id, "keep me")
    filled.set_verdict(old[1].id, "accurate")
    # the new extractor splits differently: the first claim's id changes, the second stays
    changed = Claim(id="cnewid00001", article_id=art.id, start=old[0].start, end=old[0].end, text=old[0].text, ordinal=0)
    remap = filled.replace_claims(art.id, [changed, old[1]], "test-2")
    assert remap == {old[0].id: "cnewid00001"}
    assert filled.note("cnewid00001")["text"] == "keep me"
    assert filled.verdicts() == {old[1].id: "accurate"}
    assert filled.resolve_claim_id(old[0].id) == "cnewid00001"
    assert filled.orphans() == []


def test_search_is_fts_and_ignores_syntax(filled):
    hits = filled.search("governor")
    assert hits and hits[0]["type"] == "claim" and hits[0]["snippet"] == "The governor spoke"
    assert filled.search('"AND OR NEAR(') == []  # FTS operators are plain words here, found nowhere
    assert filled.search("govern") and filled.search("") == []
    assert filled.search("gov") and filled.search("go") == []  # short words match whole words only


def test_search_ranks_among_recent_matches_when_a_word_is_everywhere(tmp_path, monkeypatch):
    from factdesk.core.store import workspace as wsmod

    ws = open_workspace(tmp_path)
    arts = []
    for i in range(6):
        text = f"Report {i}: the strike killed people" + (" strike strike strike" if i == 1 else "")
        arts.append((Article(f"a{i:011d}", f"Report {i}", text, f"r{i}.txt", "en"),
                     [Claim(f"c{i:011d}", f"a{i:011d}", 0, len(text), text, 0.5)]))
    ws.add_articles(arts, "test")
    assert [h["claim_id"] for h in ws.search("strike", limit=1)] == ["c00000000001"]  # best of all six
    monkeypatch.setattr(wsmod, "SEARCH_RANK_WINDOW", 3)
    assert {h["claim_id"] for h in ws.search("strike", limit=10) if h["type"] == "claim"} == {
        "c00000000005", "c00000000004", "c00000000003"
    }
    ws.close()


def test_claims_full_text_rows_follow_inserts_replacements_and_deletes(filled):
    """The store writes the claims' FTS rows itself (no insert trigger): every path keeps them exact."""
    def fts_ok():
        filled.conn.execute("INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1)")
        return True

    art = filled.article("a00000000000")
    old = filled.claims_for_article(art.id)
    assert fts_ok() and filled.scalar("SELECT count(*) FROM claims_fts") == 4
    renamed = Claim(id="cnewid00001", article_id=art.id, start=old[0].start, end=old[0].end,
                    text="Ten villagers died", ordinal=0)
    filled.replace_claims(art.id, [renamed, old[1]], "test-2")
    assert [h["claim_id"] for h in filled.search("villagers")] == ["cnewid00001"]
    assert not [h for h in filled.search("ten people") if h["type"] == "claim"]
    assert fts_ok() and filled.scalar("SELECT count(*) FROM claims_fts") == 4
    filled.delete_article("a00000000001")
    assert not [h for h in filled.search("governor") if h["type"] == "claim"]
    assert fts_ok()


def test_migration_5_keeps_anchor_statistics_and_drops_stop_anchor_postings(tmp_path):
    """A version-4 workspace: every claim's anchors become one row, frequencies are unchanged,
    postings of anchors carried by more than 600 claims go, and claims stay searchable."""
    from factdesk.core.store.workspace import _connect

    db = tmp_path / "factdesk.db"
    conn = _connect(db, readonly=False)
    for migration in schema_module.MIGRATIONS[:4]:
        conn.executescript(migration)
    conn.execute("INSERT INTO articles (id, title, path, text, encoding, imported_at) VALUES ('a1', 't', 'p', 'x', 'utf-8', 'now')")
    rows = []
    for i in range(700):
        conn.execute("INSERT INTO claims (id, article_id, ordinal, start, \"end\", text) VALUES (?, 'a1', ?, 0, 1, ?)",
                     (f"c{i}", i, f"claim number {i}"))
        rows += [("e:common", f"c{i}"), (f"q:killed:{i}", f"c{i}")]
    conn.executemany("INSERT INTO anchors (anchor, claim_id, article_id) VALUES (?, ?, 'a1')", rows)
    conn.execute("INSERT INTO anchor_stats (anchor, df) SELECT anchor, count(*) FROM anchors GROUP BY anchor")
    conn.execute("PRAGMA user_version = 4")
    conn.close()

    told: list[str] = []
    ws = open_workspace(tmp_path, notice=told.append)
    assert ws.schema_version() == SCHEMA_VERSION
    assert len(told) == 1 and f"from schema 4 to {SCHEMA_VERSION}" in told[0] and "factdesk.db" in told[0]
    assert ws.anchor_df(["e:common", "q:killed:3"]) == {"e:common": 700, "q:killed:3": 1}
    assert ws.scalar("SELECT count(*) FROM anchors WHERE anchor = 'e:common'") == 0
    assert ws.scalar("SELECT count(*) FROM anchors") == 700
    assert sorted(json.loads(ws.scalar("SELECT anchors FROM claim_anchors WHERE claim_id = 'c3'"))) == ["e:common", "q:killed:3"]
    ws.conn.execute("DELETE FROM claims WHERE id = 'c3'")
    assert ws.anchor_df(["e:common", "q:killed:3"]) == {"e:common": 699}
    assert {h["claim_id"] for h in ws.search("number 42") if h["type"] == "claim"} == {"c42"}
    ws.close()
    open_workspace(tmp_path, notice=told.append).close()  # already upgraded: nothing to tell
    open_workspace(tmp_path / "fresh", notice=told.append).close()  # a new workspace is not an upgrade
    assert len(told) == 1


def test_annotate_is_one_undo_step(filled):
    cid = filled.claims_for_article("a00000000000")[0].id
    res = filled.annotate(cid, "Hospital says 12", ["casualties", "follow-up"], "disputed")
    assert res["changed"] and filled.verdict(cid) == "disputed" and filled.note(cid)["tags"] == ["casualties", "follow-up"]
    assert filled.annotate(cid, "Hospital says 12", ["follow-up", "casualties"], "disputed")["changed"] is False
    filled.annotate(cid, "Hospital says 12", ["casualties", "follow-up"], "inaccurate")
    assert [h["action"] for h in filled.history(cid)] == ["annotate", "annotate"]
    filled.undo()
    assert filled.verdict(cid) == "disputed" and filled.note(cid)["text"] == "Hospital says 12"
    filled.undo()
    assert filled.verdict(cid) is None and filled.note(cid) is None
