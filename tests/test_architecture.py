"""The package's layout is its architecture: one subpackage per concern, every import pointing
down the layers, no import circle. Computed from the source (ast), nothing is imported."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Iterator

import pytest

from bot.config.paths import ROOT

# Lowest first: a module may import its own layer and the layers before it, never a later one.
# `web` holds the counsellor console (web/console/) as a part of the web surfaces.
LAYERS = ("config", "engine", "stores", "content", "conversation", "decision_aid", "web", "ops")
ENTRY_POINTS = ("bot", "bot.__main__")  # the package itself and `python -m bot`: above all


def module_name(path: Path, root: Path) -> str:
    """`bot/web/console/console.py` -> `bot.web.console.console`; a package's __init__ is the
    package."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking_only(tree: ast.Module) -> set[int]:
    """ids of the import nodes under `if TYPE_CHECKING:` (names for annotations only)."""
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            out |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    return out


def imports(path: Path, name: str, modules: set[str]) -> Iterator[tuple[str, bool]]:
    """The modules of the package that `path` imports anywhere (top level or in a function),
    each with whether the import is for type checking only."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = _type_checking_only(tree)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolved against this module's package
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            # `from bot.conversation import language` imports the module bot.conversation.language
            targets = [
                f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names
            ]
        for target in targets:
            while target and target not in modules:  # `import bot.x.y` as far as it is ours
                target = target.rpartition(".")[0]
            if target and target != name:
                yield target, id(node) in typing_only


def graph(root: Path) -> dict[str, dict[str, bool]]:
    """module -> {imported module: type-checking only} for every module under root/bot."""
    files = {module_name(p, root): p for p in sorted((root / "bot").rglob("*.py"))}
    out: dict[str, dict[str, bool]] = {}
    for name, path in files.items():
        deps: dict[str, bool] = {}
        for target, typing_only in imports(path, name, set(files)):
            deps[target] = deps.get(target, True) and typing_only
        out[name] = deps
    return out


def layer(module: str) -> int:
    """The module's place in LAYERS (len(LAYERS) for the entry points)."""
    if module in ENTRY_POINTS:
        return len(LAYERS)
    parts = module.split(".")
    if len(parts) < 2 or parts[1] not in LAYERS:
        raise ValueError(f"{module} is in no layer: put it in one of {', '.join(LAYERS)}")
    return LAYERS.index(parts[1])


def upward_arrows(g: dict[str, dict[str, bool]]) -> list[str]:
    """Every import of a later layer by an earlier one (type-only imports count too: the
    lower layer would still know the higher one)."""
    return [
        f"{m} -> {d} ({LAYERS[layer(m)] if layer(m) < len(LAYERS) else 'entry point'} "
        f"imports {LAYERS[layer(d)]})"
        for m, deps in sorted(g.items())
        for d in sorted(deps)
        if layer(d) > layer(m)
    ]


def cycles(g: dict[str, dict[str, bool]]) -> list[list[str]]:
    """The import circles among modules (Tarjan's strongly connected components), counting
    imports that run; an annotation-only import back is no circle at run time."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w, typing_only in g.get(v, {}).items():
            if typing_only:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


# -- the package -----------------------------------------------------------------------------
def test_every_module_sits_in_a_concern_package() -> None:
    g = graph(ROOT)
    loose = [
        m
        for m in g
        if m not in ENTRY_POINTS and (len(m.split(".")) < 3 and m.split(".")[-1] not in LAYERS)
    ]
    assert not loose, f"modules directly in bot/: {loose}"
    for m in g:
        layer(m)  # raises for a package that is in no layer


def test_imports_point_down_the_layers() -> None:
    assert upward_arrows(graph(ROOT)) == []


def test_no_import_circle() -> None:
    assert cycles(graph(ROOT)) == []


# -- the checker itself, on a package made up for the purpose -------------------------------
def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = tmp_path / "bot" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for package in {p.parent for p in (tmp_path / "bot").rglob("*.py")}:
        (package / "__init__.py").touch()
    return tmp_path


def test_the_graph_sees_every_form_of_import(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {
            "config/paths.py": "",
            "content/content.py": "from bot.config.paths import ROOT\n",
            "content/catalog.py": "from . import content\nfrom .content import X\n",
            "conversation/render.py": "def f():\n    import bot.content.catalog\n",
            "conversation/routing.py": "from bot.conversation import render\n",
        },
    )
    g = graph(root)
    assert g["bot.content.content"] == {"bot.config.paths": False}
    assert g["bot.content.catalog"] == {"bot.content.content": False}
    assert g["bot.conversation.render"] == {"bot.content.catalog": False}
    assert g["bot.conversation.routing"] == {"bot.conversation.render": False}


def test_an_upward_arrow_is_found_even_for_annotations(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {
            "conversation/render.py": "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from bot.decision_aid.values import V\n",
            "decision_aid/values.py": "from bot.conversation.render import Renderer\n",
        },
    )
    g = graph(root)
    assert upward_arrows(g) == [
        "bot.conversation.render -> bot.decision_aid.values (conversation imports decision_aid)"
    ]
    assert cycles(g) == []  # the way back is for annotations only


def test_a_circle_within_a_layer_is_found(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {
            "content/a.py": "from bot.content import b\n",
            "content/b.py": "def f():\n    from bot.content.c import g\n",
            "content/c.py": "from bot.content.a import h\n",
        },
    )
    g = graph(root)
    assert upward_arrows(g) == []
    assert cycles(g) == [["bot.content.a", "bot.content.b", "bot.content.c"]]


def test_a_module_outside_the_layers_is_refused(tmp_path: Path) -> None:
    root = _package(tmp_path, {"misc/x.py": ""})
    with pytest.raises(ValueError, match=r"bot\.misc"):
        [layer(m) for m in graph(root)]


# -- configuration: read from the environment in one place, never at import -----------------
ENV_READER = "bot/config/environment.py"
MAX_LINES = 300


def environment_reads(source: str) -> list[tuple[int, bool]]:
    """(line, at module level) of every use of `os.environ`, `os.getenv`, `os.putenv`,
    `os.unsetenv` or `environ`/`getenv` imported from os, found with ast."""
    tree = ast.parse(source)
    in_function: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            in_function |= {id(n) for n in ast.walk(node) if n is not node}
    names = {"environ", "environb", "getenv", "getenvb", "putenv", "unsetenv"}
    imported = {
        a.asname or a.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "os"
        for a in node.names
        if a.name in names
    }
    found = []
    for node in ast.walk(tree):
        hit = (
            (
                isinstance(node, ast.Attribute)
                and node.attr in names
                and isinstance(node.value, ast.Name)
                and node.value.id == "os"
            )
            or (isinstance(node, ast.Name) and node.id in imported)
            or (
                isinstance(node, ast.ImportFrom)
                and node.module == "os"
                and any(a.name in names for a in node.names)
            )
        )
        if hit:
            found.append((getattr(node, "lineno", 0), id(node) not in in_function))
    return found


def _project_modules() -> Iterator[Path]:
    for folder in ("bot", "actions"):
        yield from sorted((ROOT / folder).rglob("*.py"))


def test_the_environment_is_read_in_one_place_and_never_at_import() -> None:
    """Configuration is built once by an entry point and passed in: only
    bot/config/environment.py touches the environment, and only inside its functions."""
    wrong = []
    for path in _project_modules():
        rel = path.relative_to(ROOT).as_posix()
        for line, at_import in environment_reads(path.read_text(encoding="utf-8")):
            if rel != ENV_READER or at_import:
                wrong.append(f"{rel}:{line}{' (at import)' if at_import else ''}")
    assert wrong == []


@pytest.mark.parametrize(
    "source, expected",
    [
        ("import os\nPORT = os.environ.get('BOT_PORT')\n", [(2, True)]),
        ("import os\ndef f():\n    return os.getenv('X')\n", [(3, False)]),
        ("from os import environ\n", [(1, True)]),
        ("from os import environ as e\ndef f():\n    return e['X']\n", [(1, True), (3, False)]),
        ("import os\nos.environ['BOT_STATE_DIR'] = '/tmp'\n", [(2, True)]),
        ("import os\nx = lambda: os.environ\n", [(2, False)]),
        ("import os\npath = os.path.join('a', 'b')\n", []),
    ],
)
def test_every_form_of_environment_read_is_found(
    source: str, expected: list[tuple[int, bool]]
) -> None:
    assert sorted(environment_reads(source)) == expected


def test_no_module_over_about_300_lines() -> None:
    """One job per module: none of bot/ or actions/ over about 300 lines."""
    long = {
        p.relative_to(ROOT).as_posix(): n
        for p in _project_modules()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
