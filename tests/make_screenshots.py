"""Save SVG screenshots of every workbench screen into ``screenshots/``.

Builds a fresh copy of the sample workspace (``workspace/articles``) in a temporary directory,
lets the app import it (claims and suggestions come from the real extractor and matcher when they
are installed), then walks through the screens at a fixed terminal size::

    PYTHONPATH=src python tests/make_screenshots.py [--out screenshots] [--size 160x45]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


async def make(out: Path, size: tuple[int, int]) -> list[Path]:
    from textual.widgets import Input, TextArea

    from factdesk.config import Settings
    from factdesk.tui.app import FactdeskApp

    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "workspace"
        shutil.copytree(ROOT / "workspace" / "articles", root / "articles")
        app = FactdeskApp(root, Settings())
        app.sub_title = "sample workspace"

        def shot(name: str) -> None:
            for widget in app.screen.query("Input, TextArea"):
                widget.cursor_blink = False  # type: ignore[attr-defined]
            app.save_screenshot(f"{name}.svg", path=str(out))
            saved.append(out / f"{name}.svg")

        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.pause()
            shot("library")

            rows = {Path(a["path"]).name[:3]: a["id"] for a in app.ws.list_articles()}
            english, french = rows.get("000"), rows.get("002")
            if not (english and french):
                raise SystemExit("the sample articles 000 and 002 were not imported")
            app.open_compare([english, french])
            await pilot.pause()
            await pilot.pause()
            shot("compare")

            # the inspector on a claim with suggestions (a contradiction when there is one)
            await pilot.press("x")
            await pilot.pause()
            if not app.screen.info or not app.screen.info.suggestions:  # type: ignore[attr-defined]
                await pilot.press("n")
                await pilot.pause()
            shot("inspector")

            await pilot.press("e")
            await pilot.pause()
            app.screen.query_one(TextArea).cursor_blink = False
            await pilot.press(*"Casualty counts differ between outlets; check the OSDH release.")
            await pilot.press("tab", *"casualties, OSDH")
            await pilot.pause()
            shot("annotate")
            await pilot.press("escape")
            await pilot.pause()

            await pilot.press("R")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            app.screen.query_one("#report-path", Input).value = "report.md"
            await pilot.pause()
            shot("report")
            await pilot.press("escape")
            await pilot.pause()

            await pilot.press("question_mark")
            await pilot.pause()
            shot("help")
    return saved


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "screenshots"), help="output directory (default: screenshots/)")
    parser.add_argument("--size", default="160x45", help="terminal size COLSxROWS (default 160x45)")
    args = parser.parse_args()
    cols, rows = (int(x) for x in args.size.lower().split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("FACTDESK_CONFIG", os.devnull + ".absent")
    for path in asyncio.run(make(out, (cols, rows))):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
