"""The factdesk workbench (Textual). Import :func:`factdesk.tui.app.run_app` to start it."""
