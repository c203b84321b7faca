"""The command line's measuring commands (`python -m bot bench|soak|audit|mutation`): each
starts what it measures itself and prints figures; bot/ops/cli.py adds them to its parser."""

from __future__ import annotations

import argparse
from typing import Any

from bot.config.config import Config


def _bench(args: argparse.Namespace, config: Config) -> int:
    import dataclasses
    import tempfile
    from pathlib import Path

    from bot.ops.bench import main as bench

    # A throwaway state directory (fresh tracker database), given to every process it starts.
    config = dataclasses.replace(
        config,
        paths=dataclasses.replace(
            config.paths, state_dir=Path(tempfile.mkdtemp(prefix="bot-bench-"))
        ),
    )
    bench(
        config,
        tuple(args.variants),
        rounds=args.rounds,
        levels=tuple(args.clients),
        turns=args.turns,
        soak=args.soak,
    )
    return 0


def _soak(args: argparse.Namespace, config: Config) -> int:
    import dataclasses
    import shutil
    import tempfile
    from pathlib import Path

    from bot.ops.soak import main as soak

    # A throwaway state directory (fresh tracker database), given to every process it starts.
    state = Path(tempfile.mkdtemp(prefix="bot-soak-"))
    config = dataclasses.replace(config, paths=dataclasses.replace(config.paths, state_dir=state))
    try:
        return soak(
            config,
            args.mode,
            minutes=args.minutes,
            clients=args.clients,
            think=args.think,
            pg_port=args.pg_port,
            redis_port=args.redis_port,
        )
    finally:
        shutil.rmtree(state, ignore_errors=True)


def _audit(args: argparse.Namespace, config: Config) -> int:
    from bot.ops import audit

    if args.extract:
        from pathlib import Path

        from bot.ops.audit_extract import write_extract

        data = write_extract(Path(args.extract), list(audit.pins()), audit.EXTRACT)
        print(
            f"{audit.EXTRACT}: {sum(map(len, data['advisories'].values()))} records, "
            f"snapshot {data['snapshot_date']} ({data['commit'][:12]})"
        )
        return 0
    return audit.main(offline_only=args.offline, pip_audit_exe=args.pip_audit)


def _mutation(args: argparse.Namespace, config: Config) -> int:
    from bot.ops.mutation import FAST
    from bot.ops.mutation import main as mutation

    return mutation(list(FAST) if args.fast else args.modules or None)


def add_measure_commands(sub: Any) -> None:
    """Add the measuring sub-commands to the command line's sub-parsers `sub`."""
    p = sub.add_parser(
        "mutation",
        help="mutation testing of the decision modules (mutmut): "
        "the score per module, also in test-artifacts/mutation.txt",
    )
    p.add_argument("modules", nargs="*", help="e.g. bot/conversation/safety.py (default: all)")
    p.add_argument("--fast", action="store_true", help="only the fast subset (safety, language)")
    p.set_defaults(fn=_mutation)
    p = sub.add_parser(
        "bench",
        help="speed and memory over REST on real processes, stock Rasa "
        "beside the project (table also in test-artifacts/bench.md)",
    )
    p.add_argument(
        "--variants", nargs="+", choices=["stock", "shipped"], default=["stock", "shipped"]
    )
    p.add_argument("--rounds", type=int, default=3, help="repeats of the short measures (median)")
    p.add_argument("--clients", type=int, nargs="+", default=[10, 50])
    p.add_argument("--turns", type=int, default=200, help="length of the long conversation")
    p.add_argument(
        "--soak",
        type=float,
        default=0,
        help="seconds of steady load, memory sampled every 10 s (0: none)",
    )
    p.set_defaults(fn=_bench)
    p = sub.add_parser(
        "soak",
        help="concurrent scripted conversations for minutes: errors, "
        "lost turns, latency, memory over time (test-artifacts/soak-MODE.txt)",
    )
    p.add_argument("--mode", choices=["embedded", "production"], default="embedded")
    p.add_argument("--minutes", type=float, default=10)
    p.add_argument("--clients", type=int, default=50)
    p.add_argument(
        "--think",
        type=float,
        default=1.0,
        help="seconds between a reply and the next message, on average",
    )
    p.add_argument("--pg-port", type=int, default=15432, help="production: PostgreSQL's port")
    p.add_argument("--redis-port", type=int, default=16379, help="production: Redis's port")
    p.set_defaults(fn=_soak)
    p = sub.add_parser(
        "audit",
        help="known advisories against requirements.lock (pip-audit, "
        "else the committed extract); each must be fixed or explained",
    )
    p.add_argument("--offline", action="store_true", help="only the committed extract")
    p.add_argument(
        "--pip-audit",
        metavar="PATH",
        help="pip-audit to run (default: from PATH; "
        "it needs its own environment, see docs/production.md)",
    )
    p.add_argument(
        "--extract",
        metavar="ADVISORY_DB",
        help="rebuild deploy/audit/advisories.yml from a clone of PyPA's advisory database",
    )
    p.set_defaults(fn=_audit)
