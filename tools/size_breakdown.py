"""Groups twiggy's `top --format csv` rows (shallow sizes of a wasm built with names) by crate.

Usage: size_breakdown.py top.csv. Prints bytes and share per crate (data segments and the name
section apart), then the largest data segments and the largest functions.
"""

import csv
import re
import sys
from collections import Counter


def crate_of(name: str) -> str:
    if name.startswith("data segment"):
        return "(data segments)"
    if "names\" subsection" in name or name.startswith("custom section"):
        return "(names and custom sections)"
    if name.startswith("import "):
        return "(imports)"
    # Demangled Rust paths: `<T as tachys::...>`, `<&T as core::...>`, `core[hash]::...`.
    text = re.sub(r"^(<|&|\(|\s|dyn |mut |T as |&T as |&mut T as )+", "", name)
    match = re.match(r"([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::", text)
    return match.group(1) if match else "(other)"


def main(path: str) -> None:
    with open(path, newline="") as f:
        rows = [(r["Name"], int(r["ShallowSize"])) for r in csv.DictReader(f)]
    sizes, counts = Counter(), Counter()
    for name, size in rows:
        crate = crate_of(name)
        sizes[crate] += size
        counts[crate] += 1
    counted = sum(v for k, v in sizes.items() if k != "(names and custom sections)")
    print(f"{'bytes':>9} {'share':>6} {'items':>6}  crate (shallow sizes, names section left out of the share)")
    for crate, size in sizes.most_common():
        if crate == "(names and custom sections)":
            continue
        print(f"{size:9d} {100 * size / counted:5.1f}% {counts[crate]:6d}  {crate}")
    print(f"{counted:9d} 100.0%         total")
    print("\nlargest data segments:")
    for name, size in sorted((r for r in rows if r[0].startswith("data segment")), key=lambda r: -r[1])[:8]:
        print(f"{size:9d}  {name}")
    print("\nlargest functions:")
    functions = [r for r in rows if crate_of(r[0]) not in ("(data segments)", "(names and custom sections)")]
    for name, size in sorted(functions, key=lambda r: -r[1])[:25]:
        print(f"{size:9d}  {name[:120]}")


if __name__ == "__main__":
    main(sys.argv[1])
