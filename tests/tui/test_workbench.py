"""Pilot tests for the finer points: key bursts, the events panel, inspector clicks, the report screen."""

from __future__ import annotations

import threading

from textual.widgets import Input, Select

from factdesk.core.models import Event
from factdesk.core.store import open_workspace
from factdesk.tui.app import FactdeskApp
from factdesk.tui.data import dedupe_places, event_label
from factdesk.tui.screens.compare import CompareScreen
from factdesk.core.errors import WorkspaceError
from factdesk.tui.screens import library as library_module
from factdesk.tui.screens.library import LibraryScreen
from factdesk.tui.screens.pickers import ConfirmModal
from factdesk.tui.screens.report import ReportScreen
from factdesk.tui.widgets.article_list import ArticleList
from factdesk.tui.widgets.event_list import EventList
from factdesk.tui.widgets.inspector import Inspector, when
from factdesk.tui.widgets.text_preview import TextPreview
from library_wait import library_ready
from pilot_helpers import current_ids, make_app, open_en_fr, settle, views
from workspace_factory import DE_ID, EN_ID, FR_ID, reopen

SIZE = (140, 36)










# -- key bursts ------------------------------------------------------------------------------------

CHARACTERS = {"tab": "\t", "ctrl+s": "\x13", "space": " ", "enter": "\r", "escape": "\x1b"}


def burst(app: FactdeskApp, *keys: str) -> None:
    """Queue key events all at once, as a terminal delivers a paste or ``tmux send-keys``."""
    from textual import events

    for key in keys:
        name = "space" if key == " " else key
        app._driver.send_message(events.Key(name, CHARACTERS.get(name, key if len(key) == 1 else None)))


async def until(pilot, condition, timeout: float = 5.0) -> None:
    """Pause until ``condition()`` holds (dialogs open and close over several frames)."""
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.02)


async def test_true_burst_reaches_the_dialogs(ws_root):
    """All keys queued before the first is handled: dialogs still get the keys typed after them."""
    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await open_en_fr(pilot)
        burst(app, "e", *"note text", "tab", *"tag", "ctrl+s")
        await until(pilot, lambda: app.ws.note("cen100") is not None and isinstance(app.screen, CompareScreen))
        burst(app, "j", "v", "3", "l", "s")
        await until(pilot, lambda: bool(app.ws.links()) and isinstance(app.screen, CompareScreen))
    ws = reopen(ws_root)
    try:
        note = ws.note("cen100")
        assert (note["text"], note["tags"]) == ("note text", ["tag"])
        assert ws.verdict("cen101") == "mostly-accurate"
        assert {frozenset((lk["a_claim"], lk["b_claim"])): lk["relation"] for lk in ws.links()} == {
            frozenset(("cen101", "cfr101")): "same"
        }
        assert ws.suggestions(status="accepted") == []  # no letter of the note was read as "a"ccept
    finally:
        ws.close()


async def test_annotate_burst_tab_leaves_the_note(ws_root):
    """Keys typed faster than the screen updates: tab still moves from the note to the tags."""
    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await open_en_fr(pilot)
        await pilot.press("e", *"note", "tab", *"tag", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
    ws = reopen(ws_root)
    try:
        assert ws.note("cen100") == {**ws.note("cen100"), "text": "note", "tags": ["tag"]}
    finally:
        ws.close()


async def test_moves_in_a_burst_then_act_on_the_right_claims(ws_root):
    """A held key defers the inspector; an action right after it still uses the current claims."""
    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await open_en_fr(pilot)
        await pilot.press("j", "j", "j", "=")
        await pilot.pause()
        assert current_ids(app) == ["cen103", "cfr103"]
        assert app.screen.info.claim.id == "cen103"
    ws = reopen(ws_root)
    try:
        assert [(lk["a_claim"], lk["b_claim"]) for lk in ws.links()] in ([("cen103", "cfr103")], [("cfr103", "cen103")])
    finally:
        ws.close()


async def test_held_key_updates_the_inspector_once_settled(ws_root):
    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await open_en_fr(pilot)
        screen = app.screen
        await pilot.press("j", "j", "j", "j")
        await settle(pilot)
        assert screen.settled
        assert screen.info.claim.id == "cen104"
        assert "Iraq said 16 people" in screen.query_one(Inspector).text


# -- compare: contradictions, history, inspector clicks -------------------------------------------


async def test_previous_contradiction(ws_root):
    ws = open_workspace(ws_root)
    ws.link_claims("cen103", "cfr103", "contradicts")
    ws.close()
    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await open_en_fr(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert current_ids(app)[0] == "cen101"
        await pilot.press("x")
        await settle(pilot)
        assert current_ids(app)[0] == "cen103"
        await pilot.press("X")
        await settle(pilot)
        assert current_ids(app)[0] == "cen101"
        await pilot.press("X")  # wraps around to the last one
        await settle(pilot)
        assert current_ids(app)[0] == "cen103"


async def test_history_shows_date_and_time(ws_root):
    ws = open_workspace(ws_root)
    ws.set_verdict("cen100", "accurate")
    with ws.transaction() as conn:
        conn.execute("UPDATE history SET at = '2024-02-05T09:30:00+00:00'")
    ws.close()
    assert when("2024-02-05T09:30:00+00:00") == "2024-02-05 09:30"
    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await open_en_fr(pilot)
        assert "2024-02-05 09:30" in app.screen.query_one(Inspector).text


def _line_of(inspector: Inspector, target: tuple) -> int:
    for y in range(inspector.size.height):
        if inspector.target_at(y) == target:
            return y
    raise AssertionError(f"{target} not on screen")


async def test_click_selects_a_suggestion_and_a_link_jumps(ws_root):
    app = make_app(ws_root)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_en_fr(pilot)
        screen = app.screen
        inspector = screen.query_one(Inspector)
        # cen100: FR match (selected) and DE match; click the DE one
        assert [s["other"]["claim_id"] for s in screen.info.suggestions] == ["cfr100", "cde100"]
        y = _line_of(inspector, ("suggestion", "1"))
        await pilot.click(Inspector, offset=(4, y))
        await pilot.pause()
        assert screen.selected_suggestion == 1
        # DE is not open: a second click opens it beside EN with the DE claim shown
        await pilot.click(Inspector, offset=(4, y))
        await pilot.pause()
        await pilot.pause()
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert [p.view.article.id for p in screen.panes] == [EN_ID, DE_ID]
        assert current_ids(app) == ["cen100", "cde100"]
        # accept it: a link; clicking the link shows the linked claim in the other pane
        await pilot.press("a")
        await pilot.pause()
        screen.panes[1].view.select_index(1, user=False)  # the DE pane shows another claim
        await pilot.pause()
        assert current_ids(app) == ["cen100", "cde101"]
        inspector = screen.query_one(Inspector)
        y = _line_of(inspector, ("link", "cde100", DE_ID))
        await pilot.click(Inspector, offset=(4, y))
        await pilot.pause()
        assert current_ids(app) == ["cen100", "cde100"]


# -- library: events panel -------------------------------------------------------------------------


def test_event_labels_read_well():
    assert dedupe_places(["iraq", "Iraq", "Iran", "us", "US", "pro-Iran"]) == ["Iraq", "Iran", "US"]
    assert event_label("strike · iraq, Iraq, Iran · 2021-06-21", ["iraq", "Iraq", "Iran"]) == "Strike · Iraq, Iran"
    assert event_label("US strikes in Iraq and Syria", ["Iraq", "Syria"]) == "US strikes in Iraq and Syria"


async def test_events_panel_lists_and_opens_an_event(ws_root):
    ws = open_workspace(ws_root)
    ws.replace_events([
        Event("e1", "strike · iraq, Iraq, Syria · 2024-02-02", "2024-02-02", "2024-02-03", ["iraq", "Iraq", "Syria"],
              ["United States"], [EN_ID, FR_ID, DE_ID], []),
        Event("e2", "Quote by Joe Biden", "2024-02-04", "2024-02-04", [], ["Joe Biden"], [EN_ID, FR_ID], []),
    ])
    ws.close()
    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        events = app.screen.query_one(EventList)
        assert [e.label for e in events.events] == ["Strike · Iraq, Syria", "Quote by Joe Biden"]
        first = events.events[0]
        assert first.dates == "2024-02-02 → 02-03"
        assert first.contradictions == 1  # the unreviewed cen101 ↔ cfr101 suggestion of event e1
        # the article list shows the clean label too
        assert app.screen.query_one(ArticleList).rows[0].events[0] == "Strike · Iraq, Syria"
        await pilot.press("e")
        assert app.focused is events
        await pilot.press("j")
        assert events.cursor == 1
        await pilot.press("k", "enter")
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert set(screen.article_ids) == {EN_ID, FR_ID, DE_ID}
        # it starts on the event's open contradiction
        await settle(pilot)
        assert "cen101" in current_ids(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        # mouse: click the second event, click it again to open it
        events = app.screen.query_one(EventList)
        y = events.line_of(1)
        await pilot.click(EventList, offset=(3, y))
        await pilot.pause()
        assert events.cursor == 1
        assert isinstance(app.screen, LibraryScreen)
        await pilot.click(EventList, offset=(3, events.line_of(1)))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.article_ids[:2] in ([EN_ID, FR_ID], [FR_ID, EN_ID])


# -- library: counting in the background ----------------------------------------------------------


def gated_stats(monkeypatch) -> threading.Event:
    """Hold the library's count worker until the returned event is set."""
    gate = threading.Event()
    real = library_module.article_stats

    def held(ws):
        assert gate.wait(20)
        return real(ws)

    monkeypatch.setattr(library_module, "article_stats", held)
    return gate


def status_line(app: FactdeskApp) -> str:
    return str(app.screen.query_one("#library-status").render())


async def test_library_paints_before_counting_and_keeps_the_cursor(ws_root, monkeypatch):
    gate = gated_stats(monkeypatch)
    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        articles = screen.query_one(ArticleList)
        # titles are there at once; the counted columns, events and totals wait for the worker
        assert [r.id for r in articles.rows] == [EN_ID, FR_ID, DE_ID]
        assert not any(r.counted for r in articles.rows)
        assert "counting…" in status_line(app)
        assert screen.query_one(EventList).placeholder == "counting…"
        assert not screen.loaded.is_set()
        await pilot.press("down", "down", "space")  # mark DE
        await pilot.press("f", *"fr", "enter")
        await pilot.pause()
        assert [r.id for r in articles.visible_rows] == [FR_ID]
        gate.set()
        await library_ready(pilot)
        assert all(r.counted for r in articles.rows)
        assert articles.rows[0].claims == 5 and articles.rows[0].contradictions == 1
        assert [r.id for r in articles.visible_rows] == [FR_ID]
        assert articles.current_row is not None and articles.current_row.id == FR_ID
        assert articles.marked == [DE_ID]
        assert "3 articles · " in status_line(app) and "counting" not in status_line(app)
        assert screen.query_one(EventList).placeholder is None


async def test_big_workspace_reload_counts_in_the_worker(ws_root, monkeypatch):
    monkeypatch.setattr(library_module, "SYNC_RELOAD_ARTICLES", 0)
    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        screen = app.screen
        articles = screen.query_one(ArticleList)
        before = status_line(app)
        gate = gated_stats(monkeypatch)
        ws = reopen(ws_root)
        ws.set_verdict("cen100", "accurate")
        ws.close()
        await pilot.press("ctrl+l")
        await pilot.pause()
        # the previous counts stay on screen while the worker recounts
        assert not screen.loaded.is_set()
        assert all(r.counted for r in articles.rows) and articles.rows[0].claims == 5
        assert status_line(app) == before
        gate.set()
        await library_ready(pilot)
        assert "1 verdict" in status_line(app)


async def test_library_count_failure_is_reported(ws_root, monkeypatch):
    def broken(ws):
        raise WorkspaceError("the database is damaged")

    monkeypatch.setattr(library_module, "article_stats", broken)
    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(400):  # the counts come from a worker thread: allow a slow, busy machine
            await pilot.pause(0.02)
            if "Counts unavailable" in status_line(app):
                break
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert "Counts unavailable" in status_line(app)
        assert "could not be counted" in (screen.query_one(EventList).placeholder or "")
        assert any("damaged" in str(n.message) for n in app._notifications)
        assert len(screen.query_one(ArticleList).rows) == 3


# -- report ----------------------------------------------------------------------------------------


async def test_report_preview_export_and_overwrite(ws_root, tmp_path, fake_clipboard, monkeypatch):
    monkeypatch.setenv("FACTDESK_REPORT_DATE", "2024-02-06")
    target = tmp_path / "out" / "report.md"
    target.parent.mkdir()
    app = make_app(ws_root)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("R")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        preview = screen.query_one(TextPreview)
        assert preview.text.startswith("#")  # the Markdown source, shown as text
        assert "US strikes hit targets in Iraq and Syria" in preview.text
        assert screen.query_one("#report-path", Input).value == str(ws_root / "report.md")
        # the default file name follows the format
        screen.query_one("#report-format", Select).value = "csv"
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.query_one("#report-path", Input).value == str(ws_root / "report.csv")
        assert "US strikes" not in preview.text or "," in preview.text
        screen.query_one("#report-format", Select).value = "md"
        await pilot.pause()
        screen.query_one("#report-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        written = target.read_text(encoding="utf-8")
        assert written.startswith("#") and "US strikes hit targets in Iraq and Syria" in written
        # again: the file exists, so a confirmation comes first; "n" leaves the file alone
        target.write_text("old", encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert target.read_text(encoding="utf-8") == "old"
        # "y" overwrites
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == written
        # copy the Markdown
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert fake_clipboard == [written]


async def test_compare_view_is_reused_for_other_articles(ws_root):
    """The compare screen is built once; opening other articles swaps its content completely."""
    from factdesk.tui.widgets.article_pane import ArticlePane

    app = make_app(ws_root)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        app.open_compare([EN_ID, FR_ID])
        await settle(pilot)
        first_screen = app.screen
        assert isinstance(first_screen, CompareScreen)
        await pilot.press("j", "j")
        await settle(pilot)
        assert views(app)[0].current > 0
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)

        app.open_compare([DE_ID, FR_ID, EN_ID])
        await settle(pilot)
        assert app.screen is first_screen  # the same widgets, new content
        assert [v.article.id for v in views(app)] == [DE_ID, FR_ID, EN_ID]
        assert views(app)[0].current == 0 and app.focused is views(app)[0]
        assert app.screen.info is not None and app.screen.info.claim.article_id == DE_ID
        assert app.screen.query_one(Inspector).top == 0  # the new claim is shown from its top
        built = list(app.screen.query(ArticlePane))
        assert len(built) == 3 and all(p.display for p in built)  # a third pane was built for the third article

        target = views(app)[2].claims[-1].id
        await pilot.press("escape")
        await pilot.pause()
        app.open_compare([EN_ID], target)
        await settle(pilot)
        assert [v.article.id for v in views(app)] == [EN_ID]
        assert views(app)[0].current_claim.id == target
        assert app.screen.info.claim.id == target
        assert sum(1 for p in app.screen.query(ArticlePane) if p.display) == 1
        assert len(app.screen.query(ArticlePane)) == 3  # kept, hidden, for the next time


async def test_key_bar_follows_the_screen_and_a_click_presses_the_key(ws_root):
    from factdesk.tui.widgets.bars import KeyBar, TitleBar

    app = make_app(ws_root)
    async with app.run_test(size=(160, 45)) as pilot:
        await library_ready(pilot)
        bar = app.screen.query_one(KeyBar)
        described = [d for _, _, d, _ in bar.items]
        assert "Filter" in described and "Quit" in described and "Next" not in described
        assert app.screen.query_one(TitleBar).render().plain == f"factdesk — {app.sub_title}"
        # a click on "Filter" presses f: the filter input appears, focused
        column = next(start for start, _, key in bar._spans if key == "f")
        await pilot.click(KeyBar, offset=(column + 1, 0))
        await pilot.pause()
        assert isinstance(app.focused, Input) and app.focused.id == "filter"
        await pilot.press("escape")
        app.open_compare([EN_ID, FR_ID])
        await settle(pilot)
        described = [d for _, _, d, _ in app.screen.query_one(KeyBar).items]
        assert "Next" in described and "Filter" not in described
