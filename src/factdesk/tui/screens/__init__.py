"""Workbench screens (imported lazily by the app)."""
