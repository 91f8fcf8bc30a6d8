"""A pane of the compare view: a title bar over an :class:`ArticleView`."""

from __future__ import annotations

from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from factdesk.core.models import Article
from factdesk.core.textsafe import visible_line
from factdesk.tui.data import basename
from factdesk.tui.widgets.article_view import ArticleView


class ArticlePane(Vertical):
    """Title bar (language, title, outlet, date, claim position) and the article itself."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.title_bar = Static(classes="pane-title")
        self.view = ArticleView(classes="article-view")
        self._title_key: tuple[str, str] | None = None

    def compose(self):
        yield self.title_bar
        yield self.view

    def set_title(self, article: Article, position: str) -> None:
        """Show the article's title bar (a no-op when nothing changed: no repaint)."""
        key = (article.id, position)
        if key == self._title_key:
            return
        self._title_key = key
        meta = " · ".join(
            x for x in (article.source or "", (article.published or "")[:10], basename(article.path)) if x
        )
        self.title_bar.update(
            Content.assemble(
                ((article.language or "??").upper() + " ", "bold $text-accent"),
                (position + "  ", "$text-muted"),
                (visible_line(article.title or basename(article.path)), "bold"),
                ("  " + visible_line(meta), "$text-muted"),
            ),
            layout=False,
        )
