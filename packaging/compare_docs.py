"""Do two .docx files hold the same document? Every XML part is compared byte for byte,
except docProps/ (creation times). Prints the first difference; exit 0 when identical.

    python packaging/compare_docs.py A.docx B.docx
"""

from __future__ import annotations

import sys
import zipfile


def parts(path: str) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if not n.startswith("docProps/")}


def differences(a: str, b: str) -> list[str]:
    pa, pb = parts(a), parts(b)
    out = [f"only in {a}: {n}" for n in sorted(pa.keys() - pb.keys())]
    out += [f"only in {b}: {n}" for n in sorted(pb.keys() - pa.keys())]
    for name in sorted(pa.keys() & pb.keys()):
        x, y = pa[name], pb[name]
        if x != y:
            i = next((k for k in range(min(len(x), len(y))) if x[k] != y[k]), min(len(x), len(y)))
            out.append(
                f"{name} differs at byte {i}: …{x[max(0, i - 60) : i + 60]!r} vs …{y[max(0, i - 60) : i + 60]!r}"
            )
    return out


if __name__ == "__main__":
    diffs = differences(sys.argv[1], sys.argv[2])
    print("\n".join(diffs) if diffs else f"identical: {sys.argv[1]} = {sys.argv[2]}")
    sys.exit(1 if diffs else 0)
