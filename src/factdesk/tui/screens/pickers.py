"""Small choosers: the verdict picker (digits 1–7), the link relation chooser, and a yes/no confirm.

Their one-key answers are priority bindings that wait for the chooser to close: in a fast burst
("v 3 j", "l s j") the keys after the answer reach the screen underneath, not the closing chooser.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from factdesk.core.models import VERDICTS
from factdesk.tui.widgets.inspector import short

CLEAR = ""
"""Picker result meaning "remove the verdict"."""


class VerdictPicker(ModalScreen[str | None]):
    """Choose a verdict: digits 1–7 pick at once, 0 clears, enter picks the highlighted one."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without changing the verdict.", id="verdict-cancel"),
        *(
            Binding(str(i), f"pick({i})", name, show=False, tooltip=f"Set the verdict to {name}.", id=f"verdict-{i}", priority=True)
            for i, name in enumerate(VERDICTS, start=1)
        ),
        Binding("0", "pick(0)", "Clear", show=False, tooltip="Remove the verdict.", id="verdict-clear", priority=True),
    ]

    def __init__(self, current: str | None = None) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-body", id="verdict-body") as body:
            body.border_title = "Verdict"
            body.border_subtitle = "1–7 choose · 0 clear · esc cancel"
            options = [
                Option(Content(f"{i}  {name}" + ("  (current)" if name == self.current else "")), id=name)
                for i, name in enumerate(VERDICTS, start=1)
            ]
            options.append(Option(Content("0  clear the verdict"), id="clear"))
            yield OptionList(*options, id="verdict-options")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if self.current in VERDICTS:
            options.highlighted = VERDICTS.index(self.current)

    async def action_pick(self, number: int) -> None:
        await self.dismiss(CLEAR if number == 0 else VERDICTS[number - 1])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(CLEAR if event.option.id == "clear" else event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class LinkChooser(ModalScreen[str | None]):
    """Choose how two claims relate: s same, p supports, c contradicts."""

    BINDINGS = [
        Binding("s,=", "pick('same')", "Same", tooltip="Both claims state the same thing.", id="chooser-same", priority=True),
        Binding("p,+", "pick('supports')", "Supports", tooltip="This claim supports the other.", id="chooser-supports", priority=True),
        Binding("c,!", "pick('contradicts')", "Contradicts", tooltip="The claims contradict each other.", id="chooser-contradicts", priority=True),
        Binding("escape", "cancel", "Cancel", tooltip="Close without linking.", id="chooser-cancel"),
    ]

    def __init__(self, left: str, right: str) -> None:
        super().__init__()
        self.left = left
        self.right = right

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-body", id="link-body") as body:
            body.border_title = "Link claims"
            body.border_subtitle = "s same · p supports · c contradicts · esc cancel"
            yield Static(Content.assemble(("this pane  ", "$text-muted"), "“" + short(self.left, 300) + "”"))
            yield Static(Content.assemble(("other pane ", "$text-muted"), "“" + short(self.right, 300) + "”"))
            yield Static(
                Content.assemble(
                    ("s", "bold $accent"), " same    ", ("p", "bold $accent"), " supports    ",
                    ("c", "bold $accent"), " contradicts",
                ),
                id="link-keys",
            )

    async def action_pick(self, relation: str) -> None:
        await self.dismiss(relation)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmModal(ModalScreen[bool]):
    """A yes/no question (y / enter = yes, n / escape = no)."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", tooltip="Confirm.", id="confirm-yes", priority=True),
        Binding("n,escape", "answer(False)", "No", tooltip="Cancel.", id="confirm-no", priority=True),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-body", id="confirm-body") as body:
            body.border_title = "Confirm"
            body.border_subtitle = "y yes · n no"
            yield Static(Content(self.question))

    async def action_answer(self, yes: bool) -> None:
        await self.dismiss(yes)
