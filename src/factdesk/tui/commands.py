"""Command palette (ctrl+p): every workbench action under a namespaced title."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

# (title, help, action, where): where = "compare", "library" or "" (everywhere)
COMMANDS: tuple[tuple[str, str, str, str], ...] = (
    ("claim: next", "Move to the next claim", "focused.next_claim", "compare"),
    ("claim: previous", "Move to the previous claim", "focused.prev_claim", "compare"),
    ("claim: next contradiction", "Jump to the next claim with a contradiction", "next_contradiction", "compare"),
    ("claim: next unreviewed suggestion", "Jump to the next claim with an unreviewed suggestion", "next_suggestion", "compare"),
    ("claim: accept suggestion", "Accept the suggestion selected in the inspector", "review('accepted')", "compare"),
    ("claim: reject suggestion", "Reject the suggestion selected in the inspector", "review('rejected')", "compare"),
    ("claim: next suggestion in inspector", "Select the next suggestion", "suggestion(1)", "compare"),
    ("claim: link…", "Link with the other pane's claim (choose the relation)", "link_chooser", "compare"),
    ("claim: link as same", "Link with the other pane's claim as the same claim", "link('same')", "compare"),
    ("claim: link as supports", "Link with the other pane's claim as supporting it", "link('supports')", "compare"),
    ("claim: link as contradicts", "Link with the other pane's claim as contradicting it", "link('contradicts')", "compare"),
    ("claim: unlink", "Remove the link with the other pane's claim", "unlink", "compare"),
    ("claim: annotate", "Note, tags and verdict for this claim", "annotate", "compare"),
    ("claim: set verdict", "Pick a verdict from the scale", "verdict", "compare"),
    ("claim: copy with citation", "Copy the claim text with title, file and offsets", "copy_claim", "compare"),
    ("history: undo", "Undo the last action", "app.undo", ""),
    ("history: redo", "Redo the last undone action", "app.redo", ""),
    ("view: next pane", "Focus the next article pane", "pane(1)", "compare"),
    ("view: toggle inspector", "Show or fold the inspector", "toggle_inspector", "compare"),
    ("view: number of panes", "Show more or fewer articles side by side", "cycle_panes", "compare"),
    ("view: library", "Back to the article library", "app.library", ""),
    ("view: toggle dark/light theme", "Switch between the dark and the light theme", "app.toggle_theme", ""),
    ("view: help", "Every key and the highlight legend", "app.help", ""),
    ("view: refresh", "Re-read the workspace (articles imported by another process)", "app.refresh_workspace", ""),
    ("search: articles and claims", "Full-text search; enter jumps to the hit", "app.search", ""),
    ("library: filter", "Filter the article list", "focus_filter", "library"),
    ("library: open selected", "Open the marked articles (or the current one) side by side", "focused.open", "library"),
    ("export: report…", "Preview the verification report and write it to a file", "app.report", ""),
    ("export: copy claim with citation", "Copy the claim text with its citation", "copy_claim", "compare"),
    ("workspace: recompute suggestions", "Match claims again across all articles (in the background)", "app.recompute", ""),
)


class FactdeskCommands(Provider):
    """The workbench actions that make sense on the current screen."""

    def _commands(self):
        from factdesk.tui.screens.compare import CompareScreen
        from factdesk.tui.screens.library import LibraryScreen

        screen = self.screen
        for title, help_text, action, where in COMMANDS:
            if where == "compare" and not isinstance(screen, CompareScreen):
                continue
            if where == "library" and not isinstance(screen, LibraryScreen):
                continue
            yield title, help_text, action

    def _runner(self, action: str):
        screen = self.screen
        if action.startswith("focused."):
            name = action.removeprefix("focused.")

            async def run() -> None:
                if screen.focused is not None:
                    await screen.focused.run_action(name)

            return run
        return partial(self.app.run_action, action, screen)

    async def discover(self) -> Hits:
        for title, help_text, action in self._commands():
            yield DiscoveryHit(title, self._runner(action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), self._runner(action), help=help_text)
