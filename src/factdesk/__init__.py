"""factdesk: a keyboard-first terminal workbench for fact-checkers."""

__version__ = "0.1.0"
