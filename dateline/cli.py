"""``python build.py``: the one entry point, in a newsroom's words."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import actions, cluster
from .config import ConfigError, load_settings
from .ingest import article_from_seed
from .pipeline import BuildLockedError, StageError, build
from .render import TemplateError
from .report import Report
from .search import SearchError
from .seeds import SeedError, read_seed

DESCRIPTION = """\
Dateline turns a folder of raw wire articles into a searchable archive website.

With no command it does everything: reads new or changed articles from seeds/, writes
them as editable files in content/, builds the website in _site/ and its search index.
Files in content/ that an editor has changed by hand are never overwritten."""

EPILOG = """exit status:
  0  the site is built and every seed is in it (warnings may have been printed)
  1  the build failed, or --strict and there were warnings or skipped files
  2  the settings or command line are wrong
  3  another build is running on this project
  4  the site is built, but some seeds or content files were skipped (see the summary)"""
OK, FAILED, BAD_SETTINGS, LOCKED, SKIPPED = 0, 1, 2, 3, 4
INTERRUPTED = 130  # what a shell reports for a command stopped by Ctrl-C

COMMANDS = {
    "build": "everything: ingest, render and search (the default)",
    "ingest": "read seeds/ into content/ only (new and changed articles)",
    "render": "build the website from content/ (with its search index unless --no-search)",
    "search": "rebuild the search index of the website",
    "serve": "preview the website at http://127.0.0.1:8000/ (builds first unless --no-build); "
             "a change to seeds, content, templates, static or site.toml rebuilds it and reloads "
             "the open pages (unless --no-watch)",
    "extract": "show what Dateline reads out of seed files, as JSON lines (changes nothing)",
}


def parser(prog: str = "build.py") -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog=prog, description=DESCRIPTION, epilog=EPILOG,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    top.add_argument("--config", help="settings file (default: site.toml; without one, every "
                     "setting has its default)")
    top.add_argument("--seeds", help="folder of raw articles (default from site.toml: seeds)")
    top.add_argument("--content", help="folder of editable article files (default: content)")
    top.add_argument("--output", help="folder the website is written to (default: _site)")
    top.add_argument("--base-url", help="address the site will be published at, e.g. "
                     "https://OWNER.github.io/REPO/ (default from site.toml)")
    top.add_argument("--dask", metavar="tcp://HOST:PORT", help="extract and render on the workers "
                     "of this Dask scheduler, which must share the project's folders at the same "
                     "paths (default from site.toml [build] dask; \"\" builds on this machine)")
    top.add_argument("--refresh", action="store_true", help="re-read every seed with the current "
                     "extractor (hand-edited files are still kept)")
    top.add_argument("--no-search", action="store_true", help="skip the search index")
    top.add_argument("--strict", action="store_true", help="exit with failure on any warning or "
                     "skipped file (for CI)")
    top.add_argument("--quiet", action="store_true", help="print only the summary")
    sub = top.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text)
        if name == "extract":
            command.add_argument("files", nargs="+", metavar="SEED", help="seed files to read")
        if name == "serve":
            command.add_argument("--port", type=port_number, default=8000,
                                 help="port to listen on, 0-65535 (0: any free one)")
            command.add_argument("--no-build", action="store_true", help="serve what is built")
            command.add_argument("--no-watch", action="store_true", help="no rebuilding on "
                                 "changes and no reloading: serve the files as they are")
    return top


def console() -> int:
    """The installed ``dateline`` command: build.py's CLI under the command's own name."""
    return main(prog="dateline")


def port_number(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (0-65535)")
    return port


def main(argv: list[str] | None = None, prog: str = "build.py") -> int:
    try:
        status = _run(parser(prog).parse_args(argv))
        sys.stdout.flush()  # a pipe holds the output in a buffer: write it while it can be caught
        return status
    except BrokenPipeError:
        # Whoever read the output left early (`build.py extract ... | head`). Every file is
        # written whole, so stopping here loses nothing; like `ls | head`, say nothing more, and
        # send what Python still holds to flush at exit nowhere rather than into a second error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return FAILED


def _run(args: argparse.Namespace) -> int:
    if args.config and not Path(args.config).is_file():  # else folders appear beside a typo
        print(f"error: --config {args.config}: no such settings file", file=sys.stderr)
        return BAD_SETTINGS
    try:
        settings = load_settings(args.config or "site.toml", seeds=args.seeds, content=args.content,
                                 output=args.output, base_url=args.base_url, dask=args.dask)
        if settings.dask and args.command not in ("extract", "search") \
                and not getattr(args, "no_build", False):  # a wrong address: before any work
            cluster.connect(settings)
    except (ConfigError, ValueError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return BAD_SETTINGS
    if args.command == "extract":
        return _extract(args.files, settings)
    report = Report(quiet=args.quiet)
    command = args.command or "build"
    try:
        if command == "serve":
            return _serve(args, settings, report)
        build(settings, report, refresh=args.refresh, do_ingest=command in ("build", "ingest"),
              do_render=command != "ingest", do_search=not args.no_search and command != "ingest")
    except KeyboardInterrupt:  # Ctrl-C: files are written whole, the live site swapped whole
        print(f"interrupted; {settings.path('output')} is the last site built", file=sys.stderr)
        return INTERRUPTED
    except BuildLockedError as err:
        print(f"error: {err}", file=sys.stderr)
        return LOCKED
    except ConfigError as err:  # e.g. an output folder that would delete the project's files
        print(f"error: {err}", file=sys.stderr)
        return BAD_SETTINGS
    except (SearchError, StageError, TemplateError, OSError) as err:  # the live site is unchanged
        print(f"error: {err}", file=sys.stderr)
        return FAILED
    print(report.summary())
    actions.publish(report, settings, args.strict)
    return exit_status(report, args.strict)


def exit_status(report: Report, strict: bool) -> int:
    """What the run means for a script or CI job calling it (see EPILOG)."""
    if strict and (report.warnings or report.skipped):
        print("--strict: failing because of the warnings and skipped files above", file=sys.stderr)
        return FAILED
    if report.counts.get("articles", 1) == 0 and report.skipped:
        return FAILED  # nothing usable at all: more likely a wrong folder than bad seeds
    return SKIPPED if report.skipped else OK


def _extract(files: list[str], settings) -> int:
    status = 0
    for name in files:
        try:
            seed = read_seed(name, max_bytes=settings.max_article_kb * 1024)
        except (SeedError, OSError) as err:
            print(f"{name}: {err}", file=sys.stderr)
            status = FAILED
            continue
        article = article_from_seed(seed, settings)
        print(json.dumps({
            "file": name, "id": article.id, "title": article.title,
            "date": article.date.isoformat(), "dateline": article.dateline,
            "summary": article.summary, "people": article.people, "roles": article.roles,
            "places": article.places, "organizations": article.organizations,
            "tags": article.tags, "contributors": article.contributors,
        }, ensure_ascii=False))
    return status


def _serve(args: argparse.Namespace, settings, report: Report) -> int:
    from .serve import serve

    if not args.no_build:
        build(settings, report)
        print(report.summary())
    if args.no_watch:
        return serve(Path(settings.path("output")), settings.base_path, args.port)
    config = Path(args.config or "site.toml").resolve()
    current = [settings]

    def sources() -> list[Path]:
        now = current[0]
        return [now.path("seeds"), now.path("content"), now.path("templates"), now.path("static"),
                config]

    def rebuild() -> bool:
        """The usual build, with the settings read again (site.toml may be what changed)."""
        try:
            current[0] = load_settings(config, seeds=args.seeds, content=args.content,
                                       output=args.output, base_url=args.base_url)
            again = Report(quiet=args.quiet)
            build(current[0], again)
        except (BuildLockedError, ConfigError, SearchError, StageError, TemplateError, ValueError,
                OSError) as err:
            print(f"error: {err} (the preview shows the last site built)", file=sys.stderr, flush=True)
            return False
        print(again.summary(), flush=True)
        return True

    return serve(Path(settings.path("output")), settings.base_path, args.port, (sources, rebuild))
