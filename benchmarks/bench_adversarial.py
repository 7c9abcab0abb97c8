"""Time loading and extraction on adversarial and very large inputs (prints figures; asserts nothing).

Run: python benchmarks/bench_adversarial.py [--scale 1.0]

The tests run the same kinds of input without timing them; this script shows how
long each takes, as seconds and as a ratio to a plain seed-style article of the
same size, so a catastrophic regex shows up as a ratio far above 1.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from policytrack.load import read_document

SEED_STYLE = "截至2021年，该区有效发明专利22452件，同比增长12%。广州开发区推动落地全国首单知识产权海外侵权责任保险。\n"


def cases(scale: float) -> dict[str, str]:
    n = max(1, int(scale * 1_000_000))
    return {
        "seed-style (baseline)": (SEED_STYLE * (n // len(SEED_STYLE) + 1))[:n],
        "one 5 MB line": ("广州开发区知识产权证券化" * (5 * n // 12 + 1))[: 5 * n] + "。",
        "cue words": "全国首单" * (n // 4),
        "digits and dots": "1." * (n // 2),
        "long number": "9" * n,
        "open brackets": "（《“" * (n // 3),
        "dates": "2022年" * (n // 5),
        "org suffixes": "知识产权保护中心" * (n // 8),
        "unclosed comments": "<p>x</p>" + "<!--" * (n // 40),
        "unclosed tags": "<p>x</p>" + "<a" * (n // 20),
        "nested divs": "<div>" * (n // 50) + "正文。" + "</div>" * (n // 50),
        "unclosed quotes": "<p>x</p>" + '<a x="' * (n // 6),
        "markup in attributes": '<p title="<b>x</b>">句子，文字。</p>' * (n // 30),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0, help="input size in MB (default 1)")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        baseline = None
        for name, text in cases(args.scale).items():
            path = Path(tmp) / "input.html"
            path.write_text(text, encoding="utf-8")
            start = time.perf_counter()
            try:
                read_document(path)
                outcome = "ok"
            except Exception as err:  # a benchmark reports whatever happens
                outcome = type(err).__name__
            seconds = time.perf_counter() - start
            mb = len(text.encode("utf-8")) / 1e6
            rate = seconds / mb if mb else 0.0
            baseline = baseline or rate
            rows.append((name, f"{mb:.2f}", f"{seconds:.2f}", f"{rate / baseline:.1f}", outcome))
    print(f"{'input':<24}{'MB':>7}{'s':>8}{'s/MB ratio':>12}  outcome")
    for row in rows:
        print(f"{row[0]:<24}{row[1]:>7}{row[2]:>8}{row[3]:>12}  {row[4]}")


if __name__ == "__main__":
    main()
