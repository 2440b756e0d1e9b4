"""The command line: parse options, call the library, print clear errors, set the exit code.

Exit codes: 0 all inputs converted or valid; 1 some inputs failed; 2 the call was wrong;
130 interrupted (Ctrl-C); 143 stopped by SIGTERM.
"""

from __future__ import annotations

import json
import re
import signal
import sys
from pathlib import Path
from typing import Any, Callable

import click

from . import api, batch, formats
from .errors import NewsgraphError, UsageError
from .exporters.base import ExportOptions
from .model import DEFAULT_ID_BASE
from .readers.base import ReadOptions
from .version import __version__

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


# Control characters (C0, DEL, C1), line and paragraph separators and bidi overrides: from a
# file name or a server's error text they could move the cursor, recolour the terminal, set
# its title, or forge a line of output. Printed as escapes instead.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every character that could act on a terminal shown as an escape (\\x1b)."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _say(text: str, *, err: bool = False) -> None:
    click.echo(printable(text), err=err)


def _error(err: NewsgraphError) -> None:
    _say(f"error: {err}", err=True)


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled as Ctrl-C is: work stops, temp files are removed, one line is said."""

    signum = signal.SIGTERM


def _terminate(signum: int, frame: object) -> None:
    raise Terminated()


def _guard(fn: Callable[..., int]) -> Callable[..., None]:
    """Run a command body; turn NewsgraphError into a message and its exit code, and an
    interrupt (Ctrl-C: 130, SIGTERM: 143) into one line."""

    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            previous = signal.signal(signal.SIGTERM, _terminate)
        except ValueError:  # not the main thread: leave signals alone
            previous = None
        try:
            code = fn(*args, **kwargs)
        except UsageError as err:
            _error(err)
            code = EXIT_USAGE
        except NewsgraphError as err:
            _error(err)
            code = EXIT_FAILED
        except KeyboardInterrupt as err:
            signum = getattr(err, "signum", signal.SIGINT)
            click.echo(f"interrupted ({signal.Signals(signum).name}): stopped; nothing was half-written", err=True)
            code = 128 + signum
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)
        sys.exit(code)

    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="newsgraph")
def main() -> None:
    """Turn news articles into structured, validated data: JSON, NewsML-G2, JSON-LD, ninjs.

    \b
    Examples:
      newsgraph convert samples/ --to json -o out/
      newsgraph validate out/*.json
      newsgraph formats
    """


def _from_option(what: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--from, as every command that reads articles takes it."""
    return click.option(
        "--from",
        "from_format",
        type=click.Choice(formats.readable_names()),
        default=None,
        help=f"Format of the {what} (default: from the extension, else from the content).",
    )


_EXTRACT_OPTION = click.option(
    "--extract/--no-extract",
    default=None,
    help="Run extraction (default: on for text and HTML, off for structured formats).",
)

# What a batch of inputs takes, in convert and corpus add alike.
_GLOB_OPTION = click.option(
    "--glob",
    default=None,
    metavar="PATTERN",
    help="In folders, only files whose name or relative path matches (e.g. '*.txt').",
)
_JOBS_OPTION = click.option(
    "-j",
    "--jobs",
    "workers",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes  [default: the machine's cores]",
)
_ENGINE_OPTION = click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Run on this machine's processes, or on a Dask cluster (needs the 'dask' extra).",
)
_SCHEDULER_OPTION = click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="Dask scheduler address (default: a LocalCluster on this machine).",
)


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "--to",
    "to",
    type=click.Choice(formats.writable_names()),
    default=None,
    help="Format to write  [default: the one -o's extension names (.xml: newsml, .html: jsonld "
    "--embed-html ...), else json]",
)
@click.option(
    "-o",
    "--output",
    default=None,
    metavar="PATH",
    help="File or folder to write ('-' or nothing: standard output). Several inputs, a folder "
    "input or a path ending in '/' write one file per article into a folder.",
)
@_from_option("inputs")
@_EXTRACT_OPTION
@click.option("--published", help="Publication date (ISO 8601) when the text does not state it.")
@click.option("--modified", help="Modification date (ISO 8601).")
@click.option("--url", help="The article's URL.")
@click.option("--publisher", help="The publisher's name.")
@click.option("--language", help="The language (BCP 47, e.g. en).")
@click.option("--id-base", default=DEFAULT_ID_BASE, show_default=True, help="Base URI of minted ids.")
@click.option(
    "--encoding", default=None, metavar="NAME", help="Encoding of text input that is not UTF-8 (e.g. latin-1, cp1252)."
)
@click.option("--no-validate", is_flag=True, help="Skip checking each export against its schema.")
@click.option("--strict", is_flag=True, help="A missing official schema is an error.")
@click.option(
    "--ninjs-version",
    type=click.Choice(["1", "2", "3"]),
    default=None,
    help="ninjs version to write with --to ninjs (1: 1.6, as Superdesk reads)  [default: 3]",
)
@click.option(
    "--copyright",
    default=None,
    metavar="NOTICE",
    help="Copyright notice for articles that state none (NewsML-G2 rightsInfo, ninjs).",
)
@click.option(
    "--timestamp",
    default=None,
    metavar="now|DATETIME",
    help="Version time of undated articles: 'now' (the clock) or an ISO 8601 date-time. "
    "Default: none from the clock (the Unix epoch, or $SOURCE_DATE_EPOCH), so the "
    "same input gives the same bytes.",
)
@_JOBS_OPTION
@_GLOB_OPTION
@click.option(
    "--fail-fast/--keep-going",
    default=False,
    help="Stop at the first failed input, or go on (the default) and report all at the end.",
)
@click.option(
    "--errors",
    "errors_file",
    default=None,
    metavar="FILE",
    help="Also write failures as JSON Lines (input, error, hint) to FILE.",
)
@click.option("--skip-existing", is_flag=True, help="In an output folder, skip inputs already converted.")
@click.option("--no-clobber", is_flag=True, help="Never replace an existing output: such an input fails instead.")
@_ENGINE_OPTION
@_SCHEDULER_OPTION
@click.option(
    "--embed-html", is_flag=True, help="With --to jsonld: write an HTML page with the JSON-LD in a <script> block."
)
@click.option(
    "--jsonld-profile",
    type=click.Choice(["full", "web"]),
    default=None,
    help="With --to jsonld: 'full' (the whole graph) or 'web' (what search engines read). "
    "[default: web for --embed-html pages, else full]",
)
@click.option(
    "--infer-gender",
    is_flag=True,
    help="With --to jsonld: publish the gender extraction inferred (off: never published).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print errors only: no progress bar, no summary.")
@_guard
def convert(
    inputs: tuple[str, ...],
    to: str | None,
    output: str | None,
    from_format: str | None,
    extract: bool | None,
    published: str | None,
    modified: str | None,
    url: str | None,
    publisher: str | None,
    language: str | None,
    id_base: str,
    encoding: str | None,
    no_validate: bool,
    strict: bool,
    ninjs_version: str | None,
    copyright: str | None,
    timestamp: str | None,
    workers: int | None,
    glob: str | None,
    fail_fast: bool,
    errors_file: str | None,
    skip_existing: bool,
    no_clobber: bool,
    engine: str,
    scheduler: str | None,
    embed_html: bool,
    jsonld_profile: str | None,
    infer_gender: bool,
    quiet: bool,
) -> int:
    """Convert articles (files, folders, JSON Lines, '-' for stdin) to another format.

    \b
    Examples:
      newsgraph convert article.txt                      # JSON on standard output
      newsgraph convert samples/ --to json -o out/       # one file per article
      newsgraph convert story.txt --published 2021-06-16 --publisher Reuters
      cat story.txt | newsgraph convert - --from text --to json
      newsgraph convert corpus.jsonl -j 2 --errors failed.jsonl -o out/
      newsgraph convert archive/ --glob '*.txt' --skip-existing -o out/
      newsgraph convert story.txt --to ninjs --ninjs-version 2
      newsgraph convert story.txt --to jsonld --embed-html -o story.html
    """
    if to is None:
        named = None
        if output and output != "-" and not output.endswith(("/", "\\")) and not Path(output).is_dir():
            named = api.format_for_output(Path(output))
        to, page = named or ("json", False)
        embed_html = embed_html or page
    if embed_html and to != "jsonld":
        raise UsageError("--embed-html works only with --to jsonld", "add --to jsonld or drop --embed-html")
    from .progress import BatchProgress

    if (jsonld_profile or infer_gender) and to != "jsonld":
        raise UsageError(
            "--jsonld-profile and --infer-gender apply to --to jsonld only",
            f"drop them, or write --to jsonld instead of {to}",
        )
    if ninjs_version is not None and to != "ninjs":
        raise UsageError("--ninjs-version applies to --to ninjs only", f"drop it, or write --to ninjs instead of {to}")
    options = api.ConvertOptions(
        to=to,
        from_format=from_format,
        extract=extract,
        read=ReadOptions(
            published=published,
            modified=modified,
            url=url,
            publisher=publisher,
            language=language,
            id_base=id_base,
            encoding=encoding,
        ),
        export=ExportOptions(
            validate=not no_validate,
            strict=strict,
            ninjs_version=int(ninjs_version or 3),
            embed_html=embed_html,
            copyright=copyright,
            timestamp=timestamp,
            jsonld_profile=jsonld_profile,
            infer_gender=infer_gender,
        ),
        workers=workers or batch.default_workers(),
        glob=glob,
        fail_fast=fail_fast,
        skip_existing=skip_existing,
        no_clobber=no_clobber,
        engine=engine,  # type: ignore[arg-type]  # click.Choice gives one of the Literal values
        scheduler=scheduler,
    )
    if errors_file:
        api.check_errors_file(Path(errors_file), list(inputs), output, options)
    with BatchProgress(None, enabled=not quiet) as progress:
        report = api.convert(list(inputs), output, options=options, on_outcome=progress.update)
    if not quiet:
        for warning in report.warnings:
            _say(f"warning: {warning}", err=True)
    for outcome in report.failed:
        assert outcome.error is not None
        _error(outcome.error)
    if errors_file:
        _write_errors(Path(errors_file), report)
    if not quiet and (report.inputs > 1 or report.failed):
        click.echo(report.summary(), err=True)
    return EXIT_OK if report.ok else EXIT_FAILED


def _write_errors(path: Path, report: api.ConvertReport) -> None:
    from .output import atomic_write

    lines = []
    for outcome in report.failed:
        err = outcome.error
        assert err is not None
        lines.append(
            json.dumps({"input": outcome.input, "error": err.what, "hint": err.fix}, ensure_ascii=False) + "\n"
        )
    atomic_write(path, lines)


@main.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@_from_option("files")
@click.option("--strict", is_flag=True, help="A missing official schema is an error.")
@click.option("-q", "--quiet", is_flag=True, help="Print problems only.")
@_guard
def validate(files: tuple[str, ...], from_format: str | None, strict: bool, quiet: bool) -> int:
    """Check files (folders: every file in them) against the model's rules and their format's
    official schema. 'ok' only when a check ran; 'not checked' says why it could not.

    \b
    Examples:
      newsgraph validate out/*
      newsgraph validate story.xml --strict
    """
    from .inputs import expand

    failed = 0
    for item in expand(list(files)):
        if isinstance(item, NewsgraphError):
            _error(item)
            failed += 1
            continue
        name = item.label
        try:
            problems = api.validate(name, format=from_format, strict=strict)
        except NewsgraphError as err:
            _error(err.at(name))
            failed += 1
            continue
        errors = [p for p in problems if p.severity == "error"]
        unchecked = [p for p in problems if p.unchecked and p.severity != "error"]
        for p in problems:
            if p not in unchecked:
                _say(f"{'error' if p.severity == 'error' else 'warning'}: {name}: {p}", err=True)
        if errors:
            failed += 1
        elif unchecked:
            _say(f"not checked: {name}: {'; '.join(p.message for p in unchecked)}", err=True)
        elif not quiet:
            _say(f"ok: {name}")
    return EXIT_FAILED if failed else EXIT_OK


@main.command()
@click.option("-o", "--output", default=None, metavar="PATH", help="Write to a file instead of stdout.")
@click.option("--jsonld-context", is_flag=True, help="Print newsgraph's JSON-LD context instead.")
@_guard
def schema(output: str | None, jsonld_context: bool) -> int:
    """Print the JSON Schema (2020-12) of newsgraph's JSON format.

    \b
    Examples:
      newsgraph schema > article.schema.json
      newsgraph schema -o schema/article.schema.json
      newsgraph schema --jsonld-context -o schema/context.jsonld
    """
    from .output import atomic_write

    if jsonld_context:
        from .schemaorg import context_text as schema_text
    else:
        from .model_schema import schema_text

    if output and output != "-":
        atomic_write(Path(output), [schema_text()])
    else:
        click.echo(schema_text(), nl=False)
    return EXIT_OK


@main.group(name="standards")
def standards_group() -> None:
    """The official schemas (NewsML-G2 XSD, ninjs, schema.org) that exports are checked against.

    \b
    Examples:
      newsgraph standards download
      newsgraph standards install --from ../shared/standards
      newsgraph standards status
    """


@standards_group.command(name="download")
@click.option(
    "--mirror",
    default=None,
    metavar="URL",
    help="Fetch from a mirror laid out like shared/standards instead of the publishers.",
)
@_guard
def standards_download(mirror: str | None) -> int:
    """Fetch the official schemas from their publishers (IPTC, schema.org) at the pinned
    releases, check each file's SHA-256 and install them into the user cache.

    \b
    Examples:
      newsgraph standards download
      newsgraph standards download --mirror https://mirror.example.org/standards
      newsgraph standards sources        # the URLs, for fetching them elsewhere
    """
    from . import standards

    for path in standards.download(mirror=mirror):
        click.echo(f"installed: {path}")
    return EXIT_OK


@standards_group.command(name="sources")
def standards_sources() -> None:
    """List each official file, its publisher's URL and its pinned SHA-256.

    \b
    Example:
      newsgraph standards sources
    """
    from . import standards

    for relpath, url in standards.source_urls().items():
        click.echo(f"{relpath}\t{url}\t{standards.PINNED[relpath]}")


@standards_group.command(name="install")
@click.option(
    "--from",
    "source",
    required=True,
    metavar="DIR",
    type=click.Path(file_okay=False, path_type=Path),
    help="A folder laid out like shared/standards (newsml-g2/, ninjs/, schemaorg/).",
)
@_guard
def standards_install(source: Path) -> int:
    """Copy the official schemas into the user cache, refusing any file whose SHA-256 differs.

    \b
    Example:
      newsgraph standards install --from ../shared/standards
    """
    from . import standards

    for path in standards.install(source):
        click.echo(f"installed: {path}")
    return EXIT_OK


@standards_group.command(name="status")
def standards_status() -> None:
    """Show where each official schema is found, or that it is missing.

    \b
    Example:
      newsgraph standards status
    """
    from . import standards

    for relpath in standards.PINNED:
        found = standards.find(relpath)
        click.echo(f"{relpath:<48} {found if found else 'missing'}")


@main.command(name="formats")
@click.option("--writable", is_flag=True, help="Only the formats newsgraph can write.")
@click.option("--names", is_flag=True, help="Only the names, one per line (for scripts).")
def list_formats(writable: bool, names: bool) -> None:
    """List the formats newsgraph reads and writes.

    \b
    Examples:
      newsgraph formats
      newsgraph formats --writable --names
    """
    ext_width = max(len(" ".join(f.extensions)) for f in formats.FORMATS)  # ".ninjs.json .ninjs.jsonl"
    for fmt in formats.FORMATS:
        if writable and not fmt.writable:
            continue
        if names:
            click.echo(fmt.name)
            continue
        modes = "/".join(m for m, ok in (("read", fmt.readable), ("write", fmt.writable)) if ok)
        click.echo(
            f"{fmt.name:<8} {modes:<11} {' '.join(fmt.extensions):<{ext_width}} {fmt.media_type:<28} {fmt.title}"
        )


# --- push ---------------------------------------------------------------------------


@main.group()
def push() -> None:
    """Send articles to a CMS: WordPress over its REST API, or any webhook.

    \b
    Examples:
      newsgraph push wordpress out/*.json --url https://example.org --user editor \\
          --app-password-file ~/.config/newsgraph/wp-password --status draft
      newsgraph push webhook https://cms.example.org/ingest out/ --format ninjs
    """


def _push_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Options every push target shares: reading the inputs, retries, TLS, dry run."""
    for option in reversed(
        [
            _from_option("inputs"),
            _EXTRACT_OPTION,
            click.option("--dry-run", is_flag=True, help="Show what would be created or updated; write nothing."),
            click.option(
                "--timeout",
                type=click.FloatRange(min=0.1),
                default=30.0,
                show_default=True,
                help="Seconds to wait for each answer.",
            ),
            click.option(
                "--retries",
                type=click.IntRange(min=0, max=10),
                default=3,
                show_default=True,
                help="Retries (with backoff) after 429, 5xx, timeouts and dropped connections.",
            ),
            click.option(
                "--ca-file",
                type=click.Path(exists=True, dir_okay=False),
                default=None,
                help="Trust this CA certificate (PEM) too, for a site with a private certificate.",
            ),
            click.option("-q", "--quiet", is_flag=True, help="Print errors only."),
        ]
    ):
        fn = option(fn)
    return fn


def _push_client(timeout: float, retries: int, ca_file: str | None, quiet: bool) -> Any:
    from .push import Client, RetryPolicy

    return Client(
        timeout=timeout,
        retry=RetryPolicy(attempts=retries + 1),
        ca_file=ca_file,
        log=None if quiet else (lambda msg: _say(f"note: {msg}", err=True)),
    )


def _report_push(report: Any, quiet: bool) -> int:
    for outcome in report.outcomes:
        if outcome.error is not None:
            _error(outcome.error)
            continue
        for warning in outcome.warnings:
            _say(f"warning: {outcome.input}: {warning}", err=True)
        if not quiet:
            _say(outcome.line())
    if not quiet or report.failed:
        click.echo(report.summary(), err=True)
    return EXIT_OK if report.ok else EXIT_FAILED


@push.command("wordpress")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "--url",
    envvar="NEWSGRAPH_WP_URL",
    required=True,
    metavar="URL",
    help="The site's address, e.g. https://example.org [env NEWSGRAPH_WP_URL].",
)
@click.option(
    "--user", envvar="NEWSGRAPH_WP_USER", required=True, help="The WordPress user to push as [env NEWSGRAPH_WP_USER]."
)
@click.option(
    "--app-password-file",
    metavar="FILE",
    default=None,
    help="File holding the user's application password ('-': standard input) "
    "[env NEWSGRAPH_WP_APP_PASSWORD_FILE, or the password in NEWSGRAPH_WP_APP_PASSWORD].",
)
@click.option(
    "--status",
    type=click.Choice(["draft", "publish"]),
    default=None,
    help="Status of the posts. Without it, new posts are drafts and existing posts keep "
    "their status (a correction does not unpublish a story).",
)
@_push_options
@_guard
def push_wordpress(
    inputs: tuple[str, ...],
    url: str,
    user: str,
    app_password_file: str | None,
    status: str | None,
    from_format: str | None,
    extract: bool | None,
    dry_run: bool,
    timeout: float,
    retries: int,
    ca_file: str | None,
    quiet: bool,
) -> int:
    """Create or update one WordPress post per article (never a second one).

    Title, body (quotes marked up, schema.org JSON-LD embedded), excerpt, slug, date,
    author, tags and category, and the structured data in post meta. The site needs
    newsgraph's must-use plugin (see docs/push.md). The password is never an option:
    it comes from a file or the environment.

    \b
    Examples:
      export NEWSGRAPH_WP_URL=https://example.org NEWSGRAPH_WP_USER=editor
      export NEWSGRAPH_WP_APP_PASSWORD_FILE=~/.config/newsgraph/wp-password
      newsgraph push wordpress out/ --dry-run
      newsgraph push wordpress story.txt --status publish
    """
    from .push.secrets import load_secret
    from .push.wordpress import Site, WordPressOptions, push_items

    if app_password_file == "-" and "-" in inputs:
        raise UsageError(
            "standard input cannot hold both an article and the password",
            "give the password in a file or in $NEWSGRAPH_WP_APP_PASSWORD",
        )
    password = load_secret(
        app_password_file, "NEWSGRAPH_WP_APP_PASSWORD", what="application password", option="--app-password-file"
    )
    assert password is not None
    site = Site(url, user, password, client=_push_client(timeout, retries, ca_file, quiet))
    options = WordPressOptions(status=status, dry_run=dry_run)  # type: ignore[arg-type]  # click.Choice gives one of the Literal values
    items = api.read_inputs(list(inputs), options=api.ConvertOptions(from_format=from_format, extract=extract))
    return _report_push(push_items(site, items, options), quiet)


@push.command("webhook")
@click.argument("url", metavar="URL")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "--format",
    "format_",
    type=click.Choice(formats.writable_names()),
    default="json",
    show_default=True,
    help="Format of each POSTed article.",
)
@click.option(
    "--secret-file",
    metavar="FILE",
    default=None,
    help="File holding a secret to sign each body with (X-Newsgraph-Signature: sha256=HMAC) "
    "[env NEWSGRAPH_WEBHOOK_SECRET_FILE, or the secret in NEWSGRAPH_WEBHOOK_SECRET].",
)
@click.option(
    "--header",
    "headers",
    multiple=True,
    metavar="'NAME: VALUE'",
    help="Send this header too (repeatable; for secrets use --secret-file).",
)
@_push_options
@_guard
def push_webhook(
    url: str,
    inputs: tuple[str, ...],
    format_: str,
    secret_file: str | None,
    headers: tuple[str, ...],
    from_format: str | None,
    extract: bool | None,
    dry_run: bool,
    timeout: float,
    retries: int,
    ca_file: str | None,
    quiet: bool,
) -> int:
    """POST each article to URL, for CMSs that ingest a feed.

    Each request has an Idempotency-Key that changes only when the article does, so a
    receiver can drop repeated deliveries; 429, 5xx and timeouts are retried.

    \b
    Examples:
      newsgraph push webhook https://cms.example.org/ingest out/ --format ninjs
      NEWSGRAPH_WEBHOOK_SECRET_FILE=hook.key newsgraph push webhook URL story.json
    """
    from .push.secrets import load_secret
    from .push.webhook import Webhook, WebhookOptions, push_items

    extra: dict[str, str] = {}
    for header in headers:
        name, sep, value = header.partition(":")
        if not sep or not name.strip():
            raise UsageError(f"--header {header!r} is not 'NAME: VALUE'", "write it like --header 'X-Feed: wire'")
        extra[name.strip()] = value.strip()
    secret = load_secret(
        secret_file, "NEWSGRAPH_WEBHOOK_SECRET", what="webhook secret", option="--secret-file", required=False
    )
    hook = Webhook(
        url,
        WebhookOptions(format=format_, dry_run=dry_run, secret=secret, headers=extra),
        client=_push_client(timeout, retries, ca_file, quiet),
    )
    items = api.read_inputs(list(inputs), options=api.ConvertOptions(from_format=from_format, extract=extract))
    return _report_push(push_items(hook, items), quiet)


# --- corpus: many articles, one graph (newsgraph.corpus) ---------------------------------


@main.group()
def corpus() -> None:
    """Many articles, one graph: actors, places and events resolved across articles (SQLite).

    \b
    Examples:
      newsgraph corpus add ../shared/seeds/ --db corpus.sqlite -j 2
      newsgraph corpus show corpus.sqlite --actor 'President Biden'
      newsgraph corpus export corpus.sqlite --to graphml -o corpus.graphml
    """


@corpus.command("add")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--db", "db", required=True, metavar="FILE", help="The corpus file (made when it does not exist).")
@_from_option("inputs")
@_EXTRACT_OPTION
@_GLOB_OPTION
@_JOBS_OPTION
@_ENGINE_OPTION
@_SCHEDULER_OPTION
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
@_guard
def corpus_add(
    inputs: tuple[str, ...],
    db: str,
    from_format: str | None,
    extract: bool | None,
    glob: str | None,
    workers: int | None,
    engine: str,
    scheduler: str | None,
    quiet: bool,
) -> int:
    """Add articles to a corpus: extract each, resolve its actors, places and events, store it.

    The same article added twice is one article; an input that fails fails alone; two adds
    at once on one file take turns.

    \b
    Examples:
      newsgraph corpus add ../shared/seeds/ --db corpus.sqlite
      newsgraph corpus add archive/ --glob '*.txt' --db corpus.sqlite -j 2
    """
    from .corpus import Corpus
    from .progress import BatchProgress

    options = api.ConvertOptions(
        from_format=from_format,
        extract=extract,
        glob=glob,
        workers=workers or batch.default_workers(),
        engine=engine,  # type: ignore[arg-type]  # click.Choice checked it is 'local' or 'dask'
        scheduler=scheduler,
    )
    with Corpus(db) as store, BatchProgress(None, enabled=not quiet) as progress:
        report = store.add(list(inputs), options=options, on_outcome=progress.update)
    for outcome in report.failed:
        assert outcome.error is not None
        _error(outcome.error)
    if not quiet:
        click.echo(report.summary(), err=True)
    return EXIT_OK if report.ok else EXIT_FAILED


@corpus.command("export")
@click.argument("db", metavar="CORPUS")
@click.option(
    "--to",
    "to",
    type=click.Choice(["json", "jsonld", "graphml", "csv"]),
    default="json",
    show_default=True,
    help="JSON Lines, one JSON-LD graph, GraphML, or a folder of CSV tables.",
)
@click.option("-o", "--output", required=True, metavar="PATH", help="File to write (--to csv: a folder).")
@_guard
def corpus_export(db: str, to: str, output: str) -> int:
    """Write a corpus out: every article with corpus ids, or the graph of actors and events.

    \b
    Examples:
      newsgraph corpus export corpus.sqlite --to json -o corpus.jsonl
      newsgraph corpus export corpus.sqlite --to csv -o tables/
    """
    from .corpus import Corpus

    with Corpus(db, readonly=True) as store:
        store.export(to, output)
    return EXIT_OK


@corpus.command("show")
@click.argument("db", metavar="CORPUS")
@click.option(
    "--actor", default=None, metavar="NAME", help="One actor (any name or corpus id): quotes over time, events."
)
@click.option(
    "--kind", default=None, metavar="KIND", help="Only actors or places of this kind, or events of this kind."
)
@click.option("--since", default=None, metavar="DATE", help="Quotes and events from this date (2021-06-01).")
@click.option("--until", default=None, metavar="DATE", help="Quotes and events up to this date.")
@click.option("-n", "--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Rows per table.")
@click.option("--json", "as_json", is_flag=True, help="JSON on standard output instead of tables.")
@_guard
def corpus_show(
    db: str, actor: str | None, kind: str | None, since: str | None, until: str | None, limit: int, as_json: bool
) -> int:
    """Look inside a corpus: the most mentioned actors, an actor's quotes over time, events.

    \b
    Examples:
      newsgraph corpus show corpus.sqlite --kind person -n 10
      newsgraph corpus show corpus.sqlite --actor 'Mr. Peskov' --since 2021-06-01 --json
    """
    from rich.console import Console

    from .corpus import Corpus
    from .corpus.show import overview, render

    with Corpus(db, readonly=True) as store:
        data = overview(store, actor=actor, kind=kind, since=since, until=until, limit=limit)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        render(data, Console())
    return EXIT_OK


# --- view and serve (issue 20) ---------------------------------------------------------


@main.command(name="view")
@click.argument("source", metavar="INPUT")
@click.option(
    "-o",
    "--output",
    default=None,
    metavar="PATH",
    help="The page to write ('-' or nothing: standard output); a folder (existing, or a path "
    "ending in '/') gets one page per article.",
)
@_from_option("input")
@_EXTRACT_OPTION
@_guard
def view(source: str, output: str | None, from_format: str | None, extract: bool | None) -> int:
    """Write an article as one self-contained HTML page: what newsgraph found, highlighted.

    Actors, quotes (with their speakers) and events are marked in the text; choosing an
    actor in the side panel highlights all its mentions and quotes. The page loads nothing
    from the network.

    \b
    Examples:
      newsgraph view story.txt -o story.html
      newsgraph view out/story.json -o story.html
      newsgraph view corpus.jsonl -o pages/
    """
    from .view import write_views

    options = api.ConvertOptions(from_format=from_format, extract=extract)
    for path in write_views(source, output, options=options, stdout=sys.stdout):
        if path != "<stdout>":
            click.echo(f"wrote {path}", err=True)
    return EXIT_OK


@main.command(name="serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (anything but localhost: give --api-key-file).",
)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option(
    "--api-key-file",
    metavar="FILE",
    default=None,
    help="File holding the API key that requests must send (Authorization: Bearer KEY or X-API-Key).",
)
@click.option(
    "-j",
    "--jobs",
    "workers",
    type=click.IntRange(min=0),
    default=None,
    help="Extraction worker processes sharing one loaded spaCy (0: in the server process) "
    "[default: the machine's cores, at most 4]",
)
@click.option(
    "--max-bytes", type=click.IntRange(min=1), default=None, help="Largest request body accepted  [default: 10 MiB]"
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=None,
    help="Seconds a request may take, reading the body and working  [default: 60]",
)
@_guard
def serve(
    host: str, port: int, api_key_file: str | None, workers: int | None, max_bytes: int | None, timeout: float | None
) -> int:
    """Run the REST API and web page (FastAPI and uvicorn; needs the 'serve' extra).

    \b
    POST /v1/convert?to=json|newsml|jsonld|ninjs   any input format in the body
    POST /v1/extract                               the JSON model
    POST /v1/view                                  the article's HTML page
    GET  /v1/formats, /v1/health, /docs (OpenAPI)  and / (a web page)

    \b
    Examples:
      newsgraph serve
      newsgraph serve --host 0.0.0.0 --port 8080 --api-key-file /etc/newsgraph/key
    """
    from .service import ServiceSettings, run

    settings = ServiceSettings.from_options(
        host=host, api_key_file=api_key_file, workers=workers, max_bytes=max_bytes, timeout=timeout
    )
    run(settings, host=host, port=port)
    return EXIT_OK


@corpus.command("view")
@click.argument("db", metavar="CORPUS")
@click.option("-o", "--output", required=True, metavar="FOLDER", help="The folder to write the site into.")
@click.option(
    "--actors",
    "limit",
    type=click.IntRange(min=1),
    default=60,
    show_default=True,
    help="Most connected actors drawn in the network.",
)
@_guard
def corpus_view(db: str, output: str, limit: int) -> int:
    """Write a static site for a corpus: the actor network, an events timeline, each speaker's
    quotes over time, and every article's page, all linked (nothing is fetched from the network).

    \b
    Example:
      newsgraph corpus view corpus.sqlite -o site/
    """
    from .view.corpus_site import write_site

    written = write_site(db, output, limit=limit)
    click.echo(f"wrote {len(written)} pages to {output} (open {Path(output) / 'index.html'})", err=True)
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    main()
