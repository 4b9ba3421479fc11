"""Site: run MkDocs (or Zensical) as a subprocess, the way a user would, and report its failures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Literal

from briefgen.errors import BuildError

Engine = Literal["mkdocs", "zensical"]

# Material 9.8 prints an end-of-life banner on every run unless this is set; it is not a
# build warning, and in a one-line error message it would hide the real one.
QUIET_ENV = {"NO_MKDOCS_2_WARNING": "1"}


def build_command(config_file: Path, engine: Engine = "mkdocs", site_dir: Path | None = None, strict: bool = True) -> list[str]:
    """The command line that builds the site with ``engine`` (both read the same mkdocs.yml)."""
    if engine == "zensical":
        if site_dir is not None:
            raise BuildError(f"{config_file}: zensical build has no --site-dir; set site_dir in the config")
        cmd = [sys.executable, "-m", "zensical", "build", "--config-file", str(config_file)]
        return cmd + (["--strict"] if strict else [])
    cmd = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config_file)]
    if strict:
        cmd.append("--strict")
    if site_dir is not None:
        cmd += ["--site-dir", str(site_dir)]
    return cmd


def build_site(config_file: Path, site_dir: Path | None = None, strict: bool = True, engine: Engine = "mkdocs") -> None:
    """Build the site (strict by default: any warning fails the build)."""
    cmd = build_command(config_file, engine, site_dir, strict)
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **QUIET_ENV},
                          cwd=config_file.resolve().parent if engine == "zensical" else None)
    if proc.returncode != 0:
        output = (proc.stderr + "\n" + proc.stdout).strip()
        lines = [ln for ln in output.splitlines() if "WARNING" in ln or "ERROR" in ln or "Error" in ln]
        detail = "; ".join(lines[-3:]) or "; ".join(output.splitlines()[-1:]) or f"exit code {proc.returncode}"
        raise BuildError(f"{config_file}: {engine} build failed: {detail}")


def serve_site(config_file: Path, addr: str = "127.0.0.1:8000") -> int:
    """Run ``mkdocs serve`` for live preview until the user stops it."""
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config_file), "--dev-addr", addr]
    try:
        return subprocess.call(cmd, env={**os.environ, **QUIET_ENV})
    except KeyboardInterrupt:
        return 0
