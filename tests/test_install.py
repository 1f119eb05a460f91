"""`pip install .` gives a working `dateline` command: the wheel carries the code, the extraction
lists and the default look (templates, static files), declares its dependencies, and an installed
dateline builds a site in a folder that has only seeds. Offline: the wheel is built with the
suite's own setuptools and installed without its dependencies, which the suite already has."""

from __future__ import annotations

import email
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO, SEED

SOURCES = ("pyproject.toml", "README.md", "LICENSE", "dateline", "templates", "static")


def pip(*args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", *args],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the wheel, the folder it is installed in) from a copy of the repository's sources."""
    top = tmp_path_factory.mktemp("install")
    source = top / "source"
    source.mkdir()
    for name in SOURCES:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(REPO / name, source / name)
    pip("wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q", "-w", str(top / "wheel"),
        str(source))
    [wheel] = (top / "wheel").glob("dateline-*.whl")
    pip("install", "--no-deps", "--no-index", "-q", "--target", str(top / "site"), str(wheel))
    return wheel, top / "site"


def run(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run([str(site / "bin" / "dateline"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300, check=False)


def test_the_wheel_ships_templates_static_files_and_extraction_lists(installed):
    wheel, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("templates", "static"):
        for path in (REPO / folder).iterdir():
            assert f"dateline/{folder}/{path.name}" in names
    for path in (REPO / "dateline" / "extract" / "data").iterdir():
        assert f"dateline/extract/data/{path.name}" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)


def test_the_wheel_declares_every_dependency_the_build_pins(installed):
    wheel, _ = installed
    with zipfile.ZipFile(wheel) as archive:
        [meta] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = email.message_from_bytes(archive.read(meta))
    declared = {re.split(r"[<>=!~;\[ ]", r, maxsplit=1)[0].lower() for r in metadata.get_all("Requires-Dist")}
    pinned = {line.split("==")[0].lower() for line in
              (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines()
              if line and not line.startswith("#")}
    assert declared == pinned
    assert metadata["License-Expression"] == "MIT"


def test_the_dateline_command_has_build_py_s_options(installed):
    _, site = installed
    done = run(site, site, "--help")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: dateline ")
    for option in ("--seeds", "--content", "--output", "--base-url", "--strict", "serve", "extract"):
        assert option in done.stdout


def test_an_installed_dateline_builds_a_site_with_its_default_look(installed, tmp_path):
    _, site = installed
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / SEED.name)
    done = run(site, tmp_path, "--base-url", "https://example.org/news/")
    assert done.returncode == 0, done.stderr
    out = tmp_path / "_site"
    assert (out / "static" / "style.css").read_bytes() == (REPO / "static" / "style.css").read_bytes()
    home = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="/news/static/style.css"' in home and '<p class="meta">1 article, ' in home
    assert list((tmp_path / "content").rglob("*.md")), "no content file written"
    assert (out / "pagefind").is_dir()
    # and it ran the installed copy, not the checkout's
    where = subprocess.run([sys.executable, "-c", "import dateline; print(dateline.__file__)"],
                           cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(site)},
                           capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(site))
