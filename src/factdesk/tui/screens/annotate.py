"""The annotate modal: a note, tags and a verdict for one claim (ctrl+s saves, escape cancels)."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, RadioButton, RadioSet, Static, TextArea

from factdesk.core.models import VERDICTS
from factdesk.tui.widgets.inspector import quoted


@dataclass(frozen=True, slots=True)
class Annotation:
    """What the analyst saved: the note text, its tags and the verdict (None = no verdict)."""

    note: str
    tags: list[str] = field(default_factory=list)
    verdict: str | None = None


def parse_tags(text: str) -> list[str]:
    """``"casualties, OSDH ,"`` → ``["OSDH", "casualties"]`` (order kept, duplicates dropped)."""
    seen: dict[str, None] = {}
    for raw in text.replace(";", ",").split(","):
        tag = " ".join(raw.split())
        if tag:
            seen.setdefault(tag, None)
    return list(seen)


class AnnotateModal(ModalScreen[Annotation | None]):
    """Edit the note, tags and verdict of a claim."""

    AUTO_FOCUS = "#note"

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", tooltip="Save the note, tags and verdict.", id="annotate-save"),
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving.", id="annotate-cancel"),
        Binding("tab", "field(1)", "Next field", show=False, tooltip="Move to the next field.", id="annotate-next-field", priority=True),
        Binding("shift+tab", "field(-1)", "Previous field", show=False, tooltip="Move to the previous field.", id="annotate-prev-field", priority=True),
    ]
    """``tab`` moves focus at once (a priority binding), so text typed right after it in a fast burst
    lands in the next field; ``ctrl+s`` is an ordinary binding, handled after the keys before it."""

    def __init__(self, claim_text: str, note: str = "", tags: list[str] | None = None, verdict: str | None = None) -> None:
        super().__init__()
        self.claim_text = claim_text
        self.note = note
        self.tags = tags or []
        self.verdict = verdict

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-body", id="annotate-body") as body:
            body.border_title = "Annotate claim"
            body.border_subtitle = "ctrl+s save · esc cancel · tab next field"
            yield Static(Content(quoted(self.claim_text, 400)), classes="modal-claim")
            yield Label("Note")
            yield TextArea(self.note, id="note", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
            with Horizontal(id="annotate-row"):
                with Vertical(id="annotate-tags"):
                    yield Label("Tags (comma-separated)")
                    yield Input(", ".join(self.tags), id="tags", placeholder="e.g. casualties, OSDH")
                with Vertical(id="annotate-verdict"):
                    yield Label("Verdict")
                    with RadioSet(id="verdict"):
                        yield RadioButton("(none)", value=self.verdict is None, id="verdict-none")
                        for name in VERDICTS:
                            yield RadioButton(name, value=self.verdict == name, id=f"verdict-{name}")

    def action_field(self, step: int) -> None:
        if step > 0:
            self.focus_next()
        else:
            self.focus_previous()

    def on_mount(self) -> None:
        # Focus the note now (not after the next refresh): keys typed right after the key that
        # opened the modal are already on their way and must land in the note.
        self.set_focus(self.query_one("#note", TextArea))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        note = self.query_one("#note", TextArea).text
        tags = parse_tags(self.query_one("#tags", Input).value)
        pressed = self.query_one("#verdict", RadioSet).pressed_button
        verdict = None
        if pressed is not None and pressed.id and pressed.id != "verdict-none":
            verdict = pressed.id.removeprefix("verdict-")
        self.dismiss(Annotation(note=note, tags=tags, verdict=verdict))

    def action_cancel(self) -> None:
        self.dismiss(None)
