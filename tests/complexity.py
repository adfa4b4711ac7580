"""Print the most complex and the longest functions of graph/, cypher/ and api/; exit 1 when one
is over the limits (cyclomatic complexity by radon, length in lines including its docstring).

    python -m tests.complexity [--top N]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from radon.complexity import cc_visit
from radon.visitors import Function as Block

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("graph", "cypher", "api")
MAX_COMPLEXITY = 20
MAX_LINES = 60


@dataclass(frozen=True)
class Function:
    where: str
    complexity: int
    lines: int


def functions(folders=FOLDERS) -> list[Function]:
    out = []
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for block in cc_visit(path.read_text(encoding="utf-8")):
                for f in [block] if isinstance(block, Block) else block.methods:
                    name = f"{f.classname}.{f.name}" if f.classname else f.name
                    out.append(
                        Function(f"{path.relative_to(ROOT)}:{f.lineno} {name}", f.complexity, f.endline - f.lineno + 1)
                    )
    return list({f.where: f for f in out}.values())  # radon may list a method twice


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=5)
    args = ap.parse_args(argv)
    found = functions()
    print(f"complexity ({len(found)} functions in {', '.join(FOLDERS)}; limit {MAX_COMPLEXITY}):")
    for f in sorted(found, key=lambda f: -f.complexity)[: args.top]:
        print(f"  {f.complexity:3d}  {f.where}")
    print(f"length in lines (limit {MAX_LINES}):")
    for f in sorted(found, key=lambda f: -f.lines)[: args.top]:
        print(f"  {f.lines:3d}  {f.where}")
    over = [f for f in found if f.complexity > MAX_COMPLEXITY or f.lines > MAX_LINES]
    for f in over:
        print(f"over the limits: {f.where} (complexity {f.complexity}, {f.lines} lines)", file=sys.stderr)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
