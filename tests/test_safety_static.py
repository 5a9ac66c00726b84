"""The package never runs code from disk or the network: no pickle, eval/exec or nltk.download."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "filmqa"
SOURCES = sorted(PACKAGE.rglob("*.py"))


def _problems(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [f"import {a.name}" for a in node.names if a.name.split(".")[0] in {"pickle", "marshal", "shelve", "dill", "joblib"}]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in {"pickle", "marshal", "shelve", "dill", "joblib"}:
            found.append(f"from {node.module} import")
        elif isinstance(node, ast.Call):
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            if name in {"eval", "exec", "download", "download_shell"}:
                found.append(f"{name}() call")
            for kw in node.keywords:
                if kw.arg == "allow_pickle" and not (isinstance(kw.value, ast.Constant) and kw.value.value is False):
                    found.append("allow_pickle not False")
    return found


def test_the_checker_catches_what_it_looks_for():
    bad = "import pickle\nimport numpy as np\nnp.load('x', allow_pickle=True)\nnltk.download('punkt')\neval('1')\n"
    assert len(_problems(ast.parse(bad))) == 4


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_code_is_loaded_from_data(path):
    assert _problems(ast.parse(path.read_text(encoding="utf-8"))) == []


def test_every_npy_load_refuses_pickles():
    loads = [
        (path, node)
        for path in SOURCES
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "load"
        and isinstance(node.func.value, ast.Name) and node.func.value.id in {"np", "numpy"}
    ]
    for path, node in loads:
        assert any(kw.arg == "allow_pickle" for kw in node.keywords), f"{path.name}:{node.lineno} np.load without allow_pickle=False"
