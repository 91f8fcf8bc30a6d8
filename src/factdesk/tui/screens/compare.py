"""The compare view: articles side by side with their claims, and the inspector.

Moving to a claim in one pane moves the other panes to the claim linked or suggested for it.
Every action goes through the workspace API at once (it commits and records history), then the
panes and the inspector re-read what changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from time import monotonic
from typing import Any

import asyncio

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal
from textual.screen import Screen
from textual.timer import Timer

from factdesk.core.errors import FactdeskError
from factdesk.core.models import Article, Claim
from factdesk.tui.clipboard import copy_text
from factdesk.tui.data import ClaimInfo, citation, claim_info, verdicts_for
from factdesk.tui.messages import ClaimsLoaded, WorkspaceChanged
from factdesk.tui.widgets.article_pane import ArticlePane
from factdesk.tui.widgets.article_view import ArticleView
from factdesk.tui.widgets.bars import KeyBar, TitleBar
from factdesk.tui.widgets.inspector import Inspector, short
from factdesk.tui.widgets.legend import Legend

MAX_PANES = 4
PANE_MIN_WIDTH = 36
INSPECTOR_WIDTH = 46
NARROW = 90
"""Below this width the panes stack vertically."""
FOLD_INSPECTOR = 120
"""Below this width the inspector starts folded away (``i`` shows it)."""
BACKGROUND_CLAIMS = 300
"""An article with more claims shows its text at once; its claims follow from a thread worker."""
KEY_REPEAT = 0.12
"""Moves closer together than this (seconds) count as a held key."""
SETTLE = 0.06
"""While a key is held, the inspector and the other panes follow this long after the last move."""


MOVE_BINDINGS = [
    Binding("j,down", "move(1)", "Next", key_display="j/↓", tooltip="Move to the next claim in this article.", id="claim-next"),
    Binding("k,up", "move(-1)", "Prev", key_display="k/↑", tooltip="Move to the previous claim in this article.", id="claim-prev"),
    Binding("home", "move_to(0)", "First claim", show=False, tooltip="Move to the first claim.", id="claim-first"),
    Binding("end", "move_to(-1)", "Last claim", show=False, tooltip="Move to the last claim.", id="claim-last"),
]
"""Moving between the claims of the focused pane."""


class CompareScreen(Screen[None]):
    """Two to four articles side by side, claims highlighted, with the claim inspector."""

    # Every key here is a priority binding: it is handled as it arrives, in the order typed, even
    # in a fast burst (a paste, tmux send-keys). The keys that open a dialog wait until the dialog
    # is mounted and focused, so the keys typed after them ("v 3", "l s", a note) go to the dialog
    # instead of being read as compare-view commands. The view has no text field to type into.
    BINDINGS = [
        *MOVE_BINDINGS,
        Binding("tab", "pane(1)", "Pane", tooltip="Focus the next article pane.", id="pane-next"),
        Binding("shift+tab", "pane(-1)", "Prev pane", show=False, tooltip="Focus the previous article pane.", id="pane-prev"),
        Binding("x", "next_contradiction", "Contradiction", tooltip="Next claim with a contradiction (suggested or linked).", id="jump-contradiction"),
        Binding("X", "next_contradiction(-1)", "Prev contradiction", show=False, tooltip="Previous claim with a contradiction.", id="jump-contradiction-prev"),
        Binding("n", "next_suggestion", "Suggested", tooltip="Next claim with an unreviewed suggestion.", id="jump-suggestion"),
        Binding("],J", "suggestion(1)", "Next suggestion", show=False, tooltip="Select the next suggestion in the inspector.", id="suggestion-next"),
        Binding("[,K", "suggestion(-1)", "Prev suggestion", show=False, tooltip="Select the previous suggestion in the inspector.", id="suggestion-prev"),
        Binding("a", "review('accepted')", "Accept", tooltip="Accept the selected suggestion (links the two claims).", id="suggestion-accept"),
        Binding("r", "review('rejected')", "Reject", tooltip="Reject the selected suggestion.", id="suggestion-reject"),
        Binding("l", "link_chooser", "Link", tooltip="Link this claim to the one selected in the other pane (then s/p/c).", id="claim-link"),
        Binding("=", "link('same')", "Link same", show=False, tooltip="Link to the other pane's claim as the same claim.", id="link-same"),
        Binding("+", "link('supports')", "Link supports", show=False, tooltip="Link to the other pane's claim as supporting it.", id="link-supports"),
        Binding("!", "link('contradicts')", "Link contradicts", show=False, tooltip="Link to the other pane's claim as contradicting it.", id="link-contradicts"),
        Binding("-", "unlink", "Unlink", show=False, tooltip="Remove the link between this claim and the other pane's claim.", id="claim-unlink"),
        Binding("e,enter", "annotate", "Annotate", tooltip="Write a note, tags and a verdict for this claim.", id="claim-annotate"),
        Binding("v", "verdict", "Verdict", tooltip="Pick a verdict (1–7).", id="claim-verdict"),
        Binding("c", "copy_claim", "Copy", tooltip="Copy the claim with its citation.", id="claim-copy"),
        Binding("i", "toggle_inspector", "Inspector", show=False, tooltip="Show or fold the inspector.", id="view-inspector"),
        Binding("w", "cycle_panes", "Panes", show=False, tooltip="Show more or fewer panes side by side.", id="view-panes"),
        Binding("escape,b", "back", "Library", tooltip="Back to the library.", id="back"),
    ]
    BINDINGS = [replace(b, priority=True) for b in BINDINGS]

    def __init__(self, article_ids: list[str], claim_id: str | None = None, partner: str | None = None) -> None:
        super().__init__()
        self.inspector_open: bool | None = None
        """None = automatic (folded on narrow terminals)."""
        self._info_timer: Timer | None = None
        self._pending_generation = 0
        self._all_panes: list[ArticlePane] | None = None
        self._reset(article_ids, claim_id, partner)

    def _reset(self, article_ids: list[str], claim_id: str | None, partner: str | None) -> None:
        """The state of a fresh view of ``article_ids`` (the screen is built once and reused)."""
        self.article_ids = list(dict.fromkeys(article_ids))[:MAX_PANES]
        """The articles shown, one per pane (the first ``shown`` are visible)."""
        self.initial_claim = claim_id
        self.initial_partner = partner
        """A claim to show in another pane once the first claim is selected (a jump from a link)."""
        self.active = 0
        """Index of the focused pane."""
        self.other = 1 if len(self.article_ids) > 1 else 0
        """Index of the pane a link goes to (the previously focused pane)."""
        self.shown = len(self.article_ids)
        self.pane_choice: int | None = None
        """Pane count chosen with ``w`` (None = as many as fit)."""
        self.info: ClaimInfo | None = None
        self.selected_suggestion = 0
        self.articles: dict[str, Article] = {}
        self._pending = False
        """An inspector update is waiting (the claim moved and the key may still be held)."""
        self._pending_claim: Claim | None = None
        self._pending_sync = False
        self._pending_generation += 1  # callbacks of the previous view are void
        if self._info_timer is not None:
            self._info_timer.stop()
            self._info_timer = None
        self._last_move = 0.0
        self.claims_loading: set[str] = set()
        """Large articles whose claims a worker is still reading."""
        self.claims_ready = asyncio.Event()
        """Set when every pane shows its claims (at once for articles of ordinary size)."""
        self.claims_ready.set()
        self._prefer_kind: str | None = None
        """Select the first unreviewed suggestion of this kind when the inspector next shows a claim."""
        self._select_on_resume = False

    def show(self, article_ids: list[str], claim_id: str | None = None, partner: str | None = None) -> None:
        """Show other articles in this (already built) screen, before it is pushed again.

        Opening articles then costs reading them and one frame: no widget is built or styled.
        """
        self._reset(article_ids, claim_id, partner)
        have = len(self.all_panes)
        if have < len(self.article_ids):
            extra = [ArticlePane(id=f"pane-{i}") for i in range(have, len(self.article_ids))]
            self.query_one("#panes").mount(*extra)
            self._all_panes = [*self.all_panes, *extra]
        for pane, article_id in zip(self.panes, self.article_ids):
            self._load_pane(pane, article_id)
        self._apply_layout(self.app.size.width, focus=False)
        self.query_one(Inspector).show(None, 0, {})
        self._select_on_resume = True

    def on_screen_resume(self) -> None:
        if self._select_on_resume:
            self._select_on_resume = False
            if self.panes:
                self.set_focus(self.panes[0].view)
            self.call_after_refresh(self._initial_select)

    @property
    def ws(self):
        return self.app.ws  # type: ignore[attr-defined]

    # -- layout --------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        # the width-dependent classes are set before the children are styled (no restyle)
        self.update_classes(self._layout_classes(self.app.size.width), update=False)
        yield TitleBar()
        with Horizontal(id="compare-body"):
            with Container(id="panes"):
                # built once (the screen is reused for other articles); more when more are opened
                for i in range(max(2, len(self.article_ids))):
                    yield ArticlePane(id=f"pane-{i}")
            yield Inspector(id="inspector")
        yield Legend(id="legend")
        yield KeyBar()

    @property
    def all_panes(self) -> list[ArticlePane]:
        """Every pane, built once in :meth:`compose` (kept: a DOM query on every key adds up)."""
        if not self._all_panes:
            self._all_panes = list(self.query(ArticlePane))
        return self._all_panes

    @property
    def panes(self) -> list[ArticlePane]:
        """The panes holding this view's articles (the rest stay hidden and empty)."""
        return self.all_panes[: len(self.article_ids)]

    def visible_panes(self) -> list[ArticlePane]:
        return self.panes[: self.shown]

    def on_mount(self) -> None:
        for pane, article_id in zip(self.panes, self.article_ids):
            self._load_pane(pane, article_id)
        self._apply_layout(self.app.size.width)
        target = self.panes[0].view if self.panes else None
        if target is not None:
            target.focus()
        self.call_after_refresh(self._initial_select)

    def _initial_select(self) -> None:
        if not self.panes:
            return
        if self.initial_claim:
            for i, pane in enumerate(self.panes):
                if pane.view.claim_index(self.initial_claim) >= 0:
                    self.active = i
                    pane.view.focus()
                    pane.view.select_claim(self.initial_claim)
                    if self.initial_partner:
                        self.call_after_refresh(self._show_partner, self.initial_partner)
                    return
        view = self.panes[0].view
        if view.claims:
            view.select_index(max(view.current, 0))
        else:
            self._show_info(None)

    def _show_partner(self, claim_id: str) -> None:
        self._ensure_current()
        for i, pane in enumerate(self.visible_panes()):
            if i != self.active and pane.view.claim_index(claim_id) >= 0:
                pane.view.select_claim(claim_id, user=False)
                self.other = i
                if self.info:
                    for k, s in enumerate(self.info.suggestions):
                        if s["other"]["claim_id"] == claim_id:
                            self.selected_suggestion = k
                            self._render_inspector()
                            break
                return

    def _load_pane(self, pane: ArticlePane, article_id: str) -> None:
        """Show one article. A large one shows its text first; its claims arrive from a worker
        (reading and parsing a few thousand claims would hold the first frame back)."""
        try:
            article = self.ws.article(article_id)
            if self.ws.claim_count(article.id) > BACKGROUND_CLAIMS:
                self.articles[article.id] = article
                self.claims_loading.add(article.id)
                self.claims_ready.clear()
                pane.view.set_article(article, [], {}, {})
                pane.set_title(article, "reading claims…")
                # after the first frame: the worker's parsing would compete with it for the GIL
                self.call_after_refresh(self._read_claims, str(self.ws.root), article.id)
                return
            claims = self.ws.claims_for_article(article.id)
            states = self.ws.claim_states(article.id)
            verdicts = verdicts_for(self.ws, article.id)
        except FactdeskError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.articles[article.id] = article
        pane.view.set_article(article, claims, states, verdicts)
        self._update_title(pane)

    @work(thread=True, exit_on_error=False, group="claims", description="Reading claims")
    def _read_claims(self, root: str, article_id: str) -> None:
        """Read a large article's claims with an own connection (plain data back to the screen)."""
        from factdesk.core.store import open_workspace

        try:
            ws = open_workspace(root, create=False)
            try:
                claims = ws.claims_for_article(article_id)
                states = ws.claim_states(article_id)
                verdicts = verdicts_for(ws, article_id)
            finally:
                ws.close()
        except FactdeskError as exc:
            self.post_message(ClaimsLoaded(article_id, [], {}, {}, error=str(exc)))
            return
        self.post_message(ClaimsLoaded(article_id, claims, states, verdicts))

    @on(ClaimsLoaded)
    def _claims_loaded(self, event: ClaimsLoaded) -> None:
        self.claims_loading.discard(event.article_id)
        if event.error:
            self.notify(event.error, severity="error", markup=False)
        for pane in self.panes:
            view = pane.view
            if view.article is not None and view.article.id == event.article_id and not view.claims:
                focused = view.has_focus
                view.set_article(view.article, event.claims, event.states, event.verdicts)
                self._update_title(pane)
                if focused or self.initial_claim in view._index_by_id:
                    self._initial_select()
        if not self.claims_loading:
            self.claims_ready.set()

    def _update_title(self, pane: ArticlePane) -> None:
        view = pane.view
        if view.article is None:
            return
        n = len(view.claims)
        position = f"{view.current + 1}/{n}" if n else "no claims"
        pane.set_title(view.article, position)

    def on_resize(self) -> None:
        self._apply_layout(self.app.size.width)

    def _layout_classes(self, width: int) -> dict[str, bool]:
        inspector = self.inspector_open if self.inspector_open is not None else width >= FOLD_INSPECTOR
        return {"-narrow": width < NARROW, "-no-inspector": not inspector}

    def _apply_layout(self, width: int, focus: bool = True) -> None:
        narrow = width < NARROW
        classes = self._layout_classes(width)
        self.update_classes(classes)
        inspector = not classes["-no-inspector"]
        room = width - (INSPECTOR_WIDTH if inspector and not narrow else 0)
        fit = 2 if narrow else max(1, min(MAX_PANES, room // PANE_MIN_WIDTH))
        wanted = self.pane_choice or fit
        self.shown = max(1, min(len(self.article_ids), wanted, fit if self.pane_choice is None else MAX_PANES))
        for i, pane in enumerate(self.all_panes):
            pane.display = i < self.shown
        if self.active >= self.shown:
            self.active = 0
            if focus:
                self.panes[0].view.focus()
        if self.other >= self.shown or self.other == self.active:
            self.other = (self.active + 1) % self.shown if self.shown > 1 else self.active

    def action_toggle_inspector(self) -> None:
        currently = not self.has_class("-no-inspector")
        self.inspector_open = not currently
        self._apply_layout(self.app.size.width)

    def action_cycle_panes(self) -> None:
        count = len(self.article_ids)
        if count <= 1:
            self.notify("Only one article is open; mark more in the library (space) to compare.", markup=False)
            return
        self.pane_choice = self.shown + 1 if self.shown < count else 1
        self._apply_layout(self.app.size.width)
        self.notify(f"{self.shown} pane(s) shown", markup=False)

    # -- focus and sync ------------------------------------------------------------------------
    def _pane_index(self, view: ArticleView) -> int:
        for i, pane in enumerate(self.panes):
            if pane.view is view:
                return i
        return -1

    @property
    def active_view(self) -> ArticleView | None:
        panes = self.panes
        return panes[self.active].view if 0 <= self.active < len(panes) else None

    @property
    def other_view(self) -> ArticleView | None:
        panes = self.panes
        if self.other == self.active or not 0 <= self.other < len(panes):
            return None
        return panes[self.other].view

    @on(ArticleView.ClaimHighlighted)
    def _claim_highlighted(self, event: ArticleView.ClaimHighlighted) -> None:
        index = self._pane_index(event.view)
        if index < 0:
            return
        self._update_title(self.panes[index])
        if event.user and index != self.active:
            self._activate(index)
        if index == self.active:
            expected = self._pending_claim if self._pending else (self.info.claim if self.info else None)
            if event.claim is not None and expected is not None and expected.id == event.claim.id:
                return  # already shown (or on its way) through action_move
            self._schedule_info(event.claim, sync=event.user)

    def action_move(self, step: int) -> None:
        view = self.active_view
        if view is not None and view.claims:
            self._move(view, max(0, min(view.current + step, len(view.claims) - 1)))

    def action_move_to(self, where: int) -> None:
        view = self.active_view
        if view is not None and view.claims:
            self._move(view, 0 if where == 0 else len(view.claims) - 1)

    def _move(self, view: ArticleView, index: int) -> None:
        """Move the focused pane to claim ``index`` and update the rest in the same frame."""
        view.select_index(index)
        self._update_title(self.panes[self.active])
        self._schedule_info(view.current_claim, sync=True)

    def on_descendant_focus(self, event) -> None:
        widget = event.widget
        if isinstance(widget, ArticleView):
            index = self._pane_index(widget)
            if index >= 0 and index != self.active:
                self._activate(index)
                self._schedule_info(widget.current_claim, sync=False)

    # -- deferred inspector update -------------------------------------------------------------
    def _schedule_info(self, claim: Claim | None, sync: bool) -> None:
        """Show ``claim`` in the inspector (and move the other panes) once the key repeat settles.

        A single move updates everything in the same frame (the inspector is a Line-API widget: no
        relayout). While a key is held only the article view follows, and the inspector and the
        other panes catch up :data:`SETTLE` seconds after the last move.
        """
        self._pending = True
        self._pending_claim = claim
        self._pending_sync = self._pending_sync or sync
        self._pending_generation += 1
        generation = self._pending_generation
        now = monotonic()
        held = now - self._last_move < KEY_REPEAT
        self._last_move = now
        if self._info_timer is not None:
            self._info_timer.stop()
            self._info_timer = None
        if held:
            self._info_timer = self.set_timer(SETTLE, lambda: self._flush_info(generation))
        else:
            self._flush_info(generation)

    def _flush_info(self, generation: int | None = None) -> None:
        """Apply the waiting inspector update (``generation`` guards against superseded callbacks)."""
        if not self._pending or (generation is not None and generation != self._pending_generation):
            return
        self._pending = False
        if self._info_timer is not None:
            self._info_timer.stop()
            self._info_timer = None
        claim, sync = self._pending_claim, self._pending_sync
        self._pending_sync = False
        same = claim is not None and self.info is not None and self.info.claim.id == claim.id
        self._show_info(claim, keep_selection=same and self._prefer_kind is None)
        if sync:
            self._sync_partners()

    def _ensure_current(self) -> None:
        """Before an action: the inspector and the other panes reflect the active pane's claim."""
        view = self.active_view
        claim = view.current_claim if view is not None else None
        shown = self.info.claim.id if self.info is not None else None
        if not self._pending and shown == (claim.id if claim is not None else None):
            return
        sync = self._pending_sync if self._pending else True
        self._pending_claim, self._pending_sync, self._pending = claim, sync, True
        self._flush_info()

    @property
    def settled(self) -> bool:
        """No inspector update is waiting."""
        return not self._pending

    def _activate(self, index: int) -> None:
        if index == self.active:
            return
        self.other = self.active
        self.active = index

    def action_pane(self, step: int) -> None:
        if self.shown <= 1:
            return
        target = (self.active + step) % self.shown
        self.panes[target].view.focus()

    def _best_partner(self, view: ArticleView) -> str | None:
        info = self.info
        if info is None:
            return None
        for link in info.links:
            if view.claim_index(link["other"]) >= 0:
                return link["other"]
        for s in info.suggestions:
            if s["status"] != "rejected" and view.claim_index(s["other"]["claim_id"]) >= 0:
                return s["other"]["claim_id"]
        return None

    def _sync_partners(self) -> None:
        for i, pane in enumerate(self.visible_panes()):
            if i == self.active:
                continue
            partner = self._best_partner(pane.view)
            if partner is not None and (pane.view.current_claim is None or pane.view.current_claim.id != partner):
                pane.view.select_claim(partner, user=False)
                self._update_title(pane)
        if self.info and self.info.suggestions and self.selected_suggestion:
            self._show_suggestion_partner()

    # -- inspector -----------------------------------------------------------------------------
    def _show_info(self, claim: Claim | None, keep_selection: bool = False) -> None:
        try:
            self.info = claim_info(self.ws, claim) if claim is not None else None
        except FactdeskError as exc:
            self.info = None
            self.notify(str(exc), severity="error", markup=False)
        if not keep_selection:
            self.selected_suggestion = 0
            prefer, self._prefer_kind = self._prefer_kind, None
            if prefer and self.info:
                for i, s in enumerate(self.info.suggestions):
                    if s["kind"] == prefer and s["status"] == "unreviewed":
                        self.selected_suggestion = i
                        break
        count = len(self.info.suggestions) if self.info else 0
        self.selected_suggestion = max(0, min(self.selected_suggestion, count - 1))
        self._render_inspector()

    def _render_inspector(self) -> None:
        view = self.active_view
        position = ""
        if view is not None and view.claims:
            position = f"{view.current + 1}/{len(view.claims)}"
        titles = getattr(self.app, "article_titles", {})
        self.query_one(Inspector).show(self.info, self.selected_suggestion, titles, position)

    def action_suggestion(self, step: int) -> None:
        self._ensure_current()
        if not self.info or not self.info.suggestions:
            self.notify("This claim has no suggestions.", markup=False)
            return
        n = len(self.info.suggestions)
        self.selected_suggestion = (self.selected_suggestion + step) % n
        self._render_inspector()
        self._show_suggestion_partner()

    def _show_suggestion_partner(self) -> bool:
        """Scroll the pane holding the selected suggestion's other claim to it (False: not open)."""
        if not self.info or not self.info.suggestions:
            return False
        other = self.info.suggestions[self.selected_suggestion]["other"]["claim_id"]
        for i, pane in enumerate(self.visible_panes()):
            if i != self.active and pane.view.claim_index(other) >= 0:
                pane.view.select_claim(other, user=False)
                self._update_title(pane)
                self.other = i
                return True
        return False

    @on(Inspector.TargetClicked)
    def _inspector_clicked(self, event: Inspector.TargetClicked) -> None:
        """A click selects a suggestion (again, or a double click, opens it); a link jumps to its claim."""
        self._ensure_current()
        kind = event.target[0]
        if kind == "suggestion" and self.info:
            index = int(event.target[1])
            if not 0 <= index < len(self.info.suggestions):
                return
            again = index == self.selected_suggestion
            self.selected_suggestion = index
            self._render_inspector()
            other = self.info.suggestions[index]["other"]
            if not self._show_suggestion_partner() and (again or event.chain >= 2):
                self.jump_to(other["claim_id"], other["article"])
        elif kind == "link":
            self.jump_to(event.target[1], event.target[2])

    def jump_to(self, claim_id: str, article_id: str) -> None:
        """Show ``claim_id`` in the pane holding its article, or open that article beside this one."""
        for i, pane in enumerate(self.visible_panes()):
            if i != self.active and pane.view.claim_index(claim_id) >= 0:
                pane.view.select_claim(claim_id, user=False)
                self.other = i
                return
        view = self.active_view
        if not article_id or view is None or view.article is None:
            return
        current = view.current_claim
        self.app.open_compare(  # type: ignore[attr-defined]
            [view.article.id, article_id], current.id if current is not None else claim_id, partner=claim_id
        )

    # -- actions -------------------------------------------------------------------------------
    def _act(self, what: Callable[[], Any], done: str | Callable[[Any], str] | None = None) -> Any:
        """Run one workspace action; notify its outcome or its one-line error; reload."""
        try:
            result = what()
        except FactdeskError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return None
        if done:
            message = done(result) if callable(done) else done
            self.notify(message, markup=False, timeout=3)
        self.reload(keep_selection=True)
        return result

    def _current(self) -> Claim | None:
        self._ensure_current()
        view = self.active_view
        claim = view.current_claim if view is not None else None
        if claim is None:
            self.notify("No claim selected in this pane.", severity="warning", markup=False)
        return claim

    def _pair(self) -> tuple[Claim, Claim] | None:
        a = self._current()
        if a is None:
            return None
        other = self.other_view
        b = other.current_claim if other is not None else None
        if b is None:
            self.notify(
                "Select a claim in another pane first (tab switches panes).", severity="warning", markup=False
            )
            return None
        return a, b

    def action_link(self, relation: str) -> None:
        pair = self._pair()
        if pair is None:
            return
        a, b = pair
        self._act(lambda: self.ws.link_claims(a.id, b.id, relation), f"Linked as {relation}: “{short(a.text, 40)}” ↔ “{short(b.text, 40)}”")

    async def action_link_chooser(self) -> None:
        pair = self._pair()
        if pair is None:
            return
        from factdesk.tui.screens.pickers import LinkChooser

        def chosen(relation: str | None) -> None:
            if relation:
                self.action_link(relation)

        await self.app.push_screen(LinkChooser(pair[0].text, pair[1].text), chosen)

    def action_unlink(self) -> None:
        pair = self._pair()
        if pair is None:
            return
        a, b = pair
        self._act(lambda: self.ws.unlink_claims(a.id, b.id), lambda ok: "Link removed" if ok else "These claims were not linked")

    def action_review(self, status: str) -> None:
        self._ensure_current()
        if not self.info or not self.info.suggestions:
            self.notify("This claim has no suggestion to review.", severity="warning", markup=False)
            return
        suggestion = self.info.suggestions[self.selected_suggestion]
        verb = "Accepted" if status == "accepted" else "Rejected"
        self._act(lambda: self.ws.review_suggestion(suggestion["id"], status), f"{verb} {suggestion['kind']} suggestion")

    async def action_annotate(self) -> None:
        claim = self._current()
        if claim is None:
            return
        from factdesk.tui.screens.annotate import Annotation, AnnotateModal

        note = self.ws.note(claim.id) or {}
        verdict = self.ws.verdict(claim.id)

        def saved(result: Annotation | None) -> None:
            if result is None:
                return
            outcome = self._act(lambda: self.ws.annotate(claim.id, result.note, result.tags, result.verdict))
            if outcome is None:
                return
            self.notify("Annotation saved" if outcome.get("changed") else "Nothing changed", markup=False, timeout=3)

        await self.app.push_screen(
            AnnotateModal(claim.text, note.get("text") or "", list(note.get("tags") or []), verdict), saved
        )

    async def action_verdict(self) -> None:
        claim = self._current()
        if claim is None:
            return
        from factdesk.tui.screens.pickers import CLEAR, VerdictPicker

        def picked(value: str | None) -> None:
            if value is None:
                return
            verdict = None if value == CLEAR else value
            self._act(lambda: self.ws.set_verdict(claim.id, verdict), f"Verdict: {verdict or 'cleared'}")

        await self.app.push_screen(VerdictPicker(self.ws.verdict(claim.id)), picked)

    def action_copy_claim(self) -> None:
        claim = self._current()
        view = self.active_view
        if claim is None or view is None or view.article is None:
            return
        text = citation(claim, view.article.title, view.article.path)
        how = copy_text(self.app, text)
        if how == "clipboard":
            self.notify(text, title="Copied to the clipboard", markup=False, timeout=4)
        elif how == "terminal":
            self.notify(text, title="Copied through the terminal (OSC 52)", markup=False, timeout=4)
        else:
            self.notify("No clipboard available; the citation is shown here instead:\n" + text, severity="warning", markup=False)

    def action_next_contradiction(self, step: int = 1) -> None:
        view = self.active_view
        self._prefer_kind = "contradiction"
        if view is None or not view.next_with_state({"contradicted", "suggested-contradiction"}, step):
            self._prefer_kind = None
            self.notify("No contradiction in this article.", markup=False)

    def action_next_suggestion(self) -> None:
        view = self.active_view
        if view is None or not view.next_with_state({"suggested", "suggested-contradiction"}):
            self.notify("No unreviewed suggestion in this article.", markup=False)

    def action_back(self) -> None:
        self.app.pop_screen()

    # -- refresh -------------------------------------------------------------------------------
    def reload(self, keep_selection: bool = True) -> None:
        """Re-read claim states and the inspector (after an action, undo, or another process)."""
        self._ensure_current()
        for pane in self.panes:
            view = pane.view
            if view.article is None:
                continue
            try:
                states = self.ws.claim_states(view.article.id)
                verdicts = verdicts_for(self.ws, view.article.id)
            except FactdeskError as exc:
                self.notify(str(exc), severity="error", markup=False)
                return
            view.set_states(states, verdicts)
        view = self.active_view
        self._show_info(view.current_claim if view else None, keep_selection=keep_selection)

    def on_workspace_changed(self, event: WorkspaceChanged) -> None:
        self.reload()

    def focus_claim(self, article_id: str, claim_id: str | None) -> bool:
        """Show a search hit if its article is open here; False when it is not."""
        for i, pane in enumerate(self.visible_panes()):
            if pane.view.article is not None and pane.view.article.id == article_id:
                pane.view.focus()
                self._activate(i)
                if claim_id:
                    pane.view.select_claim(claim_id)
                return True
        return False
