"""Pilot tests: each action by key presses, then checked in the database through a second connection."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from factdesk.tui.screens.annotate import AnnotateModal
from factdesk.tui.screens.compare import CompareScreen
from factdesk.tui.screens.library import LibraryScreen
from factdesk.tui.widgets.article_list import ArticleList
from factdesk.tui.widgets.inspector import Inspector
from library_wait import library_ready
from pilot_helpers import current_ids, make_app, open_en_fr, settle, views
from workspace_factory import DE_ID, EN_ID, FR_ID, reopen

SIZE = (120, 36)












def link_rows(root: Path) -> dict[frozenset, str]:
    ws = reopen(root)
    try:
        return {frozenset((lk["a_claim"], lk["b_claim"])): lk["relation"] for lk in ws.links()}
    finally:
        ws.close()


# -- library ---------------------------------------------------------------------------------------


async def test_library_lists_articles_and_filters(ws_root):
    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        assert isinstance(app.screen, LibraryScreen)
        articles = app.screen.query_one(ArticleList)
        assert [r.id for r in articles.visible_rows] == [EN_ID, FR_ID, DE_ID]
        assert articles.visible_rows[0].claims == 5
        assert articles.visible_rows[0].contradictions == 1
        await pilot.press("f")
        assert isinstance(app.focused, Input)
        await pilot.press(*"fr")
        await pilot.pause()
        assert [r.id for r in articles.visible_rows] == [FR_ID]
        await pilot.press("escape")
        await pilot.pause()
        assert len(articles.visible_rows) == 3
        assert app.focused is articles


async def test_library_mark_and_open_side_by_side(ws_root):
    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "space", "space")
        articles = app.screen.query_one(ArticleList)
        assert articles.marked == [FR_ID, DE_ID]
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.article_ids == [FR_ID, DE_ID]
        assert [v.article.id for v in views(app)] == [FR_ID, DE_ID]


async def test_open_without_marks_uses_most_linked_article(ws_root):
    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await open_en_fr(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.article_ids == [EN_ID, FR_ID]
        # the first claim is current and the FR pane followed it to its suggested match
        assert current_ids(app) == ["cen100", "cfr100"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


# -- compare: moving -------------------------------------------------------------------------------


async def test_next_claim_moves_partner_pane(ws_root):
    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await open_en_fr(pilot)
        await pilot.press("j")
        await pilot.pause()
        assert current_ids(app) == ["cen101", "cfr101"]
        await pilot.press("down", "down")
        await settle(pilot)
        assert current_ids(app) == ["cen103", "cfr103"]
        await pilot.press("k")
        await pilot.pause()
        assert current_ids(app)[0] == "cen102"


async def test_pane_switching(ws_root):
    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await open_en_fr(pilot)
        en, fr = views(app)
        assert app.focused is en
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is fr
        assert app.screen.active == 1
        await pilot.press("j")  # moves in the FR pane now
        await pilot.pause()
        assert fr.current_claim.id == "cfr101"
        assert en.current_claim.id == "cen101"  # followed through the contradiction suggestion
        await pilot.press("shift+tab")
        await pilot.pause()
        assert app.focused is en


async def test_next_contradiction_and_next_suggestion(ws_root):
    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await open_en_fr(pilot)
        await pilot.press("x")
        await pilot.pause()
        assert current_ids(app) == ["cen101", "cfr101"]
        screen = app.screen
        selected = screen.info.suggestions[screen.selected_suggestion]
        assert selected["kind"] == "contradiction"
        await pilot.press("n")
        await pilot.pause()
        assert current_ids(app)[0] == "cen102"


# -- compare: actions ------------------------------------------------------------------------------


async def test_link_each_relation(ws_root):
    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await open_en_fr(pilot)
        await pilot.press("=")  # cen100 ↔ cfr100
        await pilot.pause()
        await pilot.press("j", "+")  # cen101 ↔ cfr101
        await pilot.pause()
        await pilot.press("j", "l")  # chooser, then c
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("j", "l", "p")  # cen103 ↔ cfr103 through the chooser as supports
        await pilot.pause()
        assert "linked" in views(app)[0].states["cen100"]
        assert "contradicted" in views(app)[0].states["cen102"]
    assert link_rows(ws_root) == {
        frozenset(("cen100", "cfr100")): "same",
        frozenset(("cen101", "cfr101")): "supports",
        frozenset(("cen102", "cfr102")): "contradicts",
        frozenset(("cen103", "cfr103")): "supports",
    }


async def test_unlink_and_undo_redo(ws_root):
    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await open_en_fr(pilot)
        await pilot.press("!")
        await pilot.pause()
        assert link_rows(ws_root) == {frozenset(("cen100", "cfr100")): "contradicts"}
        await pilot.press("u")
        await pilot.pause()
        assert link_rows(ws_root) == {}
        assert "contradicted" not in views(app)[0].states.get("cen100", set())
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert link_rows(ws_root) == {frozenset(("cen100", "cfr100")): "contradicts"}
        await pilot.press("-")
        await pilot.pause()
        assert link_rows(ws_root) == {}
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert link_rows(ws_root) == {frozenset(("cen100", "cfr100")): "contradicts"}


async def test_accept_and_reject_suggestions(ws_root):
    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await open_en_fr(pilot)
        # cen100 has two suggestions: FR (0.92) then DE (0.66); select the DE one and reject it
        await pilot.press("]")
        await pilot.pause()
        assert app.screen.info.suggestions[app.screen.selected_suggestion]["other"]["claim_id"] == "cde100"
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("[", "a")  # back to the FR match, accept it
        await pilot.pause()
        await pilot.press("x", "a")  # the contradiction on cen101: accept
        await pilot.pause()
    ws = reopen(ws_root)
    try:
        decisions = {(d["left"]["claim_id"], d["right"]["claim_id"]): d["status"] for d in ws.suggestions()}
        assert decisions[("cen100", "cfr100")] == "accepted"
        assert decisions[("cen100", "cde100")] == "rejected"
        assert decisions[("cen101", "cfr101")] == "accepted"
        relations = {frozenset((lk["a_claim"], lk["b_claim"])): lk["relation"] for lk in ws.links()}
        assert relations == {
            frozenset(("cen100", "cfr100")): "same",
            frozenset(("cen101", "cfr101")): "contradicts",
        }
    finally:
        ws.close()


async def test_annotate_note_tags_verdict(ws_root):
    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await open_en_fr(pilot)
        await pilot.press("j", "e")
        await pilot.pause()
        assert isinstance(app.screen, AnnotateModal)
        assert isinstance(app.focused, TextArea)
        await pilot.press(*"OSDH", "enter", *"[b]")
        await pilot.press("tab")
        await pilot.press(*"dead, OSDH")
        await pilot.press("tab")  # the verdict radio set
        await pilot.press("down", "down", "down", "down", "enter")  # (none) → … → misleading
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert "annotated" in views(app)[0].states["cen101"]
        # reopen: the modal is prefilled; escape cancels without changes
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == "OSDH\n[b]"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
    ws = reopen(ws_root)
    try:
        note = ws.note("cen101")
        assert note["text"] == "OSDH\n[b]"
        assert note["tags"] == ["OSDH", "dead"]
        assert ws.verdict("cen101") == "misleading"
    finally:
        ws.close()


async def test_verdict_picker_digits(ws_root):
    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await open_en_fr(pilot)
        await pilot.press("v", "2")
        await pilot.pause()
        ws = reopen(ws_root)
        assert ws.verdict("cen100") == "accurate"
        await pilot.press("j", "v", "7")
        await pilot.pause()
        assert ws.verdict("cen101") == "unverifiable"
        assert views(app)[0].verdicts["cen101"] == "unverifiable"
        await pilot.press("v", "0")
        await pilot.pause()
        assert ws.verdict("cen101") is None
        await pilot.press("v", "escape")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        ws.close()


async def test_copy_claim_with_citation(ws_root, fake_clipboard):
    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await open_en_fr(pilot)
        await pilot.press("j", "c")
        await pilot.pause()
    claim_text = "At least 18 pro-Iranian fighters were killed in the strikes, the Syrian Observatory for Human Rights said."
    from workspace_factory import EN_TEXT

    start = EN_TEXT.index(claim_text)
    assert fake_clipboard == [
        f"“{claim_text}” — US strikes hit targets in Iraq and Syria (000_en.txt, chars {start}–{start + len(claim_text)})"
    ]


async def test_copy_falls_back_to_osc52(ws_root, monkeypatch):
    import sys
    import types

    broken = types.ModuleType("pyperclip")

    def fail(text):
        raise RuntimeError("no clipboard")

    broken.copy = fail  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pyperclip", broken)
    app = make_app(ws_root)
    sent: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", sent.append)
    async with app.run_test(size=SIZE) as pilot:
        await open_en_fr(pilot)
        await pilot.press("c")
        await pilot.pause()
    assert len(sent) == 1 and sent[0].startswith("“The United States")


async def test_search_and_jump(ws_root):
    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("/")
        await pilot.pause()
        await pilot.press(*"munit")
        await pilot.pause()
        hits = app.screen.hits
        assert {h["claim_id"] for h in hits if h["type"] == "claim"} == {"cen103", "cfr103"}
        first = hits[0]
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        active = app.screen.active_view
        assert active.article.id == first["article_id"]
        assert active.current_claim.id == first["claim_id"]
        # searching again from the compare view focuses the pane that already shows the article
        await pilot.press("/")
        await pilot.pause()
        await pilot.press(*"xyz", *(["backspace"] * 3), *"Notre rep")
        await pilot.pause()
        assert app.screen.hits[0]["claim_id"] == "cfr102"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.active_view.article.id == FR_ID
        assert app.screen.active_view.current_claim.id == "cfr102"
        # a hit in an article that is not open reopens the (same) compare view on it
        compare = app.screen
        await pilot.press("/")
        await pilot.pause()
        await pilot.press(*"Regierung")
        await pilot.pause()
        hit = app.screen.hits[0]
        assert hit["article_id"] == DE_ID
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is compare and app.screen.active_view.article.id == DE_ID
        assert app.screen.active_view.current_claim.id == hit["claim_id"]


async def test_everything_survives_a_restart(ws_root):
    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await open_en_fr(pilot)
        await pilot.press("=", "v", "3")
        await pilot.pause()
        await pilot.press("q")
    app2 = make_app(ws_root)
    async with app2.run_test(size=SIZE) as pilot:
        await open_en_fr(pilot)
        en = views(app2)[0]
        assert "linked" in en.states["cen100"]
        assert en.verdicts["cen100"] == "mostly-accurate"
        assert "mostly-accurate" in app2.screen.query_one(Inspector).text


async def test_keymap_from_settings(ws_root):
    app = make_app(ws_root, keymap={"claim-next": "ctrl+n", "link-same": "ctrl+k"})
    async with app.run_test(size=SIZE) as pilot:
        await open_en_fr(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert current_ids(app)[0] == "cen101"
        await pilot.press("ctrl+k")
        await pilot.pause()
    assert link_rows(ws_root) == {frozenset(("cen101", "cfr101")): "same"}


async def test_theme_toggle_and_help(ws_root):
    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        await pilot.press("t")
        assert app.theme == "textual-light"
        await pilot.press("t")
        assert app.theme == "textual-dark"
        await pilot.press("?")
        await pilot.pause()
        from factdesk.tui.screens.help import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one("#help-keys").visual.plain
        for binding_id in ("claim-next", "link-contradicts", "suggestion-accept", "claim-annotate", "undo", "search"):
            assert f"[{binding_id}]" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_palette_offers_namespaced_commands(ws_root):
    from factdesk.tui.commands import FactdeskCommands

    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await open_en_fr(pilot)
        provider = FactdeskCommands(app.screen)
        titles = [title for title, _, _ in provider._commands()]
        assert "claim: link as contradicts" in titles
        assert "view: toggle dark/light theme" in titles
        assert "export: report…" in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"link as same")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
    assert link_rows(ws_root) == {frozenset(("cen100", "cfr100")): "same"}


async def test_refresh_shows_articles_imported_elsewhere(ws_root):
    from factdesk.core.models import Article

    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        other = reopen(ws_root)
        other.add_article(Article("a0000000new", "Imported elsewhere", "Some text.", "x.txt", "en"), [], "test")
        other.close()
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert "a0000000new" in [r.id for r in app.screen.query_one(ArticleList).visible_rows]


async def test_readonly_workspace_shows_notice_and_refuses_changes(ws_root, monkeypatch):
    import factdesk.core.store.workspace as store

    monkeypatch.setattr(store, "_writable", lambda root, db: False)
    app = make_app(ws_root)
    notices: list[tuple[str, str]] = []
    original = app.notify

    def spy(message, *args, **kwargs):
        notices.append((str(message), kwargs.get("severity", "information")))
        return original(message, *args, **kwargs)

    monkeypatch.setattr(app, "notify", spy)
    async with app.run_test(size=SIZE) as pilot:
        await open_en_fr(pilot)
        assert app.ws.readonly
        await pilot.press("=")
        await pilot.pause()
    assert any("read-only" in m and s == "warning" for m, s in notices)
    assert any("read-only" in m and s == "error" for m, s in notices)
    assert link_rows(ws_root) == {}


async def test_narrow_terminal_stacks_panes_and_folds_inspector(ws_root):
    app = make_app(ws_root)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_en_fr(pilot)
        screen = app.screen
        assert screen.has_class("-narrow") and screen.has_class("-no-inspector")
        en, fr = screen.panes
        assert en.region.y < fr.region.y  # stacked
        await pilot.press("i")
        await pilot.pause()
        assert screen.query_one("#inspector").display
        await pilot.press("j")
        await pilot.pause()
        assert current_ids(app) == ["cen101", "cfr101"]


async def test_wide_terminal_shows_three_panes(ws_root):
    app = make_app(ws_root)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        await pilot.press("space", "space", "space", "enter")
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert screen.shown == 3
        assert current_ids(app) == ["cen100", "cfr100", "cde100"]
        await pilot.press("w")  # cycle: back to one pane
        await pilot.pause()
        assert screen.shown == 1
