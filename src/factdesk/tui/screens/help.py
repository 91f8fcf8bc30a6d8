"""Help: every binding (with the keys currently in effect, keymap included) and the highlight legend."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from factdesk.tui.widgets.legend import Legend


def binding_sections() -> list[tuple[str, list[Binding]]]:
    """The bindings of every screen and widget, grouped as the help shows them."""
    from factdesk.tui.app import FactdeskApp
    from factdesk.tui.screens.annotate import AnnotateModal
    from factdesk.tui.screens.compare import MOVE_BINDINGS, CompareScreen
    from factdesk.tui.screens.library import LibraryScreen
    from factdesk.tui.screens.pickers import LinkChooser, VerdictPicker
    from factdesk.tui.screens.report import ReportScreen
    from factdesk.tui.widgets.article_list import ArticleList
    from factdesk.tui.widgets.event_list import EventList

    def of(*owners: type) -> list[Binding]:
        out: list[Binding] = []
        for owner in owners:
            out += [b for b in owner.BINDINGS if isinstance(b, Binding)]
        return out

    return [
        ("Everywhere", of(FactdeskApp)),
        ("Library", of(LibraryScreen, ArticleList) + [b for b in of(EventList) if b.id == "events-open"]),
        ("Compare: claims", list(MOVE_BINDINGS)),
        ("Compare: actions", [b for b in of(CompareScreen) if b not in MOVE_BINDINGS]),
        ("Annotate", of(AnnotateModal)),
        ("Verdict picker", of(VerdictPicker)),
        ("Link chooser", of(LinkChooser)),
        ("Report", of(ReportScreen)),
    ]


class HelpScreen(ModalScreen[None]):
    """Key reference; escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close", tooltip="Close the help.", id="help-close"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-body", id="help-body") as body:
            body.border_title = "factdesk — keys"
            body.border_subtitle = "esc close · ctrl+p every command"
            with VerticalScroll(id="help-scroll"):
                yield Static(self._keys_content(), id="help-keys")
                yield Static(Content.assemble(("\nHighlights", "bold $accent")))
                yield Legend(id="help-legend")

    def _keys_content(self) -> Content:
        keymap: dict[str, str] = dict(getattr(self.app, "keymap_overrides", {}) or {})
        parts: list = []
        for title, bindings in binding_sections():
            parts.append((f"{title}\n", "bold $accent"))
            seen: set[str] = set()
            for binding in bindings:
                if binding.id and binding.id in seen:
                    continue
                if binding.id:
                    seen.add(binding.id)
                keys = keymap.get(binding.id or "", binding.key)
                shown = " ".join(
                    self.app.get_key_display(Binding(k.strip(), "")) for k in keys.split(",") if k.strip()
                )
                description = binding.tooltip or binding.description or binding.action
                parts.append((f"  {shown:<18}", "bold"))
                parts.append((f"{description}", ""))
                if binding.id:
                    parts.append((f"  [{binding.id}]", "$text-muted"))
                parts.append("\n")
        return Content.assemble(*parts)

    def action_close(self) -> None:
        self.dismiss(None)
