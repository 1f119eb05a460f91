"""Dependencies are locked and permissively licensed: requirements*.lock pin every package the
build and the tests install, transitive ones included, each with its hashes; the set-up installs
from them; the lock agrees with the wanted pins in requirements*.txt; nothing installed is GPL."""

from __future__ import annotations

import re
from importlib import metadata

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import REPO

LOCKS = {"requirements.txt": "requirements.lock", "requirements-dev.txt": "requirements-dev.lock",
         "requirements-dask.txt": "requirements-dask.lock"}


def wanted(name: str) -> dict[str, str]:
    """Package -> version pinned in a requirements*.txt (following -r)."""
    out: dict[str, str] = {}
    for line in (REPO / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            out.update(wanted(line[3:].strip()))
        elif line.startswith("-c "):  # a constraint, not a wish
            continue
        elif line:
            package, _, version = line.partition("==")
            out[canonicalize_name(package)] = version
    return out


def locked(name: str) -> dict[str, tuple[str, int]]:
    """Package -> (version, number of hashes) in a lock file."""
    text = (REPO / name).read_text(encoding="utf-8")
    entries = re.findall(r"^([A-Za-z0-9._-]+)==(\S+)((?:\s*\\\n\s+--hash=sha256:[0-9a-f]{64})*)", text, re.M)
    return {canonicalize_name(p): (v, hashes.count("--hash=")) for p, v, hashes in entries}


@pytest.mark.parametrize("source", sorted(LOCKS))
def test_the_lock_has_every_wanted_pin_at_its_version_and_hashes_for_every_entry(source):
    lock = locked(LOCKS[source])
    assert {p: v for p, v in wanted(source).items()} == {p: lock[p][0] for p in wanted(source) if p in lock}
    assert [p for p, (_, hashes) in lock.items() if hashes == 0] == []


@pytest.mark.parametrize("source", sorted(LOCKS))
def test_the_lock_is_closed_under_dependencies(source):
    """Each locked package's own requirements (for this Python) are locked too."""
    lock = locked(LOCKS[source])
    missing = {}
    for package in lock:
        try:
            requires = metadata.requires(package) or []
        except metadata.PackageNotFoundError:
            continue  # the runtime lock's packages are all installed; see the next test
        for spec in map(Requirement, requires):
            if spec.marker and not spec.marker.evaluate({"extra": ""}):
                continue
            if canonicalize_name(spec.name) not in lock:
                missing.setdefault(package, []).append(spec.name)
    assert missing == {}


def test_what_the_suite_runs_on_is_what_the_dev_lock_pins():
    lock = {**locked("requirements-dev.lock"), **locked("requirements-dask.lock")}
    installed = {p: metadata.version(p) for p in lock if _installed(p)}
    assert installed == {p: v for p, (v, _) in lock.items()}, "run scripts/setup.sh dev"


def test_setup_installs_from_the_locks_with_hashes_required():
    setup = (REPO / "scripts" / "setup.sh").read_text(encoding="utf-8")
    assert "--require-hashes" in setup
    assert "requirements.lock" in setup and "requirements-dev.lock" in setup
    assert "requirements-dask.lock" in setup
    assert not re.search(r"-r requirements(-dev|-dask)?\.txt", setup)


def test_dask_is_its_own_lock_and_agrees_with_the_others_on_what_they_share():
    """A build on one machine installs no Dask; installing the Dask lock over the build's or the
    tests' changes no package they have."""
    dask = locked("requirements-dask.lock")
    assert {"dask", "distributed"} <= set(dask)
    for other in ("requirements.lock", "requirements-dev.lock"):
        theirs = locked(other)
        assert "distributed" not in theirs
        assert {p: v for p, (v, _) in dask.items() if p in theirs} == \
            {p: v for p, (v, _) in theirs.items() if p in dask}


def test_the_project_is_mit_and_installs_no_gpl_package():
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    gpl = {p: _license(p) for p in {**locked("requirements-dev.lock"), **locked("requirements-dask.lock")}
           if _installed(p) and re.search(r"\bA?GPL|General Public License", _license(p))
           and not re.search(r"\bLGPL|Lesser", _license(p))}
    assert gpl == {}


def _installed(package: str) -> bool:
    try:
        metadata.version(package)
    except metadata.PackageNotFoundError:
        return False
    return True


def _license(package: str) -> str:
    meta = metadata.metadata(package)
    classifiers = [c for c in meta.get_all("Classifier") or [] if c.startswith("License")]
    expression, text = ((meta.get_all(field) or [""])[0] for field in ("License-Expression", "License"))
    return " ".join([expression, text[:200], *classifiers])
