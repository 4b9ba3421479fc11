"""Settings: read once from the ``extra.briefgen`` block of mkdocs.yml; CLI flags override.

Keeping briefgen's settings under ``extra:`` means MkDocs (and Zensical) accept the file
unchanged: a new top-level key would be an unknown-key warning, which fails --strict.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from briefgen.errors import ConfigError

# Every key a user may set under extra.briefgen, with its type and default.
DEFAULTS: dict[str, Any] = {
    "seeds": "seeds",
    "templates": "templates",
    "state": ".briefgen",
    "paper": "a4",
    # lunr: Material's built-in search only. pagefind / both: also index the built site with
    # Pagefind (site/pagefind/, search page site/find/), for libraries whose lunr index
    # passes a few MB. "pagefind" alone is for a mkdocs.yml without the `search` plugin.
    "search": "lunr",
}
SEARCH_CHOICES = ("lunr", "pagefind", "both")


@dataclass(frozen=True)
class Settings:
    """Where briefgen reads and writes, all resolved against the config file's folder."""

    config_file: Path
    seeds: Path
    docs: Path
    site: Path
    templates: Path
    state: Path
    paper: str = "a4"
    search: str = "lunr"

    @property
    def pagefind(self) -> bool:
        """Whether the build runs the Pagefind step."""
        return self.search in ("pagefind", "both")

    def with_overrides(self, **changes: Any) -> "Settings":
        """A copy with the given non-None values replaced."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


class _Loader(yaml.SafeLoader):
    """SafeLoader that tolerates MkDocs' !ENV and !relative tags instead of failing."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def load_settings(config_file: Path = Path("mkdocs.yml")) -> Settings:
    """Read settings from ``config_file``; a missing file means all defaults."""
    data: dict[str, Any] = {}
    if config_file.exists():
        try:
            data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader) or {}
        except yaml.MarkedYAMLError as exc:
            # PyYAML's own message spans several lines; the user gets one, naming the line.
            line = exc.problem_mark.line + 1 if exc.problem_mark else 1
            raise ConfigError(f"{config_file}:{line}: not valid YAML: {exc.problem}") from None
        except yaml.YAMLError as exc:
            raise ConfigError(f"{config_file}: not valid YAML: {' '.join(str(exc).split())}") from None
        if not isinstance(data, dict):
            raise ConfigError(f"{config_file}: expected a mapping of settings")
    extra = data.get("extra") or {}
    block = extra.get("briefgen") or {} if isinstance(extra, dict) else {}
    if not isinstance(block, dict):
        raise ConfigError(f"{config_file}: extra.briefgen must be a mapping")
    unknown = sorted(set(block) - set(DEFAULTS))
    if unknown:
        raise ConfigError(f"{config_file}: unknown key extra.briefgen.{unknown[0]}; known keys: {', '.join(DEFAULTS)}")
    opts = {**DEFAULTS, **block}
    for key, value in opts.items():
        if not isinstance(value, str):
            raise ConfigError(f"{config_file}: extra.briefgen.{key} must be a string")
    if opts["paper"] not in ("a4", "letter"):
        raise ConfigError(f"{config_file}: extra.briefgen.paper must be a4 or letter")
    if opts["search"] not in SEARCH_CHOICES:
        raise ConfigError(f"{config_file}: extra.briefgen.search must be one of {', '.join(SEARCH_CHOICES)}")
    root = config_file.parent
    return Settings(
        config_file=config_file,
        seeds=root / opts["seeds"],
        docs=root / str(data.get("docs_dir", "docs")),
        site=root / str(data.get("site_dir", "site")),
        templates=root / opts["templates"],
        state=root / opts["state"],
        paper=opts["paper"],
        search=opts["search"],
    )
