"""The inspector: the selected claim's spans, suggestions, links, note, verdict and history.

Display only; the compare screen owns the selection among the suggestions and the actions. All
user and article text goes in as plain ``Content`` parts (made visible first), never as markup.
"""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from factdesk.core.labels import span_label
from factdesk.core.models import SPAN_TYPES
from factdesk.core.textsafe import visible_line
from factdesk.tui.data import ClaimInfo

VERDICT_STYLES = {
    "accurate": "$success",
    "mostly-accurate": "$success",
    "misleading": "$warning",
    "inaccurate": "$error",
    "disputed": "$warning",
    "unverifiable": "$text-muted",
    "unverified": "$text-muted",
}


def short(text: str, width: int = 160) -> str:
    flat = " ".join(visible_line(text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def inspector_content(
    info: ClaimInfo | None,
    selected: int,
    titles: dict[str, str],
    position: str = "",
) -> Content:
    """The inspector text for one claim (``selected`` = index of the highlighted suggestion)."""
    if info is None:
        return Content.assemble(("No claim selected.", "$text-muted"))
    claim = info.claim
    parts: list[tuple[str, str] | str] = []

    def heading(text: str, extra: str = "") -> None:
        parts.append(("\n" + text, "bold $accent"))
        if extra:
            parts.append(("  " + extra, "$text-muted"))
        parts.append("\n")

    parts.append(("CLAIM", "bold $accent"))
    parts.append((f"  {position}  score {claim.score:.2f}  chars {claim.start}–{claim.end}\n", "$text-muted"))
    parts.append(("“" + short(claim.text, 600) + "”\n", "italic"))

    heading("SPANS")
    if not claim.spans:
        parts.append(("  none\n", "$text-muted"))
    order = {t: i for i, t in enumerate(SPAN_TYPES)}
    for span in sorted(claim.spans, key=lambda s: (order.get(s.type, 9), s.start)):
        parts.append((f"  {span.type:<12}", "$text-muted"))
        parts.append((short(span_label(span), 60), "bold"))
        parts.append((f"  “{short(span.text, 40)}”\n", "$text-muted"))

    unreviewed = sum(1 for s in info.suggestions if s["status"] == "unreviewed")
    heading("SUGGESTIONS", f"{unreviewed} unreviewed · [ ] select · a accept · r reject" if info.suggestions else "")
    if not info.suggestions:
        parts.append(("  none\n", "$text-muted"))
    for i, s in enumerate(info.suggestions):
        marker = "▶ " if i == selected else "  "
        kind = s["kind"] + (f" ({s['ctype']})" if s.get("ctype") else "")
        kind_style = "bold $error" if s["kind"] == "contradiction" else "bold $primary"
        parts.append((marker, "bold $accent"))
        parts.append((kind, kind_style if i == selected else kind_style.replace("bold ", "")))
        parts.append((f"  {float(s['score']):.2f}  ", ""))
        status_style = {"accepted": "$success", "rejected": "$error"}.get(s["status"], "$warning")
        parts.append((s["status"] + "\n", status_style))
        other = s["other"]
        title = titles.get(other["article"], other["path"])
        parts.append(("    " + short(title, 50) + ": ", "$text-muted"))
        parts.append(("“" + short(other["text"], 200 if i == selected else 90) + "”\n", ""))
        if s["reasons"]:
            reasons = "; ".join(str(r) for r in s["reasons"])
            parts.append(("    " + short(reasons, 240 if i == selected else 100) + "\n", "$text-muted"))

    heading("LINKS")
    if not info.links:
        parts.append(("  none\n", "$text-muted"))
    for lk in info.links:
        rel_style = "bold $error" if lk["relation"] == "contradicts" else "bold $success"
        parts.append((f"  {lk['relation']:<12}", rel_style))
        title = titles.get(lk["other_article"] or "", "")
        if title:
            parts.append((short(title, 40) + ": ", "$text-muted"))
        parts.append(("“" + short(lk["other_text"], 120) + "”\n", ""))

    heading("NOTE")
    note = info.note
    if not note:
        parts.append(("  none — press e to annotate\n", "$text-muted"))
    else:
        if note.get("tags"):
            parts.append(("  tags: " + short(", ".join(note["tags"]), 100) + "\n", "$secondary"))
        for line in str(note.get("text", "")).splitlines() or [""]:
            parts.append(("  " + visible_line(line) + "\n", ""))

    heading("VERDICT")
    if info.verdict:
        parts.append(("  " + info.verdict + "\n", "bold " + VERDICT_STYLES.get(info.verdict, "")))
    else:
        parts.append(("  none — press v to set one\n", "$text-muted"))

    heading("HISTORY")
    if not info.history:
        parts.append(("  nothing yet\n", "$text-muted"))
    for h in info.history:
        when = str(h.get("at") or "")[11:16]
        parts.append((f"  {when} ", "$text-muted"))
        parts.append((short(h["summary"], 120) + "\n", ""))
    return Content.assemble(*parts)


class Inspector(VerticalScroll, can_focus=False):
    """Scrollable panel showing :func:`inspector_content`."""

    def compose(self):
        yield Static(id="inspector-body")

    def show(self, info: ClaimInfo | None, selected: int, titles: dict[str, str], position: str = "") -> None:
        self.query_one("#inspector-body", Static).update(inspector_content(info, selected, titles, position))

    @property
    def text(self) -> str:
        """The plain text shown (for tests)."""
        return str(self.query_one("#inspector-body", Static).visual)
