"""`kit import wikiedu` on a made-up corpus with real-world mess, and --fetch-media."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path
from typing import ClassVar

import pytest

from kit.core.importers.common import ImportOptions
from kit.core.importers.wikiedu import import_wikiedu
from kit.core.packformat.build import build_pack
from kit.core.packformat.scaffold import tiny_png
from kit.core.packformat.source import load_source
from tests.wikiedu_mini import make_corpus


def _items(source) -> dict[str, dict]:
    return {it["id"]: it for m in source.content["modules"] for it in m["items"]}


def test_messy_corpus_gives_valid_packs_and_warnings(tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "in")
    report = import_wikiedu(root, tmp_path / "out")
    assert [p.name for p in report.packs] == ["wikiedu-main", "wikiedu-other"]
    warnings = "\n".join(str(w) for w in report.warnings)
    for expected in (
        "libraries/broken.yml: invalid YAML",
        "libraries/main.yml: module 'no-such-module' is not in modules/",
        "libraries/main.yml: module 'basics' is listed twice",
        "modules/basics.yml: slide 'not-there' is not in slides/",
        "modules/basics.yml: field 'shiny' is not carried over",
        "modules/basics.yml: translation 'not a code!' is not a usable language code",
        "modules/extras.yml: 'estimated_ttc' is not a time",
        "slides/2-extras/0201-broken-quiz.yml: the assessment has no answer with the correct_answer_id '7'",
        "slides/1-basics/0104-empty.yml: the slide has no content",
        "slides/3-else/0302-bad.yml: invalid YAML",
        "slides/3-else/0303-list.yml: not a YAML mapping",
        "link to './no-such-slide', which is in no imported library",
    ):
        assert expected in warnings
    assert "archived" not in warnings
    main = load_source(tmp_path / "out" / "wikiedu-main")
    assert main.report.errors == []
    items = _items(main)
    # A slide used by two modules of one pack gets a second id.
    assert "welcome" in items and "extras.welcome" in items
    welcome = items["welcome"]
    assert welcome["title"] == "Start: Welcome"
    assert "[the quiz](item:a-quiz)" in welcome["body"]
    assert '<a href="item:broken-quiz">the extras</a>' in welcome["body"]
    assert (
        "a far slide (see “Far away” in the pack “Other Library (Wiki Education)”)"
        in welcome["body"]
    )
    assert 'href="https://dashboard.wikiedu.org/feedback"' in welcome["body"]
    # Without --fetch-media: a placeholder with credit and link; inline images as links.
    assert "> **Image (online only):** Blue square.png" in welcome["body"]
    assert (
        "Credit: [Photo by Someone](https://commons.wikimedia.org/wiki/File:Blue_square.png)"
        in (welcome["body"])
    )
    assert (
        "<https://upload.wikimedia.org/wikipedia/commons/a/ab/Blue_square.png>" in welcome["body"]
    )
    assert (
        '(<a href="https://upload.wikimedia.org/wikipedia/commons/b/bc/Missing.png">[image]</a>)'
        in (welcome["body"])
    )
    quiz = items["a-quiz"]
    (question,) = quiz["questions"]
    assert question["prompt"].startswith("Which is right?")
    assert "not an answer" in question["prompt"]
    assert [c["text"] for c in question["choices"]] == ["The first answer", "The second"]
    assert [c["correct"] for c in question["choices"]] == [False, True]
    assert "See [welcome](item:welcome)" in question["choices"][0]["explanation"]
    assert "Think first" in quiz["body"]
    assert items["ruby-quiz"]["questions"][0]["choices"][0]["correct"] is True
    broken = items["broken-quiz"]
    assert broken["type"] == "lesson" and "Nobody is right?" in broken["body"]
    video = items["video"]["body"]
    assert (
        "**Video: Watchlists**: watch online: <https://www.youtube.com/watch?v=Pa8Htsj3Gxg>"
        in video
    )
    module = main.content["modules"][0]
    assert module["minutes"] == 15 and module["tags"] == ["first-steps"]
    es = main.content["translations"]["es"]["items"]
    assert es["welcome"]["title"] == "Bienvenida" and "(item:a-quiz)" in es["welcome"]["body"]
    assert es["a-quiz"]["questions"][0]["choices"][1]["text"] == "La segunda"
    fr = main.content["translations"]["fr"]
    assert fr["modules"]["basics"]["title"] == "Les bases"
    assert fr["items"]["welcome"]["title"] == "Bienvenue"
    assert main.pack["languages"] == ["en", "es", "fr"]


class _Images(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).hits.append(self.path)
        if self.path.endswith("Blue_square.png"):
            body = tiny_png()
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def image_server():
    _Images.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Images)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_fetch_media_downloads_caches_and_reports(tmp_path: Path, image_server: str) -> None:
    root = make_corpus(tmp_path / "in")
    options = ImportOptions(
        fetch_media=True, cache_dir=tmp_path / "cache", media_mirror=image_server, timeout=5
    )
    report = import_wikiedu(root, tmp_path / "out", options)
    assert report.media_fetched == 1
    assert [url for url, _r in report.media_failed] == [
        "https://upload.wikimedia.org/wikipedia/commons/b/bc/Missing.png"
    ]
    assert "404" in report.media_failed[0][1]
    main = load_source(tmp_path / "out" / "wikiedu-main")
    assert main.report.errors == []
    body = _items(main)["welcome"]["body"]
    assert "Image (online only)" not in body.split("A small icon")[0]
    (media,) = [rel for rel in main.media if rel.endswith("Blue_square.png")]
    assert f'src="{media}"' in body or f'src="../../{media}"' in body
    assert (tmp_path / "out" / "wikiedu-main" / media).read_bytes() == tiny_png()
    built = build_pack(tmp_path / "out" / "wikiedu-main", tmp_path)
    import zipfile

    assert media in zipfile.ZipFile(built).namelist()
    # The second run takes the image from the cache: no new request for it.
    hits = list(_Images.hits)
    again = import_wikiedu(root, tmp_path / "out2", options)
    assert again.media_cached == 1 and again.media_fetched == 0
    assert [h for h in _Images.hits[len(hits) :] if "Blue" in h] == []


def test_fetch_media_only_fetches_http(tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "in")
    options = ImportOptions(fetch_media=True, media_mirror="file:///etc", timeout=1)
    report = import_wikiedu(root, tmp_path / "out", options)
    assert report.media_fetched == 0
    assert {r for _u, r in report.media_failed} == {"not an http or https address"}


def test_local_video_file_replaces_the_link_card(tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "in")
    videos = tmp_path / "videos"
    videos.mkdir()
    (videos / "Pa8Htsj3Gxg.mp4").write_bytes(b"not really a video")
    import_wikiedu(root, tmp_path / "out", ImportOptions(video_dir=videos))
    main = load_source(tmp_path / "out" / "wikiedu-main")
    assert main.report.errors == []
    assert "media/videos/Pa8Htsj3Gxg.mp4" in main.media
    assert "[play the video](media/videos/Pa8Htsj3Gxg.mp4)" in _items(main)["video"]["body"]


def test_cli_reports_warnings_and_media(run_kit, tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "in")
    code, out, err = run_kit("import", "wikiedu", root, "-o", tmp_path / "out")
    assert code == 0
    assert "2 pack sources written" in out and "placeholders" in out
    assert "warning: modules/basics.yml: slide 'not-there' is not in slides/" in err
    code, out, _err = run_kit("pack", "validate", tmp_path / "out" / "wikiedu-main")
    assert code == 0
