"""Writing a report file atomically, never clobbering an existing file unless asked.

The text goes to a temporary file in the destination's directory, is flushed and fsynced, then
takes the destination's name in one step (``os.replace``, or a hard link when overwriting is not
allowed, so a file that appears meanwhile is not clobbered either). A reader never sees half a
report, and a failed write leaves the old file untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from pathlib import Path

from factdesk.core.errors import FactdeskError

_UMASK_LOCK = threading.Lock()


class OutputExistsError(FactdeskError):
    """The output file exists and overwriting was not asked for."""


def exists_message(path: Path) -> str:
    return f"{path} already exists; use --force to overwrite it"


def check_writable(path: str | os.PathLike[str], force: bool) -> Path:
    """Fail early, with a one-line message naming the file, when writing cannot succeed."""
    target = Path(path)
    if target.is_dir():
        raise FactdeskError(f"{target} is a directory; give a file name to write the report to")
    if target.exists() and not force:
        raise OutputExistsError(exists_message(target))
    parent = target.parent
    if not parent.is_dir():
        raise FactdeskError(f"{target}: the directory {parent} does not exist; nothing was written")
    return target


def _default_mode() -> int:
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return 0o666 & ~mask


def atomic_write(path: str | os.PathLike[str], data: str | bytes, *, force: bool = False) -> Path:
    """Write ``data`` (str is encoded as UTF-8) to ``path`` atomically; returns the path.

    Without ``force`` an existing file is left alone and :class:`OutputExistsError` is raised.
    Any OS error becomes a :class:`FactdeskError` naming the file; the temporary file is removed.
    """
    target = check_writable(path, force)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        mode = target.stat().st_mode & 0o777 if target.exists() else _default_mode()
    except OSError:
        mode = _default_mode()
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=str(target.parent))
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp_name, mode)
        if force:
            os.replace(tmp_name, target)
        else:
            _publish_no_clobber(tmp_name, target)
        tmp_name = None
        _fsync_dir(target.parent)
    except FileExistsError as exc:
        raise OutputExistsError(exists_message(target)) from exc
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise FactdeskError(f"{target}: cannot write the report ({reason}); nothing was changed") from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    return target


def _publish_no_clobber(tmp_name: str, target: Path) -> None:
    """Give the temporary file its final name unless that name is taken (atomically when possible)."""
    try:
        os.link(tmp_name, target)
    except FileExistsError:
        raise
    except OSError:
        # file systems without hard links: check, then rename (a tiny race, but still atomic)
        if target.exists():
            raise FileExistsError(str(target)) from None
        os.replace(tmp_name, target)
        return
    with contextlib.suppress(OSError):
        os.unlink(tmp_name)


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable (best effort: not every platform can open a directory)."""
    try:
        fd = os.open(str(directory), os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
