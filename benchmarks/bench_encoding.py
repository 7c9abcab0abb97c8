"""Compare policytrack's decoder with charset-normalizer on Chinese encodings (prints a table; asserts nothing).

Run: python benchmarks/bench_encoding.py [--misses]

Cases are built from the seed articles (simplified Chinese), the test article of
``tests/data/html`` and a short traditional-Chinese text written for this
benchmark: each encoded as UTF-8 (with and without BOM), GB18030, GBK, GB2312,
Big5 (alone and as an HTML page declaring ``charset=big5``), UTF-16 LE/BE with
and without BOM, short one-line texts, and mojibake (UTF-8 bytes once read as
Windows-1252 and saved again as UTF-8).  A case is
right when the decoded text equals the original (line ends normalised).
Install the reference with ``pip install charset-normalizer``.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import time
from collections.abc import Callable
from pathlib import Path

from policytrack._encoding import decode_bytes, normalise_newlines

ROOT = Path(__file__).resolve().parent.parent
#: Written for this benchmark (traditional characters, as a Taiwan or Hong Kong outlet would print them).
TRADITIONAL = (
    "臺北市政府近日宣布，將設立智慧財產權質押融資保證基金，首期規模新臺幣十億元，協助中小企業以專利向銀行取得貸款。\n"
    "經濟部表示，今年上半年全臺專利申請件數較去年同期成長百分之八，其中發明專利占六成。\n"
    "香港特區政府亦計劃推出知識產權融資先導計劃，為本地初創企業提供擔保及利息補貼。\n"
)


def texts() -> dict[str, str]:
    out = {p.stem[:3]: p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))}
    out["article"] = (ROOT / "tests" / "data" / "html" / "article.txt").read_text(encoding="utf-8")
    return {k: normalise_newlines(v) for k, v in out.items()}


def _cp1252(byte: int) -> str:
    """How Windows-1252 shows one byte (the five bytes it leaves undefined as Latin-1)."""
    return bytes([byte]).decode("cp1252", errors="ignore") or chr(byte)


def cases() -> list[tuple[str, bytes, str]]:
    """(name, bytes, expected text)."""
    out: list[tuple[str, bytes, str]] = []
    for name, text in texts().items():
        out.append((f"{name} utf-8", text.encode("utf-8"), text))
        out.append((f"{name} utf-8 BOM", codecs.BOM_UTF8 + text.encode("utf-8"), text))
        out.append((f"{name} gb18030", text.encode("gb18030"), text))
        with contextlib.suppress(UnicodeEncodeError):  # a seed with a character GBK lacks
            out.append((f"{name} gbk", text.encode("gbk"), text))
        out.append((f"{name} utf-16-le BOM", codecs.BOM_UTF16_LE + text.encode("utf-16-le"), text))
        out.append((f"{name} utf-16-be BOM", codecs.BOM_UTF16_BE + text.encode("utf-16-be"), text))
        out.append((f"{name} utf-16-le", text.encode("utf-16-le"), text))
        out.append((f"{name} utf-16-be", text.encode("utf-16-be"), text))
        first = text.split("\n", 1)[0][:24]
        out.append((f"{name} short gbk", first.encode("gbk", errors="ignore"), first.encode("gbk", errors="ignore").decode("gbk")))
        # (UTF-8 read as GBK is lossy on real text: those bytes are gone, and both tools say so or fail)
        latin = "".join(_cp1252(b) for b in text.encode("utf-8"))
        out.append((f"{name} mojibake utf8-as-cp1252", latin.encode("utf-8"), text))
    big5 = TRADITIONAL.encode("big5")
    out.append(("traditional big5", big5, TRADITIONAL))
    out.append(("traditional big5 short", TRADITIONAL[:20].encode("big5"), TRADITIONAL[:20]))
    page = f'<html><head><meta charset="big5"><title>臺北</title></head><body><p>{TRADITIONAL}</p></body></html>'
    out.append(("traditional big5 html", page.encode("big5"), page))
    out.append(("traditional utf-8", TRADITIONAL.encode("utf-8"), TRADITIONAL))
    out.append(("traditional utf-16-le", TRADITIONAL.encode("utf-16-le"), TRADITIONAL))
    out.append(("traditional gb18030", TRADITIONAL.encode("gb18030"), TRADITIONAL))
    return out


def run_policytrack(data: bytes) -> str:
    return decode_bytes(data)[0]


def run_charset_normalizer(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return normalise_newlines(str(best)) if best is not None else ""


TOOLS: dict[str, Callable[[bytes], str]] = {"policytrack": run_policytrack, "charset-normalizer": run_charset_normalizer}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    all_cases = cases()
    print(f"{'tool':<20}{'cases':>6}{'right':>7}{'errors':>8}{'ms/case':>9}")
    for tool, run in TOOLS.items():
        right = errors = 0
        start = time.perf_counter()
        for name, data, expected in all_cases:
            try:
                got = run(data)
            except Exception as err:  # a benchmark reports whatever happens
                errors += 1
                if args.misses:
                    print(f"  {tool}: {name}: {type(err).__name__}: {err}")
                continue
            if got == expected:
                right += 1
            elif args.misses:
                print(f"  {tool}: {name}: got {got[:20]!r}")
        ms = (time.perf_counter() - start) * 1000 / len(all_cases)
        print(f"{tool:<20}{len(all_cases):>6}{right:>7}{errors:>8}{ms:>9.1f}")


if __name__ == "__main__":
    main()
