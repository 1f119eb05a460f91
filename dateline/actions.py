"""What a run tells the newsroom when it runs under GitHub Actions: each skipped or doubtful
file as a ``::warning file=...::`` annotation (shown on the run and the commit) and a table in
the job summary (``$GITHUB_STEP_SUMMARY``). Outside Actions it does nothing."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from .config import Settings
from .report import Report

FOLDERS = ("seeds", "content")  # how the report names files: 'seeds/x.txt', 'content/2016/12/x.md'


def running_under_actions(env: Mapping[str, str] = os.environ) -> bool:
    return env.get("GITHUB_ACTIONS") == "true"


def warning_commands(report: Report, settings: Settings, cwd: Path | None = None) -> list[str]:
    """One workflow command per skipped file and per warning, skips first."""
    lines = [_command(where, f"skipped, not published: {problem}", settings, cwd)
             for where, problem in report.skipped]
    for warning in report.warnings:
        where, _, problem = warning.partition(": ")
        lines.append(_command(where, problem, settings, cwd))
    return lines


def job_summary(report: Report, strict: bool) -> str:
    """Markdown for the job summary page."""
    lines = ["## Dateline build", "", report.summary().replace("\n", "  \n"), ""]
    if report.skipped:
        outcome = "the build fails (--strict)" if strict else "the other articles were published"
        lines += [f"**{len(report.skipped)} file(s) skipped, not published** ({outcome}):", "",
                  "| file | problem |", "| --- | --- |"]
        lines += [f"| `{_cell(where)}` | {_cell(problem)} |" for where, problem in report.skipped]
        lines.append("")
    if report.warnings:
        lines += [f"<details><summary>{len(report.warnings)} warning(s)</summary>", ""]
        lines += [f"- {_cell(w)}" for w in report.warnings]
        lines += ["", "</details>", ""]
    return "\n".join(lines)


def publish(report: Report, settings: Settings, strict: bool,
            env: Mapping[str, str] = os.environ) -> None:
    """Print the annotations and append the job summary, when under Actions."""
    if not running_under_actions(env):
        return
    for line in warning_commands(report, settings):
        print(line, flush=True)
    summary = env.get("GITHUB_STEP_SUMMARY")
    if summary:
        try:
            with open(summary, "a", encoding="utf-8") as out:
                out.write(job_summary(report, strict) + "\n")
        except OSError as err:  # the summary is a courtesy: never fail a build over it
            print(f"::warning::could not write the job summary {summary}: {err}", flush=True)


def _command(where: str, message: str, settings: Settings, cwd: Path | None) -> str:
    file = _workspace_path(where, settings, cwd or Path.cwd())
    place = f" file={_property(file)}" if file else ""
    return f"::warning{place}::{_data(message)}"


def _workspace_path(where: str, settings: Settings, cwd: Path) -> str:
    """The file as a path from the workspace (what GitHub links to), or '' for no file."""
    folder, _, rest = where.partition("/")
    if folder not in FOLDERS or not rest:
        return ""
    path = settings.path(folder) / rest
    try:
        return path.relative_to(cwd.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# GitHub's workflow-command escaping: data escapes %, CR, LF; properties also ':' and ','.
def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").replace("`", "'")
