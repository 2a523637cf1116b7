"""The shape of the code stays true: packages by concept, dependencies flowing one way (README: "How the code is
organised"). Reads the imports of every module; an upward import or a cycle between packages fails."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Layers from the bottom; a package may import its own modules and any package of a lower layer, never one of its
# own layer or above. Top-level modules of ``bot`` (the Assistant facade, the CLI, evaluation) are its top layer.
LAYERS: dict[str, tuple[tuple[str, ...], ...]] = {
    "bot": (("core",), ("content",), ("answering", "routing", "storage"), ("",)),
    "handlers": (("common",), ("associations", "officials"), ("wiring",)),
}
# The command line starts the Telegram bot (`kanebot run`) lazily: the one edge from the core to the adapters, and
# the reason `kanebot ask` never imports telegram.
ALLOWED = {("bot.cli", "handlers.wiring.run")}


def package_of(module: str) -> tuple[str, str] | None:
    """("bot", "routing") for bot.routing.places; ("bot", "") for bot.cli; None outside the project."""
    parts = module.split(".")
    if parts[0] not in LAYERS:
        return None
    known = {name for layer in LAYERS[parts[0]] for name in layer}
    if len(parts) > 1 and parts[1] in known - {""}:
        return parts[0], parts[1]
    return parts[0], ""


def rank(package: tuple[str, str]) -> int:
    return next(i for i, layer in enumerate(LAYERS[package[0]]) if package[1] in layer)


def modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for top in LAYERS:
        for path in sorted((ROOT / top).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(module: str, path: Path) -> set[str]:
    names: set[str] = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names.add(base)
            names |= {f"{base}.{alias.name}" for alias in node.names}  # `from bot import logs` names a module
    return names


def edges() -> set[tuple[str, str]]:
    known = modules()
    found: set[tuple[str, str]] = set()
    for module, path in known.items():
        for name in imports(module, path):
            if name in known:
                found.add((module, name))
    return found


def test_every_module_is_in_a_layer() -> None:
    for module in modules():
        package = package_of(module)
        assert package is not None
        if package[0] == "handlers" and module != "handlers":
            assert package[1], f"{module}: a handler module belongs in one of the handler packages"


def test_dependencies_only_flow_downwards() -> None:
    upward = []
    for importer, imported in sorted(edges()):
        source, target = package_of(importer), package_of(imported)
        assert source is not None and target is not None
        if (importer, imported) in ALLOWED or source == target:
            continue
        if source[0] != target[0]:
            if source[0] == "bot":  # the core never depends on the Telegram adapters
                upward.append(f"{importer} → {imported}: the core imports a handler")
            continue
        if rank(target) >= rank(source):
            upward.append(f"{importer} → {imported}: {'.'.join(source)} may not use {'.'.join(target)}")
    assert upward == []


def test_no_cycle_between_packages() -> None:
    graph: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for importer, imported in edges():
        source, target = package_of(importer), package_of(imported)
        if source and target and source != target and (importer, imported) not in ALLOWED:
            graph.setdefault(source, set()).add(target)

    def reaches(start: tuple[str, str], goal: tuple[str, str], seen: set[tuple[str, str]]) -> bool:
        return any(
            nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})) for nxt in graph.get(start, ())
        )

    assert [node for node in graph if reaches(node, node, set())] == []


def test_no_cycle_between_modules() -> None:
    """Within a package too: an interface that imports its implementations (even lazily, inside a function) and
    is imported by them is one module in two files."""
    graph: dict[str, set[str]] = {}
    for importer, imported in edges():
        if importer != imported and not imported.startswith(f"{importer}.") and (importer, imported) not in ALLOWED:
            graph.setdefault(importer, set()).add(imported)

    def cycle_from(start: str) -> list[str] | None:
        path, stack = [start], [iter(sorted(graph.get(start, ())))]
        seen = {start}
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                stack.pop()
                path.pop()
            elif nxt == start:
                return [*path, start]
            elif nxt not in seen:
                seen.add(nxt)
                path.append(nxt)
                stack.append(iter(sorted(graph.get(nxt, ()))))
        return None

    cycles = {" → ".join(found) for module in sorted(graph) if (found := cycle_from(module))}
    assert sorted(cycles) == []


def test_the_core_never_imports_telegram() -> None:
    offenders = [
        module
        for module, path in modules().items()
        if module.startswith("bot") and any(name.split(".")[0] == "telegram" for name in imports(module, path))
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("importer", "imported", "allowed"),
    [
        ("bot.routing.router", "bot.content.topics", True),
        ("bot.content.topics", "bot.routing.topics", False),
        ("bot.routing.router", "bot.answering.lexicon", False),
        ("bot.core.reply", "bot.core.lang", True),
        ("handlers.associations.contact", "handlers.officials.commands", False),
        ("handlers.wiring.app", "handlers.officials.commands", True),
    ],
)
def test_the_rule_itself_tells_up_from_down(importer: str, imported: str, allowed: bool) -> None:
    source, target = package_of(importer), package_of(imported)
    assert source is not None and target is not None
    assert (source == target or rank(target) < rank(source)) is allowed
