"""What a run tells the user: counts, and one line per problem naming the file."""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field

from .progress import Progress


@dataclass
class Report:
    """Collects warnings (the article is still published) and skips (it is not)."""

    warnings: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    skip_kinds: Counter = field(default_factory=Counter)  # "bad date" -> 3, for the summary
    counts: Counter = field(default_factory=Counter)
    started: float = field(default_factory=time.perf_counter)
    quiet: bool = False
    lines: list[str] = field(default_factory=list)  # all it said, for a run that repeats it
    notices: list[str] = field(default_factory=list)  # said about this run alone, never repeated
    progress: Progress = field(default_factory=Progress, repr=False)  # a long stage's line

    def __post_init__(self) -> None:
        if self.quiet:  # --quiet prints the summary only
            self.progress.enabled = False

    def warn(self, where: str, problem: str) -> None:
        self.warnings.append(f"{where}: {problem}")
        self._say(f"warning: {where}: {problem}")

    def skip(self, where: str, problem: str, kind: str = "") -> None:
        """``kind`` groups skips in the summary; by default the problem up to its first colon."""
        self.skipped.append((where, problem))
        self.skip_kinds[kind or problem.split(":")[0]] += 1
        self._say(f"skipped: {where}: {problem}")

    def info(self, message: str) -> None:
        self._say(message)

    def notice(self, message: str) -> None:
        """A line about this run alone (a damaged cache worked out again): a later run that
        repeats this one's lines must not say it again, since this run mended what it names."""
        self.notices.append(message)
        if not self.quiet:
            self.progress.say(message, sys.stderr)

    def replay(self, line: str) -> None:
        """Say a line a past run said (the caller restores what it counted)."""
        self._say(line)

    def _say(self, line: str) -> None:
        self.lines.append(line)
        if not self.quiet:
            self.progress.say(line, sys.stderr)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def summary(self) -> str:
        parts = [f"{v:,} {k}" for k, v in self.counts.items() if v]
        lines = [", ".join(parts) + f" in {self.seconds:.1f} s" if parts else
                 f"done in {self.seconds:.1f} s"]
        if self.warnings:
            lines.append(f"{len(self.warnings)} warning(s)")
        if self.skipped:
            ranked = sorted(self.skip_kinds.items(), key=lambda kn: (-kn[1], kn[0]))
            why = ", ".join(f"{n} {kind}" for kind, n in ranked)
            lines.append(f"{len(self.skipped)} file(s) skipped, not published: {why}")
        return "\n".join(lines)
