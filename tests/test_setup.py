"""The set-up installs every system package the build and the tests need on a fresh Debian: each
shared library that a binary from a pip package links to belongs to a package that the minimal
machine has (the README's promise: Debian with Python) or that scripts/setup.sh installs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import REPO

# What ../shared/tools/fresh-machine-check starts from: debootstrap's minbase (the Essential
# packages and apt) plus these, with everything they depend on.
BASE = ("apt", "python3", "python3-venv", "python3-pip", "git", "ca-certificates")
pytestmark = pytest.mark.skipif(not (shutil.which("dpkg-query") and shutil.which("ldd")),
                                reason="needs a Debian machine (dpkg, ldd)")


def setup_packages() -> set[str]:
    """The Debian packages scripts/setup.sh may install."""
    text = (REPO / "scripts" / "setup.sh").read_text(encoding="utf-8")
    names = set(re.findall(r"need\+=\(([\w.+-]+)\)", text))
    names |= set(re.findall(r"apt_install ([\w.+-]+)", text))
    for group in re.findall(r"^\s*LIBRARIES=\(([^)]*)\)", text, re.M):
        names |= set(group.split())
    return names


def base_packages() -> set[str]:
    essential = subprocess.run(["dpkg-query", "-W", "-f", "${Package} ${Essential}\n"],
                               capture_output=True, text=True, check=True).stdout
    roots = [line.split()[0] for line in essential.splitlines() if line.endswith(" yes")] + list(BASE)
    closure = subprocess.run(["apt-cache", "depends", "--recurse", "--important", *roots],
                             capture_output=True, text=True, check=True).stdout
    return {line.split(":")[0] for line in closure.splitlines() if line and not line[0].isspace()}


def shipped_binaries() -> list[Path]:
    """ELF files inside the installed pip packages."""
    found = []
    for path in Path(sysconfig.get_paths()["purelib"]).rglob("*"):
        if path.is_file() and (path.suffix == ".so" or ".so." in path.name or path.stat().st_mode & 0o111):
            with path.open("rb") as head:
                if head.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def system_libraries(binary: Path) -> set[str]:
    """Libraries the binary loads from the system (not those bundled beside it in the wheel)."""
    done = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=False)
    site = sysconfig.get_paths()["purelib"]
    libs = set()
    for line in done.stdout.splitlines():
        match = re.match(r"\s*(\S+) => (\S+)", line)
        if match and match.group(2) == "not":
            libs.add(match.group(1))
        elif match and not match.group(2).startswith(site):
            libs.add(str(Path(match.group(2)).resolve()))
    return libs


def owner(library: str) -> str:
    done = subprocess.run(["dpkg-query", "-S", library], capture_output=True, text=True, check=False)
    if done.returncode != 0:  # merged /usr: the same file under the other name
        other = library.replace("/usr/lib/", "/lib/", 1) if library.startswith("/usr/") else "/usr" + library
        done = subprocess.run(["dpkg-query", "-S", other], capture_output=True, text=True, check=False)
    return done.stdout.split(":")[0] if done.returncode == 0 else f"(no package owns {library})"


def test_every_library_a_pip_binary_needs_is_on_a_fresh_machine_or_installed_by_setup():
    assert sys.prefix != sys.base_prefix, "run the suite from the project's .venv"
    available = base_packages() | setup_packages()
    needs: dict[str, set[str]] = {}
    for binary in shipped_binaries():
        for library in system_libraries(binary):
            needs.setdefault(owner(library), set()).add(binary.name)
    missing = {package: sorted(users) for package, users in needs.items() if package not in available}
    assert missing == {}, f"add these to scripts/setup.sh: {missing}"
