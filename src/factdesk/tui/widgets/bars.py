"""The title line and the key line: one widget each, painted as a single line of text.

Textual's ``Header`` and ``Footer`` build a small widget tree (the footer one widget per key,
rebuilt whenever the focus changes the active bindings); restyling and recomposing that tree was
the largest single cost of showing a screen. These two render the same information directly.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widget import Widget

from factdesk.core.textsafe import visible_line


class TitleBar(Widget):
    """``title — subtitle`` of the app, centred on one line."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        height: 1;
        width: 1fr;
        background: $panel;
        color: $foreground;
        text-align: center;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._changed, init=False)
        self.watch(self.app, "sub_title", self._changed, init=False)

    def _changed(self) -> None:
        self.refresh()

    def render(self) -> Text:
        title = visible_line(self.app.title)
        sub = visible_line(self.app.sub_title)
        text = Text(title, style="bold", no_wrap=True, overflow="ellipsis", end="")
        if sub:
            text.append(" — ")
            text.append(sub, style="dim")
        return text


class KeyBar(Widget):
    """The keys of the focused widget, its screen and the app: ``key Description`` pairs.

    Follows the screen's ``bindings_updated_signal`` like Textual's ``Footer``, but only
    recomputes a list of strings and repaints one line. A click on a key presses it.
    """

    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--disabled"}

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 1fr;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        text-style: bold;
    }
    KeyBar > .key-bar--description {
        color: $footer-description-foreground;
    }
    KeyBar > .key-bar--disabled {
        color: $text-disabled;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.items: list[tuple[str, str, str, bool]] = []
        """``(key to press, key as shown, description, enabled)`` in display order."""
        self._spans: list[tuple[int, int, str]] = []
        """``(start column, end column, key)`` of each painted item, for clicks."""
        self._shown: dict[tuple[str, str | None], str] = {}
        """Key → how it is shown (``App.get_key_display`` is slow enough to matter on every focus change)."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.items = self.collect()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        items = self.collect()
        if items != self.items:
            self.items = items
            self.refresh()

    def _display(self, binding) -> str:
        cache_key = (binding.key, binding.key_display)
        shown = self._shown.get(cache_key)
        if shown is None:
            shown = self._shown[cache_key] = self.app.get_key_display(binding)
        return shown

    def collect(self) -> list[tuple[str, str, str, bool]]:
        """The shown bindings now active, one per action (first key wins), palette key last."""
        app = self.app
        active = self.screen.active_bindings
        seen: set[str] = set()
        items: list[tuple[str, str, str, bool]] = []
        palette: tuple[str, str, str, bool] | None = None
        for key, (_node, binding, enabled, _tooltip) in active.items():
            if app.ENABLE_COMMAND_PALETTE and key == app.COMMAND_PALETTE_BINDING:
                palette = (binding.key, self._display(binding), binding.description, enabled)
                continue
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            items.append((binding.key, self._display(binding), binding.description, enabled))
        if palette is not None:
            items.append(palette)
        return items

    def render(self) -> Text:
        base = self.rich_style
        key_style = base + self.get_component_rich_style("key-bar--key")
        desc_style = base + self.get_component_rich_style("key-bar--description")
        off_style = base + self.get_component_rich_style("key-bar--disabled")
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        spans: list[tuple[int, int, str]] = []
        for key, shown, description, enabled in self.items:
            start = len(text)
            text.append(f" {shown} ", style=key_style if enabled else off_style)
            if description:
                text.append(f"{description} ", style=desc_style if enabled else off_style)
            spans.append((start, len(text), key))
            text.append(" ")
        self._spans = spans
        return text

    def key_at(self, x: int) -> str | None:
        """The key of the item painted at column ``x`` (None between items)."""
        for start, end, key in self._spans:
            if start <= x < end:
                return key
        return None

    def on_click(self, event: events.Click) -> None:
        key = self.key_at(event.x)
        if key is not None:
            event.stop()
            self.app.simulate_key(key)

