"""Publish: the offline bundle, the site zipped so it opens from file:// with no server.

Readers on air-gapped networks or with the site on a USB stick get
``dist/briefings-offline.zip``. Unzipped, ``briefings/index.html`` opens in a browser and
everything works, search included, without one request to another host.

How: Material's built-in ``offline`` plugin (Zensical has it too) is declared in
mkdocs.yml but off unless ``BRIEFGEN_OFFLINE=true``, so the hosted site keeps its
directory URLs. Left alone, that plugin adds a CDN copy of the ``iframe-worker`` shim to
every page; a small config that INHERITs mkdocs.yml names a vendored copy instead, which
the plugin then leaves alone. With directory URLs off, pages get .html URLs, so the PDF
buttons are re-pointed after the build, as the PDF step does for the hosted site.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from briefgen.config import Settings
from briefgen.errors import BuildError
from briefgen.pdf.relink import relink_pdf_buttons

# The environment toggle that mkdocs.yml's `offline: enabled: !ENV [...]` reads.
OFFLINE_ENV = "BRIEFGEN_OFFLINE"
# The vendored shim (MIT) and where it goes in the site. The URL must contain
# "iframe-worker": that is how the offline plugin sees a shim is already there.
SHIM = Path(__file__).parent / "vendor" / "iframe-worker.js"
SHIM_URL = "assets/javascripts/iframe-worker.js"
# The folder every file sits in inside the zip, so unzipping makes one folder, not a mess.
BUNDLE_ROOT = "briefings"
BUNDLE_NAME = "briefings-offline.zip"
# Zip timestamps are fixed so the same site gives the same bytes (reproducible bundles).
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def offline_config(parent: str) -> str:
    """The YAML of a config that inherits ``parent`` and names the local worker shim."""
    return (
        "# Written by briefgen for the offline bundle and removed after the build.\n"
        f"INHERIT: {parent}\n"
        "extra:\n"
        "  polyfills:\n"
        f"    - {SHIM_URL}\n"
    )


def build_offline_site(settings: Settings, site_dir: Path) -> None:
    """Build the site for file:// into ``site_dir``: offline plugin on, local shim, PDFs copied."""
    config = settings.config_file
    # The temporary config sits beside mkdocs.yml so every relative path in it (docs_dir,
    # custom_dir, ...) resolves exactly as it does for the hosted build.
    fd, name = tempfile.mkstemp(prefix=".briefgen-offline-", suffix=".yml", dir=config.parent)
    child = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(offline_config(config.name))
        env = {**os.environ, OFFLINE_ENV: "true"}
        # A hosted site_url is meaningless from file://; links stay relative without it.
        env.pop("SITE_URL", None)
        cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(child),
               "--site-dir", str(site_dir)]
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    finally:
        child.unlink(missing_ok=True)
    if proc.returncode != 0:
        lines = [ln for ln in proc.stderr.splitlines() if "WARNING" in ln or "ERROR" in ln]
        detail = "; ".join(lines[-3:]) or " ".join(proc.stderr.strip().splitlines()[-1:])
        raise BuildError(f"{config}: offline build failed: {detail}")
    shim = site_dir / SHIM_URL
    shim.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SHIM, shim)
    copy_pdfs(settings.site, site_dir)
    # The offline pages are .html files, one folder up from where directory URLs put them.
    relink_pdf_buttons(site_dir)


def copy_pdfs(hosted: Path, offline: Path) -> tuple[Path, ...]:
    """Copy the PDFs `briefgen pdf` wrote under each briefing's folder into the bundle, same paths."""
    copied = []
    if hosted.is_dir():
        for pdf in sorted(hosted.glob("*/**/*.pdf")):
            rel = pdf.relative_to(hosted)
            # Only for briefings this bundle has; a stale PDF of a removed seed stays out.
            if (offline / rel.parts[0]).is_dir():
                target = offline / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(pdf, target)
                copied.append(target)
    return tuple(copied)


def zip_site(site_dir: Path, zip_path: Path) -> Path:
    """Zip ``site_dir`` under one top folder, in name order with fixed times; replace atomically."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = zip_path.with_name(zip_path.name + ".tmp")
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in files:
            info = zipfile.ZipInfo(f"{BUNDLE_ROOT}/{path.relative_to(site_dir).as_posix()}", _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes())
    tmp.replace(zip_path)
    return zip_path


def build_offline(settings: Settings, zip_path: Path | None = None) -> Path:
    """Build the offline site in a scratch folder and zip it to ``dist/briefings-offline.zip``."""
    target = zip_path or settings.config_file.parent / "dist" / BUNDLE_NAME
    with tempfile.TemporaryDirectory(prefix="briefgen-offline-") as tmp:
        site_dir = Path(tmp) / BUNDLE_ROOT
        build_offline_site(settings, site_dir)
        return zip_site(site_dir, target)
