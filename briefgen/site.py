"""Site: run MkDocs as a subprocess, the way a user would, and report its failures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from briefgen.errors import BuildError


def build_site(config_file: Path, site_dir: Path | None = None, strict: bool = True) -> None:
    """Run ``mkdocs build`` (strict by default): any warning fails the build."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config_file)]
    if strict:
        cmd.append("--strict")
    if site_dir is not None:
        cmd += ["--site-dir", str(site_dir)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        lines = [ln for ln in proc.stderr.splitlines() if "WARNING" in ln or "ERROR" in ln]
        detail = "; ".join(lines[-3:]) or proc.stderr.strip().splitlines()[-1:]
        raise BuildError(f"{config_file}: mkdocs build failed: {detail}")


def serve_site(config_file: Path, addr: str = "127.0.0.1:8000") -> int:
    """Run ``mkdocs serve`` for live preview until the user stops it."""
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config_file), "--dev-addr", addr]
    try:
        return subprocess.call(cmd)
    except KeyboardInterrupt:
        return 0
