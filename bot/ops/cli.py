"""Command line: run the assistant, train, update catalogs, check and report on content,
preview what a parent gets, score the held-out questions."""

from __future__ import annotations

import argparse
import json
import sys

from bot.config.config import Config
from bot.ops.measure_commands import add_measure_commands


def _run(args: argparse.Namespace, config: Config) -> int:
    from bot.ops.launcher import run

    run(config)
    return 0


def _train(args: argparse.Namespace, config: Config) -> int:
    from bot.ops.model import ensure_model

    print(ensure_model(force=args.force))
    return 0


def _catalog(args: argparse.Namespace, config: Config) -> int:
    from bot.content.catalog import update_catalogs
    from bot.content.content import load_content

    paths = config.paths
    for lang, fuzzy in update_catalogs(
        load_content(paths.content_dir), paths.translations_dir
    ).items():
        print(f"{lang}: {fuzzy} translation(s) need review (marked fuzzy)")
    return 0


def _build(args: argparse.Namespace, config: Config) -> int:
    from bot.content.build import BuildRefused
    from bot.conversation.read_aloud import publish_served

    try:
        published = publish_served(config)
    except BuildRefused as refused:
        for p in refused.problems:
            print(p)
        print("Nothing was published.")
        return 1
    print(
        f"Published {published.path.name}: {published.answers} answers, "
        f"{published.approved} approved; the running assistant serves it from the next message."
    )
    if published.untranslated:
        print(
            f"Not served in English until translated and approved: {len(published.untranslated)} "
            "text(s)"
        )
    return 0


def _check(args: argparse.Namespace, config: Config) -> int:
    from bot.content.catalog import Translations
    from bot.content.checks import content_problems
    from bot.content.content import load_content
    from bot.content.schema import ContentError

    paths = config.paths
    try:
        problems = content_problems(
            load_content(paths.content_dir), Translations(paths.translations_dir), paths.sources_dir
        )
    except ContentError as exc:  # a file off the schema: nothing else can be checked
        problems = str(exc).splitlines()
    for p in problems:
        print(p)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


def _preview(args: argparse.Namespace, config: Config) -> int:
    from bot.ops.evaluate import preview_with_nlu, rest_url
    from bot.web.rest_format import falls_back

    messages, nlu = preview_with_nlu(
        args.question,
        language=args.language,
        condition=args.condition,
        url=args.url or rest_url(config.settings),
        db=config.tracker_store,
    )
    for m in messages:
        print(m.get("text", ""))
        for b in m.get("buttons", []):
            print(f"  [{b['title']}]  {b['payload']}")
        custom = m.get("custom", {})
        print(
            f"  topic: {custom.get('topic')}, status: {custom.get('status')}, "
            f"language: {custom.get('language')}"
        )
        if args.json:
            print(json.dumps(m, ensure_ascii=False, indent=2))
    if nlu:
        runner = (
            f"{nlu['runner_up']} ({nlu['runner_up_confidence']:.1%})" if nlu["runner_up"] else "-"
        )
        print(
            f"recognised: {nlu['intent']} ({nlu['confidence']:.1%}); runner-up: {runner}; "
            f"falls back: {'yes' if falls_back(messages, nlu) else 'no'}"
        )
    return 0


def _report(args: argparse.Namespace, config: Config) -> int:
    from bot.content.catalog import Translations
    from bot.content.content import load_content
    from bot.content.report import answer_reports, as_text

    paths = config.paths
    print(
        as_text(
            answer_reports(load_content(paths.content_dir), Translations(paths.translations_dir))
        )
    )
    return 0


def _heldout(args: argparse.Namespace, config: Config) -> int:
    from bot.ops.evaluate import HELDOUT, HELDOUT_BLIND, Report, heldout_report, rest_url

    url = args.url or rest_url(config.settings)
    first = heldout_report(url=url, path=HELDOUT)
    blind = heldout_report(url=url, path=HELDOUT_BLIND)
    both = Report(first.results + blind.results)
    for title, report in [("first set", first), ("blind set", blind), ("both sets", both)]:
        print(f"== {title} ==\n{report.summary()}\n")
    return 0 if both.meets_targets() else 1


def _unanswered(args: argparse.Namespace, config: Config) -> int:
    import datetime as dt

    from bot.stores.unanswered import UnansweredStore

    settings = config.settings
    store = UnansweredStore(settings.unanswered_retention_days, config.unanswered_store)
    if args.action == "mark":
        status = "added" if args.topic else "out_of_scope"
        return 0 if store.mark(args.id, status, args.topic) else 1
    if not settings.keep_unanswered:
        print("(keeping unanswered questions is off: privacy.keep_unanswered_questions)")
    for q in store.list(dt.date.today()):
        print(f"{q.id:5} {q.asked_on} {q.language} {q.status:13} {q.topic or '':20} {q.text}")
    return 0


def _password(args: argparse.Namespace) -> str:
    """From standard input (--password-stdin, for scripts) or typed twice, never echoed."""
    import getpass

    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password (at least 12 characters): ")
    if getpass.getpass("Same password again: ") != first:
        raise SystemExit("The passwords differ; nothing was changed.")
    return first


def _accounts(args: argparse.Namespace, config: Config) -> int:
    from bot.web.console.accounts import AccountError, AccountStore, accounts_file

    store = AccountStore(accounts_file(config.paths.state_dir))
    try:
        if args.action == "add":
            account = store.add(args.name, args.display_name, _password(args))
            print(
                f"Account {account.name!r} ({account.display_name}) created. "
                f"Log in at /console/login."
            )
        elif args.action == "password":
            store.set_password(args.name, _password(args))
            print(f"Password of {args.name!r} changed.")
        elif args.action == "remove":
            store.remove(args.name)
            print(f"Account {args.name!r} removed.")
        else:
            for a in store.list():
                print(f"{a.name:20} {a.display_name}")
    except AccountError as exc:
        print(f"Not done: {exc}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> None:
    """Parse arguments and run a sub-command."""
    parser = argparse.ArgumentParser(prog="python -m bot")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="train if needed and start everything").set_defaults(fn=_run)
    p = sub.add_parser("train", help="train the model if its inputs changed")
    p.add_argument("--force", action="store_true")
    p.set_defaults(fn=_train)
    sub.add_parser(
        "catalog", help="update translation catalogs from the Dutch content"
    ).set_defaults(fn=_catalog)
    sub.add_parser(
        "build",
        help="publish the approved content to parents (the running "
        "assistant picks it up at the next message)",
    ).set_defaults(fn=_build)
    sub.add_parser("check", help="check content: sources, reviews, translations").set_defaults(
        fn=_check
    )
    p = sub.add_parser(
        "preview",
        help="what a parent gets for a question (running assistant; "
        "the preview conversation is deleted)",
    )
    p.add_argument("question")
    p.add_argument("--language", choices=["nl", "en"], help="the page's language")
    p.add_argument("--condition", choices=["smard", "sma"], help="the page's preset condition")
    p.add_argument("--json", action="store_true", help="also print the raw messages")
    p.add_argument("--url", default=None)
    p.set_defaults(fn=_preview)
    content = sub.add_parser("content", help="content reports").add_subparsers(
        dest="what", required=True
    )
    content.add_parser(
        "report", help="every answer: review, translation, readability"
    ).set_defaults(fn=_report)
    p = sub.add_parser("unanswered", help="questions that got the fallback (when kept)")
    unanswered = p.add_subparsers(dest="action", required=True)
    unanswered.add_parser("list").set_defaults(fn=_unanswered)
    mark = unanswered.add_parser(
        "mark", help="--topic X: added as an example to X; without: out of scope"
    )
    mark.add_argument("id", type=int)
    mark.add_argument("--topic")
    mark.set_defaults(fn=_unanswered)
    p = sub.add_parser("accounts", help="counsellor accounts for the console (/console)")
    accounts = p.add_subparsers(dest="action", required=True)
    add = accounts.add_parser("add", help="create an account (asks for the password)")
    add.add_argument("name", help="login name, e.g. jdevries")
    add.add_argument(
        "--display-name",
        required=True,
        help='recorded with approvals, e.g. "J. de Vries, genetic counsellor"',
    )
    passwd = accounts.add_parser("password", help="set a new password")
    passwd.add_argument("name")
    for q in (add, passwd):
        q.add_argument(
            "--password-stdin",
            action="store_true",
            help="read the password from standard input (scripts)",
        )
    accounts.add_parser("remove").add_argument("name")
    accounts.add_parser("list")
    p.set_defaults(fn=_accounts)
    add_measure_commands(sub)
    p = sub.add_parser("heldout", help="score the held-out questions against the running assistant")
    p.add_argument("--url", default=None)
    p.set_defaults(fn=_heldout)
    args = parser.parse_args(argv)
    from bot.config.environment import read_config

    sys.exit(args.fn(args, read_config()))
