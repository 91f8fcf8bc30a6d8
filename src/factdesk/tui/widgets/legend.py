"""The highlight legend: span types, claim states and verdict badges, in the article view's styles."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from factdesk.core.models import SPAN_TYPES
from factdesk.tui.widgets.article_view import STATE_MARKS, VERDICT_MARKS

STATE_LABELS = {
    "contradicted": "contradicted",
    "suggested-contradiction": "possible contradiction",
    "linked": "linked",
    "suggested": "suggested link",
}


class Legend(Widget):
    """One or two lines explaining every highlight and gutter mark."""

    COMPONENT_CLASSES = {
        *(f"legend--{t}" for t in SPAN_TYPES),
        *(f"legend--mark-{s}" for s, _ in STATE_MARKS),
        "legend--claim",
        "legend--current",
        "legend--verdict",
        "legend--dim",
    }

    def __init__(self, *, compact: bool = False, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.compact = compact

    def render(self) -> Content:
        style = lambda name: self.get_visual_style(f"legend--{name}", partial=True)  # noqa: E731
        dim = style("dim")
        parts: list = [("claim", style("claim")), " ", ("current", style("current")), "  "]
        for t in SPAN_TYPES:
            parts += [(t, style(t)), " "]
        parts.append(("│ ", dim))
        for state, mark in STATE_MARKS:
            parts += [(mark, style(f"mark-{state}")), (f" {STATE_LABELS[state]}  ", dim)]
        parts.append(("│ ", dim))
        for verdict, mark in VERDICT_MARKS.items():
            parts += [(mark, style("verdict")), (f" {verdict} ", dim)]
        parts += [("*", style("verdict")), (" note", dim)]
        return Content.assemble(*parts)
