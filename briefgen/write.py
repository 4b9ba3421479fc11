"""Write: the only code that writes into the docs folder.

It refuses to write outside that folder or to write one path twice, and it leaves a
file untouched when its content has not changed, so unchanged pages keep their mtime.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import BuildError
from briefgen.model import Page


@dataclass(frozen=True)
class WriteReport:
    """Which files a write created, changed or left as they were."""

    created: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()


def safe_target(root: Path, rel: str) -> Path:
    """``root/rel``, refusing any path that resolves outside ``root``."""
    base = root.resolve()
    target = (base / rel).resolve()
    if not target.is_relative_to(base) or target == base:
        raise BuildError(f"{rel}: refusing to write outside {root}")
    return target


def write_pages(pages: tuple[Page, ...], docs: Path) -> WriteReport:
    """Write every page under ``docs``; skip files whose content is already the same."""
    seen: set[str] = set()
    created: list[str] = []
    changed: list[str] = []
    unchanged: list[str] = []
    docs.mkdir(parents=True, exist_ok=True)
    for page in pages:
        if page.path in seen:
            raise BuildError(f"{page.path}: two pages were rendered to the same path")
        seen.add(page.path)
        target = safe_target(docs, page.path)
        data = page.content.encode("utf-8")
        if target.exists():
            if target.read_bytes() == data:
                unchanged.append(page.path)
                continue
            changed.append(page.path)
        else:
            created.append(page.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
    return WriteReport(tuple(created), tuple(changed), tuple(unchanged))
