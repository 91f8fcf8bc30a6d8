"""The report as one self-contained HTML page: inline CSS with a print stylesheet, no script.

Every piece of data is escaped (``html.escape`` with quotes) after control characters are made
visible, and a Content-Security-Policy forbids scripts and remote loads altogether, so an article
containing ``<script>`` shows it as text. Contradictions put the two claims side by side (stacked
on narrow screens); printed, sections avoid breaking a claim across pages.
"""

from __future__ import annotations

from html import escape as _escape

from factdesk.core.models import VERDICTS
from factdesk.core.textsafe import visible_keep_newlines, visible_line
from factdesk.export.model import ClaimInfo, Report, SuggestionInfo, location_label, scope_label, verdict_label

CSS = """
:root { --ink: #1b1b1b; --muted: #5c5c5c; --line: #d0d0d0; --accent: #0b5cad; --bad: #a4262c; --ok: #2e7d32; }
* { box-sizing: border-box; }
body { font: 16px/1.5 Georgia, "Times New Roman", serif; color: var(--ink); background: #fff; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3, .meta, .loc, table, .badge, footer { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 1.8rem; margin-bottom: .2rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
.meta, .loc, .muted { color: var(--muted); font-size: .9rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; border-bottom: 1px solid var(--line); padding: .3rem .4rem; vertical-align: top; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.claim { border: 1px solid var(--line); border-left: 4px solid var(--accent); padding: .6rem .8rem; margin: .6rem 0; break-inside: avoid; page-break-inside: avoid; }
.contradiction .claim { border-left-color: var(--bad); }
blockquote { margin: .4rem 0; padding: 0; font-size: 1.05rem; white-space: pre-wrap; overflow-wrap: anywhere; }
blockquote::before { content: "\\201C"; } blockquote::after { content: "\\201D"; }
.note { white-space: pre-wrap; overflow-wrap: anywhere; }
.badge { display: inline-block; border-radius: .25rem; padding: 0 .4rem; font-size: .8rem; border: 1px solid currentColor; }
.open { color: var(--bad); } .resolved { color: var(--ok); }
.unreviewed .claim { border-left-color: var(--line); border-style: dashed; }
ul.summary { padding-left: 1.2rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .6rem; margin: .3rem 0; font-size: .95rem; }
dt { font-weight: bold; } dd { margin: 0; }
footer { margin-top: 3rem; color: var(--muted); font-size: .8rem; }
@media (max-width: 40rem) { .pair { grid-template-columns: 1fr; } }
@media print {
  body { font-size: 10.5pt; max-width: none; margin: 0; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  section.contradiction, section.fact, section.suggestion { break-inside: avoid; page-break-inside: avoid; }
  .claim { border-left-width: 3pt; }
  a { color: inherit; text-decoration: none; }
}
""".strip()


def esc(text: object) -> str:
    """Escape one line of data (controls visible, newlines as spaces)."""
    return _escape(visible_line("" if text is None else str(text)), quote=True)


def esc_block(text: object) -> str:
    """Escape multi-line data (newlines kept; the CSS preserves them)."""
    return _escape(visible_keep_newlines("" if text is None else str(text)), quote=True)


def _lang(value: str | None) -> str:
    return f' lang="{esc(value)}"' if value else ""


class _Page:
    def __init__(self, report: Report) -> None:
        self.report = report
        self.anchored: set[str] = set()
        self.out: list[str] = []

    def add(self, *lines: str) -> None:
        self.out.extend(lines)

    def claim(self, claim: ClaimInfo, label: str = "", *, analyst: bool = True) -> None:
        anchor = ""
        if claim.id not in self.anchored:
            self.anchored.add(claim.id)
            anchor = f' id="claim-{esc(claim.id)}"'
        art = claim.article
        outlet = f" ({esc(art.outlet)})" if art.outlet else ""
        lead = f"<strong>{esc(label)}</strong> · " if label else ""
        self.add(f'<div class="claim"{anchor}>')
        self.add(
            f'<div class="loc">{lead}<cite>{esc(art.title)}</cite>{outlet} — '
            f"{esc(location_label(claim.location, claim.start, claim.end))} · claim {esc(claim.id)}</div>"
        )
        self.add(f'<blockquote dir="auto"{_lang(claim.language)}>{esc(claim.text)}</blockquote>')
        rows = []
        if claim.sources:
            rows.append(("Attributed to", esc(", ".join(claim.sources))))
        if analyst and claim.verdict:
            rows.append(("Verdict", f"<strong>{esc(claim.verdict['label'])}</strong>"))
        if analyst and claim.note:
            if claim.note["text"].strip():
                rows.append(("Note", f'<span class="note" dir="auto">{esc_block(claim.note["text"].rstrip())}</span>'))
            if claim.note["tags"]:
                rows.append(("Tags", esc(", ".join(claim.note["tags"]))))
        if rows:
            self.add("<dl>")
            for name, value in rows:
                self.add(f"<dt>{esc(name)}:</dt><dd>{value}</dd>")
            self.add("</dl>")
        self.add("</div>")


def _suggestion_title(s: SuggestionInfo) -> str:
    kind = "possible contradiction" if s.kind == "contradiction" else "possible match"
    ctype = f" ({s.ctype})" if s.ctype else ""
    return f"{kind}{ctype}, score {s.score:.2f}"


def render_html(report: Report) -> str:
    page = _Page(report)
    s = report.summary
    k = s["contradictions"]
    page.add(
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
        '<meta name="referrer" content="no-referrer">',
        f"<title>{esc(report.title)} — {esc(report.workspace)}</title>",
        f"<style>\n{CSS}\n</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{esc(report.title)}</h1>",
        f'<p class="meta">Generated: {esc(report.generated)}<br>Workspace: {esc(report.workspace)}'
        f"<br>Scope: {esc(scope_label(report))}</p>",
        "</header>",
        '<section id="articles">',
        "<h2>Articles reviewed</h2>",
    )
    if report.articles:
        page.add(
            "<table>",
            "<thead><tr><th>#</th><th>Title</th><th>Outlet</th><th>Language</th><th>Date</th><th>File</th></tr></thead>",
            "<tbody>",
        )
        for art in report.articles:
            url = f'<br><span class="muted">{esc(art.url)}</span>' if art.url else ""
            page.add(
                f"<tr><td>{art.number}</td><td{_lang(art.language)}>{esc(art.title)}{url}</td>"
                f"<td>{esc(art.outlet or '—')}</td><td>{esc(art.language or '—')}</td>"
                f"<td>{esc(art.published or '—')}</td><td>{esc(art.file)}<br><span class=\"muted\">article {esc(art.id)}</span></td></tr>"
            )
        page.add("</tbody>", "</table>")
    else:
        page.add("<p>No articles in scope.</p>")
    page.add("</section>")

    verdicts = [f"{verdict_label(v).lower()} {s['verdicts'][v]}" for v in VERDICTS if s["verdicts"][v]]
    sugg = s["suggestions"]
    page.add(
        '<section id="summary">',
        "<h2>Summary</h2>",
        '<ul class="summary">',
        f"<li>Articles: {s['articles']}</li>",
        f"<li>Claims: {s['claims']} ({s['reviewed_claims']} reviewed, {s['notes']} with a note)</li>",
        f"<li>Links confirmed: {s['links_confirmed']} (grouped into {s['facts']} facts)</li>",
        f"<li>Contradictions: {k['total']} ({k['open']} open, {k['resolved']} resolved)</li>",
        f"<li>Verdicts: {esc(', '.join(verdicts) if verdicts else 'none')}</li>",
        f"<li>Suggestions: {sugg['accepted']} accepted, {sugg['rejected']} rejected, {sugg['unreviewed']} unreviewed"
        " (listed last, not findings)</li>",
        "</ul>",
        '<p class="muted">A contradiction is resolved when both claims carry a verdict (other than unverified),'
        " when the analyst's note on the link explains it, or when a note on either claim is tagged"
        " “resolved” or “explained”; otherwise it is open.</p>",
        "</section>",
        '<section id="contradictions">',
        "<h2>Contradictions</h2>",
    )
    if not report.contradictions:
        page.add("<p>No confirmed contradictions.</p>")
    for item in report.contradictions:
        link = item.link
        page.add(
            '<section class="contradiction">',
            f'<h3>Contradiction {item.number} <span class="badge {item.status}">{item.status}</span></h3>',
        )
        meta = [f"Origin: {link.origin}"]
        if link.suggestion is not None:
            meta.append(f"suggestion {link.suggestion.id}" + (f" ({link.suggestion.ctype})" if link.suggestion.ctype else ""))
            meta.append(f"score {link.suggestion.score:.2f}")
        page.add(f'<p class="meta">{esc(" · ".join(meta))}</p>', '<div class="pair">')
        page.claim(link.a, "A")
        page.claim(link.b, "B")
        page.add("</div>")
        if link.note:
            page.add(f'<p><strong>Link note:</strong> <span class="note" dir="auto">{esc_block(link.note.rstrip())}</span></p>')
        if link.suggestion is not None and link.suggestion.reasons:
            page.add(f'<p class="muted">Why it was suggested: {esc("; ".join(link.suggestion.reasons))}</p>')
        resolution = f" — {esc(item.resolution)}" if item.resolution else ""
        page.add(f'<p>Status: <strong class="{item.status}">{item.status}</strong>{resolution}</p>', "</section>")
    page.add("</section>", '<section id="links">', "<h2>Confirmed links</h2>")
    if not report.facts:
        page.add("<p>No confirmed links.</p>")
    for fact in report.facts:
        n_art = len(fact.articles)
        page.add(
            f'<section class="fact" id="fact-{esc(fact.id)}">',
            f"<h3>Fact {fact.number} — {len(fact.claims)} claims in {n_art} article{'s' if n_art != 1 else ''}</h3>",
            '<ul class="meta">',
        )
        for link in fact.links:
            note = f"; note: {esc(link.note)}" if link.note else ""
            page.add(f"<li>{esc(link.a.id)} {esc(link.relation)} {esc(link.b.id)} ({esc(link.origin)}{note})</li>")
        page.add("</ul>")
        for claim in fact.claims:
            page.claim(claim)
        page.add("</section>")
    page.add("</section>", '<section id="annotated">', "<h2>Other annotated claims</h2>")
    if not report.annotated:
        page.add("<p>None.</p>")
    for claim in report.annotated:
        page.claim(claim)
    page.add(
        "</section>",
        '<section id="unreviewed" class="unreviewed">',
        "<h2>Unreviewed suggestions</h2>",
        '<p class="muted">Computed automatically and not reviewed by anyone: these are leads, not findings.</p>',
    )
    if not report.unreviewed:
        page.add("<p>None.</p>")
    for sugg_item in report.unreviewed:
        page.add(
            '<section class="suggestion">',
            f"<h3>Suggestion {esc(sugg_item.id)} — {esc(_suggestion_title(sugg_item))}</h3>",
            '<div class="pair">',
        )
        page.claim(sugg_item.a, "A", analyst=False)
        page.claim(sugg_item.b, "B", analyst=False)
        page.add("</div>")
        if sugg_item.reasons:
            page.add(f'<p class="muted">Why: {esc("; ".join(sugg_item.reasons))}</p>')
        page.add("</section>")
    page.add("</section>")
    if report.rejected:
        page.add('<section id="rejected">', "<h2>Rejected suggestions</h2>", "<ul>")
        for r in report.rejected:
            page.add(
                f"<li>{esc(r.id)} — {esc(_suggestion_title(r))}: {esc(r.a.id)} (<cite>{esc(r.a.article.title)}</cite>)"
                f" and {esc(r.b.id)} (<cite>{esc(r.b.article.title)}</cite>)</li>"
            )
        page.add("</ul>", "</section>")
    page.add(f"<footer>{esc(report.title)} · workspace {esc(report.workspace)} · made with factdesk</footer>")
    page.add("</body>", "</html>")
    return "\n".join(page.out) + "\n"
