"""The loader on bad input: broken bytes, broken markup, broken front matter, broken paths."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import pytest

from policytrack import (
    FrontMatterError,
    NotAnArticleError,
    UndecodableTextError,
    UnreadableFileError,
    iter_documents,
    load,
    read_document,
)
from policytrack.errors import LoadError

load_mod = importlib.import_module("policytrack.load")
ARTICLE = "深圳市知识产权质押融资登记金额同比增长30%。\n深圳市市场监管局近日发布通知。\n"


@pytest.fixture(autouse=True)
def no_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about loading; the extractors are tested elsewhere."""
    monkeypatch.setattr(load_mod, "extract_document", lambda doc: doc)


BAD_BYTES = [
    # bytes -> the error raised (None: loads fine)
    pytest.param(b"", NotAnArticleError, id="empty"),
    pytest.param(b"  \n\t\r\n \xe3\x80\x80\n", NotAnArticleError, id="whitespace-only"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100), NotAnArticleError, id="png"),
    pytest.param(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(50), NotAnArticleError, id="zip"),
    pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", NotAnArticleError, id="pdf"),
    pytest.param(ARTICLE.encode("utf-8") + bytes(64) + b"\x01\x02\x03" * 20, NotAnArticleError, id="nul-bytes"),
    pytest.param(bytes(range(1, 32)) * 40, NotAnArticleError, id="control-chars"),
    pytest.param(b"\x80\x80 abc \xff\xff\xff", UndecodableTextError, id="neither-utf8-nor-gb18030"),
    pytest.param("caf\u00e9 na\u00efve r\u00e9sum\u00e9 ".encode("latin-1") * 3, UndecodableTextError, id="latin1"),
    pytest.param(b"<script>var a=1;</script><style>p{}</style><!-- x -->", NotAnArticleError, id="only-scripts"),
    pytest.param(b"---\ntitle: x\ndate: 2022-01-01\n<p>" + ARTICLE.encode(), FrontMatterError,
                 id="unclosed-front-matter"),
    pytest.param(b"---\ntitle: x\ndate: 2022-02-30\n---\n" + ARTICLE.encode(), FrontMatterError,
                 id="front-matter-impossible-date"),
    pytest.param(b"---\ntitle: x\ndate: someday\n---\n" + ARTICLE.encode(), FrontMatterError,
                 id="front-matter-not-a-date"),
    pytest.param(b"---\ntitle: x\nthis is not yaml\n---\n" + ARTICLE.encode(), FrontMatterError,
                 id="front-matter-bad-line"),
    pytest.param(b"<div><p>" + ARTICLE.encode() + b"</p><p>\xe6\x88\xaa\xe6\xad\xa2<a hre", None,
                 id="truncated-html"),
    pytest.param(b"<div>" * 20000 + ARTICLE.encode() + b"</div>" * 20000, None, id="20000-nested-divs"),
    pytest.param(b"<div>" * 50000 + ARTICLE.encode(), None, id="50000-unclosed-divs"),
    pytest.param(ARTICLE.encode("utf-16-le"), None, id="utf16-without-bom"),
    pytest.param(b"---\n" + ARTICLE.encode(), None, id="rule-line-is-not-front-matter"),
    # mojibake: UTF-8 once read with the wrong codec and saved again as UTF-8
    pytest.param(ARTICLE.encode().decode("latin-1").encode(), None, id="mojibake-cp1252-repaired"),
    pytest.param(
        ARTICLE.encode().decode("gb18030", errors="replace").encode(), UndecodableTextError, id="mojibake-gbk-bytes-lost"
    ),
    pytest.param(("锟斤拷" * 4 + ARTICLE).encode(), UndecodableTextError, id="mojibake-kunjinkao"),
]


@pytest.mark.parametrize(("data", "error"), BAD_BYTES)
def test_bad_bytes(tmp_path: Path, data: bytes, error: type[LoadError] | None) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    if error is None:
        doc = read_document(path)
        assert "深圳市知识产权质押融资登记金额同比增长30%。" in doc.text
        assert "<" not in doc.text
    else:
        with pytest.raises(error) as info:
            read_document(path)
        assert info.value.path == str(path)
        assert str(path) in str(info.value)


SLOW_INPUTS = [
    pytest.param("知识产权" * 1_300_000, id="5mb-single-line"),
    pytest.param("1" * 20000 + "万元。", id="20000-digit-number"),
    pytest.param("<p>" + "<" * 500_000 + "</p>", id="many-lt"),
    pytest.param("<p>x</p>" + "<!--" * 100_000, id="unclosed-comments"),
    pytest.param("<p>x</p>" + "<a" * 200_000, id="unclosed-tags"),
    pytest.param("<p>x</p>" + "</" * 200_000, id="broken-end-tags"),
    pytest.param("<p>x</p>" + "<![CDATA[" * 50_000, id="cdata"),
    pytest.param("<p>段落" * 50_000, id="50000-unclosed-p"),
    pytest.param("段落。\n" * 300_000, id="300000-lines"),
]


@pytest.mark.parametrize("text", SLOW_INPUTS)
def test_large_or_adversarial_input_loads(tmp_path: Path, text: str) -> None:
    # completes (a quadratic parser would hang here); benchmarks/bench_adversarial.py prints timings
    path = tmp_path / "big.html"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    assert doc.id == "big" and doc.text.strip()


# -- paths -------------------------------------------------------------------
def test_directory_named_like_an_article(tmp_path: Path) -> None:
    (tmp_path / "x.txt").mkdir()
    with pytest.raises(UnreadableFileError, match="directory"):
        read_document(tmp_path / "x.txt")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError, match="no such file"):
        read_document(tmp_path / "missing.txt")


def test_dangling_symlink(tmp_path: Path) -> None:
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(UnreadableFileError, match="dangling"):
        read_document(tmp_path / "dangling.txt")


def test_file_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    corpus = load(tmp_path)
    assert [(Path(e.path).name, e.error) for e in corpus.errors] == [
        ("a.txt", "UnreadableFileError"),
        ("b.txt", "UnreadableFileError"),
    ]
    assert all("loop" in e.reason for e in corpus.errors)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(UnreadableFileError):
            read_document(path)
    finally:
        path.chmod(0o644)


def _tree(root: Path) -> None:
    """A folder with good, bad, hidden, nested and non-article files."""
    (root / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "A.TXT").write_text(ARTICLE, encoding="gb18030")
    (root / "empty.md").write_bytes(b"")
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(20))
    (root / "notes.json").write_text("{}", encoding="utf-8")
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "x.md").write_text(ARTICLE, encoding="utf-8")
    nested = root / "sub" / "deeper"
    nested.mkdir(parents=True)
    (nested / "page.HTM").write_text(f"<p>{ARTICLE}</p>", encoding="utf-8")
    (root / "sub" / "c.html").write_text(f"<p>{ARTICLE}</p>", encoding="utf-8")
    (root / "sub" / "loop").symlink_to(root)
    (root / "dangling.txt").symlink_to(root / "gone.txt")
    (root / "folder.txt").mkdir()
    (root / "folder.txt" / "inner.txt").write_text(ARTICLE, encoding="utf-8")


def test_load_folder_keeps_good_and_lists_bad(tmp_path: Path) -> None:
    _tree(tmp_path)
    corpus = load(tmp_path)
    assert [d.id for d in corpus.documents] == ["A", "b", "inner", "c", "page"]
    assert [d.encoding for d in corpus.documents] == ["gb18030", "utf-8", "utf-8", "utf-8", "utf-8"]
    errors = [(Path(e.path).relative_to(tmp_path).as_posix(), e.error) for e in corpus.errors]
    assert errors == [
        ("dangling.txt", "UnreadableFileError"),
        ("empty.md", "NotAnArticleError"),
        ("image.txt", "NotAnArticleError"),
        ("sub/loop", "UnreadableFileError"),
    ]


def test_load_is_deterministic(tmp_path: Path) -> None:
    _tree(tmp_path)
    first = load(tmp_path)
    second = load([tmp_path])
    assert [d.path for d in first.documents] == [d.path for d in second.documents]
    assert first.errors == second.errors


def test_load_strict_raises_first_failure(tmp_path: Path) -> None:
    _tree(tmp_path)
    with pytest.raises(UnreadableFileError, match="dangling"):
        load(tmp_path, strict=True)


def test_iter_documents_streams_then_raises(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    it = iter_documents(tmp_path)
    assert next(it).id == "a"
    with pytest.raises(NotAnArticleError):
        next(it)


@pytest.mark.parametrize("name", ["notes.json", ".hidden.txt", "README"], ids=["other-extension", "hidden", "no-extension"])
def test_file_named_explicitly_is_loaded(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(ARTICLE, encoding="utf-8")
    corpus = load([path])
    assert [d.path for d in corpus.documents] == [str(path)]
    assert corpus.errors == []


def test_reversible_gbk_mojibake_is_repaired(tmp_path: Path) -> None:
    """UTF-8 bytes that read as valid GBK (no bytes lost) come back exactly."""
    text = "深圳市知识产权局发布专利数据"
    path = tmp_path / "moji.txt"
    path.write_text(text.encode().decode("gb18030"), encoding="utf-8")
    doc = read_document(path)
    assert doc.text == text and doc.encoding == "utf-8+gbk-mojibake"


@pytest.mark.parametrize(
    "text",
    ["Café au lait, naïve résumé, Zürich — Äpfel für München.", "深圳市知识产权局发布专利数据。ÀÉÎÕÜ"],
    ids=["european-text", "chinese-with-accents"],
)
def test_genuine_text_is_not_taken_for_mojibake(tmp_path: Path, text: str) -> None:
    path = tmp_path / "genuine.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    assert doc.text == text and doc.encoding == "utf-8"


def test_permission_denied_is_unreadable_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """CI runs as root, where chmod 000 does not stop reading: simulate the refusal instead."""
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(UnreadableFileError, match="Permission denied") as info:
        read_document(path)
    assert info.value.path == str(path)
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    corpus = load(tmp_path)
    assert [d.id for d in corpus.documents] == ["good"]
    assert [(Path(e.path).name, e.error) for e in corpus.errors] == [("secret.txt", "UnreadableFileError")]
