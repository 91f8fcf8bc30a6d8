"""Article and analyst text is data: it cannot become HTML, Markdown links or terminal escapes."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from factdesk.core.models import Article, Claim, claim_id
from factdesk.core.textsafe import visible_line
from factdesk.export import render_report
from factdesk.export.markdown import escape

HOSTILE = 'Mayor said <script>alert(1)</script> & "quoted" <img src=x onerror=alert(2)> [x](javascript:alert(3)) \x1b]52;c;AAAA\x07 \u202eevil.'


def _add_hostile(ws) -> str:
    text = "Hostile\n\n" + HOSTILE + "\n"
    start = text.index("Mayor")
    sentence = text[start : text.index("evil.") + 5]
    art = Article(id="hostile1", title='<b>Title</b> & "co"', text=text, path="hostile.txt", language="en", source="<i>Outlet</i>")
    cid = claim_id(art.id, sentence)
    ws.add_article(art, [Claim(id=cid, article_id=art.id, start=start, end=start + len(sentence), text=sentence)], "t")
    ws.set_note(cid, 'Note with <em>HTML</em> & "quotes"\n<script>bad()</script>', ["<tag>"])
    ws.set_verdict(cid, "misleading")
    return cid


def test_html_escapes_everything(ws):
    _add_hostile(ws)
    page = render_report(ws, "html")
    assert "<script" not in page.lower().replace("&lt;script", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "&amp; &quot;quoted&quot;" in page
    assert "Note with &lt;em&gt;HTML&lt;/em&gt; &amp; &quot;quotes&quot;" in page
    assert "&lt;script&gt;bad()&lt;/script&gt;" in page
    assert "&lt;b&gt;Title&lt;/b&gt; &amp; &quot;co&quot;" in page
    assert "<em>" not in page and "<img" not in page and "<i>" not in page
    assert "\x1b" not in page and "\u202e" not in page
    # self-contained: no script, no external assets, scripts forbidden by policy
    assert not re.search(r"<[^<>]*\b(src|href|on\w+)\s*=", page), "no tag loads or runs anything"
    assert "@import" not in page and "url(" not in page
    assert "default-src 'none'" in page and "@media print" in page


def test_markdown_cannot_inject_links_or_html(ws):
    _add_hostile(ws)
    md = render_report(ws, "md")
    assert not re.search(r"(?<!\\)[<\[]", md), "every < and [ from the data is escaped"
    assert "\\<script\\>alert(1)\\</script\\>" in md and "\\<em\\>HTML\\</em\\>" in md
    assert "[x](" not in md and "\\[x\\](javascript:alert(3))" in md
    assert "\\[the fund\\](http://evil.example/pay)" in md
    assert "\x1b" not in md and "\u202e" not in md
    assert "> \\=SUM(A1:A9) was painted" in md


def test_json_formats_keep_exact_text_but_escape_controls(ws):
    import json

    cid = _add_hostile(ws)
    sentence = HOSTILE.rstrip()

    def strings(node):
        if isinstance(node, dict):
            for v in node.values():
                yield from strings(v)
        elif isinstance(node, list):
            for v in node:
                yield from strings(v)
        elif isinstance(node, str):
            yield node

    for fmt in ("json", "annotations", "claimreview"):
        raw = render_report(ws, fmt)
        assert "\x1b" not in raw and "\u202e" not in raw and "\\u202e" in raw
        assert sentence in set(strings(json.loads(raw))), f"{fmt} keeps the exact claim text"
    data = json.loads(render_report(ws, "json"))
    assert data["claims"][cid]["text"].endswith("\u202eevil.")


@given(st.text(alphabet=st.sampled_from(list("ab #=+-1.)\\`*_[]<>|~!()&\n\t\x1b")), max_size=40))
def test_markdown_escape_property(text):
    out = escape(text)
    assert "\n" not in out
    # removing the escapes gives back the visible text, and no special character is left bare
    assert re.sub(r"\\(.)", r"\1", out) == visible_line(text)
    bare = re.sub(r"\\.", "", out)
    assert not set(bare) & set("\\`*_[]<>|~")
    assert not re.match(r"\s*([#+=-]|\d+[.)])", out)


def test_markdown_renders_without_links_or_html(ws):
    markdown_it = __import__("pytest").importorskip("markdown_it")
    _add_hostile(ws)
    rendered = markdown_it.MarkdownIt("commonmark").render(render_report(ws, "md"))
    assert "<a " not in rendered and "<script" not in rendered and "<img" not in rendered
    assert "<em>HTML" not in rendered and "<b>" not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert rendered.count("<blockquote>") >= 10
    assert "<h1>" in rendered and rendered.count("<h1>") == 1, "article text cannot add headings"


def test_html_is_well_formed(ws):
    from html.parser import HTMLParser

    _add_hostile(ws)
    void = {"meta", "br", "link", "img", "hr", "input"}

    class Checker(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.stack: list[str] = []
            self.errors: list[str] = []

        def handle_starttag(self, tag, attrs):
            if tag not in void:
                self.stack.append(tag)

        def handle_endtag(self, tag):
            if self.stack and self.stack[-1] == tag:
                self.stack.pop()
            else:
                self.errors.append(f"{tag} at {self.getpos()}")

    checker = Checker()
    checker.feed(render_report(ws, "html"))
    assert checker.stack == [] and checker.errors == []
