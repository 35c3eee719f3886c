"""Reading corpus folders: metadata without a manifest, furniture, offsets, encodings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from digest.read import SourceError, classify, decode, read_corpus, read_manifest, source_ids
from digest.read.articles import article_from_text, lead_title

from .conftest import SEEDS


@pytest.fixture(scope="module")
def bare_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed articles without their manifest."""
    folder = tmp_path_factory.mktemp("bare")
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    return folder


def by_id(folder: Path) -> dict:
    articles, problems = read_corpus(folder)
    assert problems == ()
    return {a.id: a for a in articles}


def test_bare_folder_finds_titles_dates_and_outlets(bare_seeds: Path) -> None:
    articles = by_id(bare_seeds)
    expected = {
        "000_b7877505cd02fc7c": ("2021-12-10T05:29", "Shafaq News", "The highest authority in the Iraqi army"),
        "001_daa7cb99880cf29c": ("2021-11-24T03:50", None, "Foreign combat forces to leave Iraq in 15 days"),
        "002_753d9b2fa5797557": ("2021-12-09", "Sputnik International", "Iraqi Security Advisor Claims"),
        "003_6557ed33d5c9a9db": ("2021-12-09", None, "Iraq: The US-Led Combat Mission Will End"),
        "004_48cfc3e508ef6b57": (None, "North Press", "Coalition forces to withdraw from Iraq"),
    }
    for source, (published, outlet, title) in expected.items():
        article = articles[source]
        assert (article.published.iso() if article.published else None) == published, source
        assert article.outlet == outlet, source
        assert article.title.startswith(title), source


def test_manifest_wins_over_the_text() -> None:
    articles = by_id(SEEDS)
    assert articles["001_daa7cb99880cf29c"].outlet == "Iran Daily"
    assert articles["001_daa7cb99880cf29c"].published.iso() == "2021-11-24T03:50+00:00"
    assert articles["004_48cfc3e508ef6b57"].url == "https://npasyria.com/en/68956"
    assert articles["000_b7877505cd02fc7c"].published.iso() == "2021-12-10T05:29"


def test_body_leaves_page_furniture_out_but_offsets_point_into_the_file(bare_seeds: Path) -> None:
    articles = by_id(bare_seeds)
    furniture = [
        "Leave a Reply",
        "Captcha refresh",
        "Subscribe",
        "securityIraqbreakingAlliance",
        "A-AA+",
        "© AFP 2023",
        "Sputnik International, 1920, 09.12.2021",
        "Top Trump Security Adviser Contradicts",
        "Заголовок",
        "US Iraq & Afghanistan Wars Wasted Trillions",
        "| Photo: Twitter/@thehill",
        "Post with no comments",
        "You are commenting using",
        "Page Generated in",
        "google plus",
    ]
    for article in articles.values():
        body = "\n".join(article.paragraphs())
        for words in furniture:
            assert words not in body, (article.id, words)
        raw = (bare_seeds / article.path).read_text(encoding="utf-8")
        for span in article.body:
            assert article.text[span.start : span.end] == raw[span.start : span.end]
    assert "“the relationship will continue" in "\n".join(articles["000_b7877505cd02fc7c"].paragraphs())


def test_byline_becomes_the_author(bare_seeds: Path) -> None:
    assert by_id(bare_seeds)["004_48cfc3e508ef6b57"].author == "Hozan Zubeir"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Le ministre a déclaré « Nous resterons ».\n".encode("cp1252"), "cp1252"),
        ("قال الوزير «سنبقى هنا» في المؤتمر الصحفي أمس.\n".encode("cp1256"), "cp1256"),
        ("\ufeffHello “world” said the minister.\n".encode(), "utf-8-sig"),
        ("Hello “world” said the minister.\n".encode("utf-16"), "utf-16"),
    ],
)
def test_decoding_common_encodings(data: bytes, encoding: str) -> None:
    text, found = decode(data)
    assert found.replace("-", "_").lower() in (
        encoding.replace("-", "_"),
        "utf_8_sig" if encoding == "utf-8-sig" else "",
    )
    assert text == data.decode(encoding).lstrip("\ufeff")


def test_binary_is_refused() -> None:
    with pytest.raises(SourceError):
        decode(b"\x00\x01\x02\x00" * 100)


def test_newlines_are_normalised() -> None:
    assert decode(b"a\r\nb\rc")[0] == "a\nb\nc"


def test_same_stem_gets_unique_ids() -> None:
    ids = source_ids(["a/story.txt", "b/story.txt", "story.html"])
    assert len(set(ids.values())) == 3
    assert ids == source_ids(reversed(["a/story.txt", "b/story.txt", "story.html"]))


def test_manifest_error_names_file_and_line(tmp_path: Path) -> None:
    from digest.read import ManifestError

    (tmp_path / "sources.yml").write_text("a.txt:\n  outlet: X\n   bad: [\n", encoding="utf-8")
    with pytest.raises(ManifestError, match=r"sources\.yml:\d+"):
        read_manifest(tmp_path)


def test_manifest_tags_never_execute(tmp_path: Path) -> None:
    from digest.read import ManifestError

    (tmp_path / "sources.yml").write_text("a.txt: !!python/object/apply:os.system ['touch pwned']\n", encoding="utf-8")
    with pytest.raises(ManifestError):
        read_manifest(tmp_path)
    assert not Path("pwned").exists()


def test_markdown_front_matter(tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text(
        "---\noutlet: Harbour Times\npublished: 2024-03-05\ntitle: Port strike ends\n---\n"
        "Dock workers ended their strike on Tuesday after a deal on pay and jobs was signed.\n",
        encoding="utf-8",
    )
    (article,) = read_corpus(tmp_path)[0]
    assert (article.outlet, article.published.iso(), article.title) == (
        "Harbour Times",
        "2024-03-05",
        "Port strike ends",
    )
    assert article.paragraphs() == (
        "Dock workers ended their strike on Tuesday after a deal on pay and jobs was signed.",
    )


def test_saved_html_page(tmp_path: Path) -> None:
    page = """<html><head><title>Port strike ends | Harbour Times</title>
    <meta property="og:site_name" content="Harbour Times">
    <meta property="article:published_time" content="2024-03-05T10:00:00Z">
    <link rel="canonical" href="https://example.com/port-strike"></head><body>
    <nav><a href="/">Home</a> | <a href="/world">World</a></nav>
    <div class="cookie-banner">We use cookies. Accept all cookies</div>
    <article><h1>Port strike ends</h1>
    <p>Dock workers in Rotterdam ended their strike on Tuesday, union leader Piet de Vries said.</p>
    <p>"We have a deal that protects every job," he told reporters outside the port authority building.</p>
    <p>The employers said the agreement was fair and would take effect in April.</p></article>
    <section class="comments"><h3>Comments</h3><p>"Great news" said bob</p></section>
    </body></html>"""
    (tmp_path / "strike.html").write_text(page, encoding="utf-8")
    (article,) = read_corpus(tmp_path)[0]
    assert article.outlet == "Harbour Times"
    assert article.published.iso() == "2024-03-05"
    assert article.url == "https://example.com/port-strike"
    body = "\n".join(article.paragraphs())
    assert "We have a deal" in body and "Great news" not in body and "cookies" not in body


def test_classify_roles_of_a_wire_story() -> None:
    text = "Port strike ends\n\nBy Jane Doe\nPublished 5 March 2024\nShare\n\nDock workers ended their strike on Tuesday after a deal was signed.\n\nLeave a Reply\nGreat article!\n"
    roles = {line.text: line.role for line in classify(text)}
    assert roles["Port strike ends"] == "title"
    assert roles["By Jane Doe"] == "meta"
    assert roles["Share"] == "furniture"
    assert roles["Great article!"] == "furniture"
    assert roles["Dock workers ended their strike on Tuesday after a deal was signed."] == "body"


@pytest.mark.parametrize(
    "line",
    [
        "Read also: «Marvela, the port that never sleeps»",
        "Related: ‘Robots won’t unload our ships,’ union warns",
        "More on this: „Port strike enters second day“ – live blog",
        "Dockworkers hold a banner at the gate of the terminal. Photo: Rui Tavares / Harbour Post",
        "Cranes stand idle at the terminal on Tuesday. (Photo: K. Brandt)",
        "Article continues after advertisement",
        "Story continues below advertisement",
        "The article continues below this ad",
        "Advertisement - scroll to continue",
        "Continue reading the main story",
    ],
)
def test_teasers_and_captions_are_furniture(line: str) -> None:
    text = f"Port strike ends\n\nDock workers ended their strike on Tuesday after a deal was signed.\n\n{line}\n\nThe employers said the deal was fair.\n"
    roles = {ln.text: ln.role for ln in classify(text)}
    assert roles[line] == "furniture"


def test_date_order_per_outlet(tmp_path: Path) -> None:
    text = "Port strike ends\n\nUS Harbor Daily, 03/05/2024\n\nDock workers ended their strike on Tuesday after a deal was signed.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "sources.yml").write_text("a.txt:\n  outlet: US Harbor Daily\n", encoding="utf-8")
    assert read_corpus(tmp_path)[0][0].published.iso() == "2024-05-03"
    assert read_corpus(tmp_path, {"US Harbor Daily": "MDY"})[0][0].published.iso() == "2024-03-05"


def test_mixed_folder_of_html_markdown_and_legacy_encodings(tmp_path: Path) -> None:
    html = (
        '<html><head><meta charset="windows-1252"><title>Strike ends</title>'
        '<meta property="og:site_name" content="Harbour Times">'
        '<meta property="article:published_time" content="2024-03-05T10:00:00Z"></head><body>'
        "<article><h1>Strike ends</h1><p>The union leader said: \u201cWe have a deal that protects every job.\u201d "
        "The employers called the agreement fair and said it would take effect in April.</p></article></body></html>"
    )
    (tmp_path / "page.html").write_bytes(html.encode("cp1252"))
    (tmp_path / "note.md").write_text(
        "---\noutlet: Port Notes\npublished: 2024-03-06\n---\nStrike over\n\nThe strike ended on Tuesday, the union said in a statement.\n",
        encoding="utf-8",
    )
    (tmp_path / "old.txt").write_bytes(
        "Strike ends\n\nPublished 5 March 2024\n\nThe minister said: \u201cThe port will reopen on Monday,\u201d after the talks.\n".encode(
            "cp1252"
        )
    )
    (tmp_path / "arabic.txt").write_bytes(
        "انتهاء الإضراب في الميناء\n\nPublished 5 March 2024\n\nقال وزير النقل إن «الميناء سيفتح يوم الاثنين» بعد انتهاء الإضراب الذي استمر ثلاثة أيام.\n".encode(
            "cp1256"
        )
    )
    (tmp_path / "wide.txt").write_bytes(
        "Strike ends\n\nPublished 7 March 2024\n\nWorkers returned to the quays on Thursday morning, the port said.\n".encode(
            "utf-16"
        )
    )
    articles = {a.id: a for a in read_corpus(tmp_path)[0]}
    assert (articles["page"].outlet, articles["page"].published.iso()) == ("Harbour Times", "2024-03-05")
    assert "We have a deal" in articles["page"].text
    assert (articles["note"].outlet, articles["note"].published.iso()) == ("Port Notes", "2024-03-06")
    assert articles["old"].encoding == "cp1252" and "“The port will reopen" in articles["old"].text
    assert articles["arabic"].encoding == "cp1256" and "الميناء سيفتح" in articles["arabic"].text
    assert articles["arabic"].published.iso() == "2024-03-05"
    assert articles["wide"].encoding == "utf-16" and articles["wide"].published.iso() == "2024-03-07"


@pytest.mark.parametrize(
    "line", ["Photo: crowds gathered yesterday in the square", "Updated 3 hours ago", "Published 2 days ago"]
)
def test_relative_dates_are_never_read_against_the_clock(tmp_path: Path, line: str) -> None:
    from digest.read import read_article

    path = tmp_path / "a.txt"
    path.write_text(
        f"Dockers walk out at dawn\n{line}\n\nThe union said the strike would last a week.\n", encoding="utf-8"
    )
    assert read_article(path, "a", "a.txt", {}).published is None
    path.write_text(f"Dockers walk out at dawn\n{line}\n5 March 2024\n\nThe union said so.\n", encoding="utf-8")
    assert read_article(path, "a", "a.txt", {}).published.iso() == "2024-03-05"


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("", 1.0),
        ("— 12 “” …", 1.0),
        ("Plain ASCII words", 1.0),
        ("Zürich, São Paulo, Łódź", 1.0),
        ("Москва Moscow", 6 / 12),
        ("القاهرة Cairo", 5 / 12),
        ("漢字 ok", 2 / 4),
    ],
)
def test_latin_share_counts_letters_only(text: str, share: float) -> None:
    from digest.read.lines import _latin_share

    assert _latin_share(text) == share


def test_a_line_in_another_script_inside_a_latin_article_is_furniture() -> None:
    body = "The union said the strike at the port would last a week, and the employers said talks would resume."
    lines = classify(f"Dockers walk out of the port\n\n{body}\n\nПодписаться на рассылку новостей\n\n{body}\n")
    assert [ln.role for ln in lines] == ["title", "body", "furniture", "body"]


def test_the_title_is_the_header_line_about_the_article_not_a_promotion_or_a_site_name() -> None:
    body = (
        "Banking giant UBS is buying its troubled rival Credit Suisse for almost $3.25 billion, "
        "in a deal orchestrated by Swiss regulators."
    )
    promoted = classify(f"Get 40% Off\n\nThe Day\n\nUBS to buy Credit Suisse for $3B\n\n{body}\n")
    assert [(ln.text, ln.role) for ln in promoted][:3] == [
        ("Get 40% Off", "furniture"),
        ("The Day", "furniture"),
        ("UBS to buy Credit Suisse for $3B", "title"),
    ]
    headlinese = classify(f"Bankers strike a deal\n\nNews in brief\n\n{body}\n")
    assert headlinese[0].role == "title", "with no clearly better line, the first headline stays the title"


def test_a_headline_like_line_below_the_header_is_not_the_title() -> None:
    paragraph = "Swiss Finance Minister Karin Keller-Sutter said the worst had been prevented on Sunday."
    text = "\n\n".join([paragraph] * 11 + ["The bank was trapped by old burdens th"])
    (article,) = [article_from_text("x", "x.txt", text, {})]
    assert article.title == paragraph, "no headline: the first sentence stands for the title"


def test_a_title_from_the_first_sentence_is_cut_between_words() -> None:
    long = "Swiss Finance Minister Karin Keller-Sutter was determined to present the deal for UBS to buy Credit Suisse as not a bailout operation but the best possible solution."
    assert lead_title(long + " More follows.") == (
        "Swiss Finance Minister Karin Keller-Sutter was determined to present the deal for UBS to buy Credit Suisse as not a…"
    )
    assert lead_title("Dr. Smith said the U.S. plan failed. Then more came.") == "Dr. Smith said the U.S. plan failed."


@pytest.mark.parametrize(
    "line",
    [
        "© AFP 2023",
        "Dockers at the gate | Photo: Jane Doe",
        "PHOTO CREDIT: Harbour Authority",
        "The minister (photo: Jane Doe) spoke on Friday.",
        "Dockers at the gate - Harbour Post, 1920, 09.12.2021",
        "Image: the port at dawn",
        "İMAGE: the port at dawn",  # İ, ı and ſ match i and s when case is ignored
        "pıcture: the port at dawn",
        "Dockers at the gate. REUTERS/Jane Doe",
        "The union said the strike at the port would last a week.",
        "Talks resume on 09.12 at the ministry",
    ],
)
def test_the_caption_shortcut_agrees_with_the_caption_pattern(line: str) -> None:
    from digest.read import rules
    from digest.read.lines import _caption

    assert _caption(line) == bool(rules.CAPTION_LINE.search(line))
