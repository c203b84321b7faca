"""Command line: run the assistant, train, update catalogs, check and report on content,
preview what a parent gets, score the held-out questions."""
from __future__ import annotations

import argparse
import json
import sys


def _run(args: argparse.Namespace) -> int:
    from bot.ops.launcher import run
    run()
    return 0


def _train(args: argparse.Namespace) -> int:
    from bot.ops.model import ensure_model
    print(ensure_model(force=args.force))
    return 0


def _catalog(args: argparse.Namespace) -> int:
    from bot.content.catalog import update_catalogs
    from bot.content.content import get_content
    for lang, fuzzy in update_catalogs(get_content()).items():
        print(f"{lang}: {fuzzy} translation(s) need review (marked fuzzy)")
    return 0


def _build(args: argparse.Namespace) -> int:
    from bot.content.build import BuildRefused, publish
    try:
        published = publish()
    except BuildRefused as refused:
        for p in refused.problems:
            print(p)
        print("Nothing was published.")
        return 1
    print(f"Published {published.path.name}: {published.answers} answers, "
          f"{published.approved} approved; the running assistant serves it from the next message.")
    if published.untranslated:
        print(f"Not served in English until translated and approved: {len(published.untranslated)} "
              "text(s)")
    return 0


def _check(args: argparse.Namespace) -> int:
    from bot.content.checks import content_problems
    from bot.content.schema import ContentError
    try:
        problems = content_problems()
    except ContentError as exc:  # a file off the schema: nothing else can be checked
        problems = str(exc).splitlines()
    for p in problems:
        print(p)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


def _preview(args: argparse.Namespace) -> int:
    from bot.config.settings import get_settings
    from bot.ops.evaluate import preview_with_nlu
    from bot.web.rest_format import falls_back
    messages, nlu = preview_with_nlu(args.question, language=args.language,
                                     condition=args.condition, url=args.url,
                                     db=get_settings().tracker_db_url)
    for m in messages:
        print(m.get("text", ""))
        for b in m.get("buttons", []):
            print(f"  [{b['title']}]  {b['payload']}")
        custom = m.get("custom", {})
        print(f"  topic: {custom.get('topic')}, status: {custom.get('status')}, "
              f"language: {custom.get('language')}")
        if args.json:
            print(json.dumps(m, ensure_ascii=False, indent=2))
    if nlu:
        runner = (f"{nlu['runner_up']} ({nlu['runner_up_confidence']:.1%})"
                  if nlu["runner_up"] else "-")
        print(f"recognised: {nlu['intent']} ({nlu['confidence']:.1%}); runner-up: {runner}; "
              f"falls back: {'yes' if falls_back(messages, nlu) else 'no'}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from bot.content.report import answer_reports, as_text
    print(as_text(answer_reports()))
    return 0


def _heldout(args: argparse.Namespace) -> int:
    from bot.ops.evaluate import HELDOUT, HELDOUT_BLIND, Report, heldout_report
    first = heldout_report(url=args.url, path=HELDOUT)
    blind = heldout_report(url=args.url, path=HELDOUT_BLIND)
    both = Report(first.results + blind.results)
    for title, report in [("first set", first), ("blind set", blind), ("both sets", both)]:
        print(f"== {title} ==\n{report.summary()}\n")
    return 0 if both.meets_targets() else 1


def _unanswered(args: argparse.Namespace) -> int:
    import datetime as dt

    from bot.config.settings import get_settings
    from bot.stores.unanswered import UnansweredStore
    settings = get_settings()
    store = UnansweredStore(settings.unanswered_retention_days, settings.unanswered_db_url)
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


def _accounts(args: argparse.Namespace) -> int:
    from bot.web.console.accounts import AccountError, AccountStore
    store = AccountStore()
    try:
        if args.action == "add":
            account = store.add(args.name, args.display_name, _password(args))
            print(f"Account {account.name!r} ({account.display_name}) created. "
                  f"Log in at /console/login.")
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


def _bench(args: argparse.Namespace) -> int:
    import os
    import tempfile
    # A throwaway state directory (fresh tracker database), set before bot.paths is imported.
    os.environ["BOT_STATE_DIR"] = tempfile.mkdtemp(prefix="bot-bench-")
    from bot.ops.bench import main as bench
    bench(tuple(args.variants), rounds=args.rounds, levels=tuple(args.clients), turns=args.turns,
          soak=args.soak)
    return 0


def _soak(args: argparse.Namespace) -> int:
    import os

    # A throwaway state directory (fresh tracker database), set before bot.paths is imported.
    import shutil
    import tempfile
    os.environ["BOT_STATE_DIR"] = state = tempfile.mkdtemp(prefix="bot-soak-")
    from bot.ops.soak import main as soak
    try:
        return soak(args.mode, minutes=args.minutes, clients=args.clients, think=args.think)
    finally:
        shutil.rmtree(state, ignore_errors=True)


def _audit(args: argparse.Namespace) -> int:
    from bot.ops import audit
    if args.extract:
        from pathlib import Path

        from bot.ops.audit_extract import write_extract
        data = write_extract(Path(args.extract), list(audit.pins()), audit.EXTRACT)
        print(f"{audit.EXTRACT}: {sum(map(len, data['advisories'].values()))} records, "
              f"snapshot {data['snapshot_date']} ({data['commit'][:12]})")
        return 0
    return audit.main(offline_only=args.offline)


def _mutation(args: argparse.Namespace) -> int:
    from bot.ops.mutation import FAST
    from bot.ops.mutation import main as mutation
    return mutation(list(FAST) if args.fast else args.modules or None)


def main(argv: list[str] | None = None) -> None:
    """Parse arguments and run a sub-command."""
    parser = argparse.ArgumentParser(prog="python -m bot")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="train if needed and start everything").set_defaults(fn=_run)
    p = sub.add_parser("train", help="train the model if its inputs changed")
    p.add_argument("--force", action="store_true")
    p.set_defaults(fn=_train)
    sub.add_parser("catalog", help="update translation catalogs from the Dutch content"
                   ).set_defaults(fn=_catalog)
    sub.add_parser("build", help="publish the approved content to parents (the running "
                   "assistant picks it up at the next message)").set_defaults(fn=_build)
    sub.add_parser("check", help="check content: sources, reviews, translations"
                   ).set_defaults(fn=_check)
    p = sub.add_parser("preview", help="what a parent gets for a question (running assistant; "
                       "the preview conversation is deleted)")
    p.add_argument("question")
    p.add_argument("--language", choices=["nl", "en"], help="the page's language")
    p.add_argument("--condition", choices=["smard", "sma"], help="the page's preset condition")
    p.add_argument("--json", action="store_true", help="also print the raw messages")
    p.add_argument("--url", default=None)
    p.set_defaults(fn=_preview)
    content = sub.add_parser("content", help="content reports").add_subparsers(dest="what",
                                                                               required=True)
    content.add_parser("report", help="every answer: review, translation, readability"
                       ).set_defaults(fn=_report)
    p = sub.add_parser("unanswered", help="questions that got the fallback (when kept)")
    unanswered = p.add_subparsers(dest="action", required=True)
    unanswered.add_parser("list").set_defaults(fn=_unanswered)
    mark = unanswered.add_parser("mark", help="--topic X: added as an example to X; "
                                 "without: out of scope")
    mark.add_argument("id", type=int)
    mark.add_argument("--topic")
    mark.set_defaults(fn=_unanswered)
    p = sub.add_parser("accounts", help="counsellor accounts for the console (/console)")
    accounts = p.add_subparsers(dest="action", required=True)
    add = accounts.add_parser("add", help="create an account (asks for the password)")
    add.add_argument("name", help="login name, e.g. jdevries")
    add.add_argument("--display-name", required=True,
                     help='recorded with approvals, e.g. "J. de Vries, genetic counsellor"')
    passwd = accounts.add_parser("password", help="set a new password")
    passwd.add_argument("name")
    for q in (add, passwd):
        q.add_argument("--password-stdin", action="store_true",
                       help="read the password from standard input (scripts)")
    accounts.add_parser("remove").add_argument("name")
    accounts.add_parser("list")
    p.set_defaults(fn=_accounts)
    p = sub.add_parser("mutation", help="mutation testing of the decision modules (mutmut): "
                       "the score per module, also in test-artifacts/mutation.txt")
    p.add_argument("modules", nargs="*", help="e.g. bot/conversation/safety.py (default: all)")
    p.add_argument("--fast", action="store_true", help="only the fast subset (safety, language)")
    p.set_defaults(fn=_mutation)
    p = sub.add_parser("bench", help="speed and memory over REST on real processes, stock Rasa "
                       "beside the project (table also in test-artifacts/bench.md)")
    p.add_argument("--variants", nargs="+", choices=["stock", "shipped"],
                   default=["stock", "shipped"])
    p.add_argument("--rounds", type=int, default=3, help="repeats of the short measures (median)")
    p.add_argument("--clients", type=int, nargs="+", default=[10, 50])
    p.add_argument("--turns", type=int, default=200, help="length of the long conversation")
    p.add_argument("--soak", type=float, default=0, help="seconds of steady load, memory "
                   "sampled every 10 s (0: none)")
    p.set_defaults(fn=_bench)
    p = sub.add_parser("soak", help="concurrent scripted conversations for minutes: errors, "
                       "lost turns, latency, memory over time (test-artifacts/soak-MODE.txt)")
    p.add_argument("--mode", choices=["embedded", "production"], default="embedded")
    p.add_argument("--minutes", type=float, default=10)
    p.add_argument("--clients", type=int, default=50)
    p.add_argument("--think", type=float, default=1.0, help="seconds between a reply and the "
                   "next message, on average")
    p.set_defaults(fn=_soak)
    p = sub.add_parser("audit", help="known advisories against requirements.lock (pip-audit, "
                       "else the committed extract); each must be fixed or explained")
    p.add_argument("--offline", action="store_true", help="only the committed extract")
    p.add_argument("--extract", metavar="ADVISORY_DB", help="rebuild deploy/audit/advisories.yml "
                   "from a clone of PyPA's advisory database")
    p.set_defaults(fn=_audit)
    p = sub.add_parser("heldout", help="score the held-out questions against the running assistant")
    p.add_argument("--url", default=None)
    p.set_defaults(fn=_heldout)
    args = parser.parse_args(argv)
    sys.exit(args.fn(args))
