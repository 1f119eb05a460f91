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


def system_libraries(binaries: list[Path]) -> dict[str, set[str]]:
    """Library -> the binaries that load it from the system (not bundled beside them in the wheel).
    One ldd call per hundred files: mypy alone ships hundreds of compiled modules."""
    site = sysconfig.get_paths()["purelib"]
    libs: dict[str, set[str]] = {}
    for start in range(0, len(binaries), 100):
        chunk = binaries[start:start + 100]
        done = subprocess.run(["ldd", *map(str, chunk)], capture_output=True, text=True, check=False)
        current = chunk[0].name
        for line in done.stdout.splitlines():
            if not line.startswith(("\t", " ")):
                current = Path(line.rstrip(":")).name
                continue
            match = re.match(r"\s*(\S+) => (\S+)", line)
            if match and match.group(2) == "not":
                libs.setdefault(match.group(1), set()).add(current)
            elif match and not match.group(2).startswith(site):
                libs.setdefault(str(Path(match.group(2)).resolve()), set()).add(current)
    return libs


def owners(libraries: list[str]) -> dict[str, str]:
    """Library -> the Debian package that installed it (merged /usr: either name of the file)."""
    found: dict[str, str] = {}
    for names in (libraries, [_other_name(lib) for lib in libraries]):
        todo = [n for n, lib in zip(names, libraries, strict=True) if lib not in found]
        if not todo:
            break
        done = subprocess.run(["dpkg-query", "-S", *todo], capture_output=True, text=True, check=False)
        for line in done.stdout.splitlines():
            package, _, path = line.partition(": ")
            for lib in libraries:
                if path in (lib, _other_name(lib)):
                    found.setdefault(lib, package.split(":")[0])
    return {lib: found.get(lib, f"(no package owns {lib})") for lib in libraries}


def _other_name(library: str) -> str:
    return library.replace("/usr/lib/", "/lib/", 1) if library.startswith("/usr/") else "/usr" + library


def test_every_library_a_pip_binary_needs_is_on_a_fresh_machine_or_installed_by_setup():
    assert sys.prefix != sys.base_prefix, "run the suite from the project's .venv"
    available = base_packages() | setup_packages()
    libraries = system_libraries(shipped_binaries())
    needs: dict[str, set[str]] = {}
    for library, package in owners(sorted(libraries)).items():
        needs.setdefault(package, set()).update(libraries[library])
    missing = {package: sorted(users) for package, users in needs.items() if package not in available}
    assert missing == {}, f"add these to scripts/setup.sh: {missing}"
