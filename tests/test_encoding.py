"""Bytes -> text: every Chinese encoding a news file comes in, one row each.

benchmarks/bench_encoding.py measures the same cases against charset-normalizer.
"""

from __future__ import annotations

import codecs

import pytest

from policytrack._encoding import decode_bytes
from policytrack.errors import UndecodableTextError

SIMPLIFIED = "佛山市设立知识产权质押融资风险补偿资金池，首期规模5000万元。\n2023年，全市质押融资登记金额达18.6亿元。\n"
# written for these tests, in traditional characters as a Taiwan or Hong Kong outlet prints them
TRADITIONAL = "臺北市政府近日宣布，將設立智慧財產權質押融資保證基金，協助中小企業以專利向銀行取得貸款。\n"
HONG_KONG = "香港特區政府推出知識產權融資計劃，協助中小企業。𨋢即升降機。\n"  # 𨋢 is in HKSCS only
RARE = "𠮷野家在广州开设门店，商标注册号为第12345678号。\n"  # 𠮷 is a four-byte GB18030 character


def _cp1252_mojibake(text: str) -> bytes:
    shown = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8"))
    return shown.encode("utf-8")


def _page(charset: str, body: str) -> str:
    return f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}"></head><body><p>{body}</p></body></html>'


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        pytest.param(SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8", id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8-sig", id="utf-8-bom"),
        pytest.param(SIMPLIFIED.encode("gbk"), SIMPLIFIED, "gb18030", id="gbk"),
        pytest.param(SIMPLIFIED.encode("gb2312"), SIMPLIFIED, "gb18030", id="gb2312"),
        pytest.param(RARE.encode("gb18030"), RARE, "gb18030", id="gb18030-four-byte"),
        pytest.param(SIMPLIFIED[:12].encode("gbk"), SIMPLIFIED[:12], "gb18030", id="gbk-short"),
        pytest.param(TRADITIONAL.encode("big5"), TRADITIONAL, "cp950", id="big5"),
        pytest.param(TRADITIONAL[:10].encode("big5"), TRADITIONAL[:10], "cp950", id="big5-short"),
        pytest.param(TRADITIONAL.encode("gb18030"), TRADITIONAL, "gb18030", id="traditional-in-gb18030"),
        pytest.param(HONG_KONG.encode("big5hkscs"), HONG_KONG, "big5hkscs", id="big5-hkscs"),
        pytest.param(codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, "utf-16", id="utf-16-le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16", id="utf-16-be-bom"),
        pytest.param(SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, "utf-16-le", id="utf-16-le-no-bom"),
        pytest.param(SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16-be", id="utf-16-be-no-bom"),
        pytest.param(TRADITIONAL.encode("utf-16-le"), TRADITIONAL, "utf-16-le", id="utf-16-traditional"),
        pytest.param(_cp1252_mojibake(SIMPLIFIED), SIMPLIFIED, "utf-8+cp1252-mojibake", id="mojibake-cp1252"),
        pytest.param(
            _page("big5", TRADITIONAL).encode("big5"), _page("big5", TRADITIONAL), "cp950", id="page-declares-big5"
        ),
        pytest.param(
            _page("gb2312", SIMPLIFIED).encode("gb2312"), _page("gb2312", SIMPLIFIED), "gb18030", id="page-declares-gb2312"
        ),
        # a page saved again as UTF-8 that still declares its old charset: the bytes decide
        pytest.param(
            _page("gb2312", SIMPLIFIED).encode("utf-8"), _page("gb2312", SIMPLIFIED), "utf-8", id="declared-but-utf-8"
        ),
        pytest.param(
            _page("x-unknown", SIMPLIFIED).encode("gbk"), _page("x-unknown", SIMPLIFIED), "gb18030", id="declares-unknown"
        ),
    ],
)
def test_decodes(data: bytes, text: str, encoding: str) -> None:
    assert decode_bytes(data) == (text, encoding)


def test_lost_bytes_are_reported() -> None:
    lossy = SIMPLIFIED.encode("utf-8").decode("gbk", errors="replace").encode("utf-8")
    with pytest.raises(UndecodableTextError, match="already lost"):
        decode_bytes(lossy, "x.txt")


def test_neither_gb_nor_big5_is_reported() -> None:
    with pytest.raises(UndecodableTextError, match=r"x\.txt: .*GB18030 or Big5"):
        decode_bytes(b"\x80\x80 abc \xff\xff\xff", "x.txt")
