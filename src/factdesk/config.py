"""User settings for the workbench, read from a TOML file (no Textual import here).

The file is ``$FACTDESK_CONFIG`` when set, otherwise ``$XDG_CONFIG_HOME/factdesk/config.toml``
(``~/.config/factdesk/config.toml``). Every key is optional::

    theme = "textual-dark"          # the theme used at start
    light_theme = "textual-light"   # the theme the light/dark toggle switches to

    [keymap]                        # binding id = "keys" (comma-separated)
    claim-next = "j,down"
    link-contradicts = "!"
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from factdesk.core.errors import FactdeskError

DEFAULT_THEME = "textual-dark"
DEFAULT_LIGHT_THEME = "textual-light"


class ConfigError(FactdeskError):
    """The settings file exists but cannot be used."""


@dataclass(frozen=True, slots=True)
class Settings:
    """The workbench settings (immutable once read)."""

    theme: str = DEFAULT_THEME
    """Theme used at start (any Textual theme name)."""
    light_theme: str = DEFAULT_LIGHT_THEME
    """Theme the light/dark toggle switches to from :attr:`theme`."""
    keymap: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Binding id → keys, applied with ``App.set_keymap``."""
    path: str | None = None
    """The file the settings were read from (None when defaults)."""


def config_path() -> Path:
    """Where the settings file is looked for."""
    explicit = os.environ.get("FACTDESK_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base).expanduser() / "factdesk" / "config.toml"


def settings_from_dict(data: Mapping[str, Any], path: str | None = None) -> Settings:
    """Validate a parsed TOML document into :class:`Settings`."""
    where = path or "settings"
    theme = data.get("theme", DEFAULT_THEME)
    light = data.get("light_theme", DEFAULT_LIGHT_THEME)
    for key, value in (("theme", theme), ("light_theme", light)):
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{where}: '{key}' must be a theme name (a string)")
    keymap_raw = data.get("keymap", {})
    if not isinstance(keymap_raw, Mapping):
        raise ConfigError(f"{where}: [keymap] must be a table of binding-id = \"keys\"")
    keymap: dict[str, str] = {}
    for binding_id, keys in keymap_raw.items():
        if not isinstance(keys, str) or not keys.strip():
            raise ConfigError(f"{where}: keymap entry {binding_id!r} must be a non-empty string of keys")
        keymap[str(binding_id)] = keys.strip()
    return Settings(theme=theme.strip(), light_theme=light.strip(), keymap=MappingProxyType(keymap), path=path)


def load_settings(path: str | os.PathLike[str] | None = None) -> Settings:
    """Read the settings file; defaults when it does not exist; :class:`ConfigError` when it is broken."""
    import tomllib

    file = Path(path) if path is not None else config_path()
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        raise ConfigError(f"{file}: cannot be read ({exc.strerror or exc})") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{file}: not valid TOML ({exc})") from exc
    return settings_from_dict(data, str(file))
