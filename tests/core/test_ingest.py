"""Import of files: decoding, metadata, bad input, language detection."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factdesk.core.errors import IngestError
from factdesk.core.ingest import parse_article, read_article, title_from_text
from factdesk.core.langid import detect_language


def test_header_block_is_metadata_not_text(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(
        "title: Floods in Valencia\nsource: El Diario\nurl: https://example.org/x\nlanguage: es\n"
        "published: 2024-10-30T08:00:00Z\nauthor: Ana Gómez\n---\nLas inundaciones dejaron 95 muertos.\n",
        encoding="utf-8",
    )
    art = read_article(f)
    assert art.title == "Floods in Valencia"
    assert art.source == "El Diario"
    assert art.url == "https://example.org/x"
    assert art.language == "es"
    assert art.published == "2024-10-30"
    assert art.meta["author"] == "Ana Gómez"
    assert art.text == "Las inundaciones dejaron 95 muertos.\n"


def test_text_that_merely_starts_with_a_colon_line_is_not_a_header():
    art = parse_article(b"Warning: the river rose 3 metres overnight.\nMore text here.", name="b.txt")
    assert art.text.startswith("Warning: the river")
    assert art.title == "Warning: the river rose 3 metres overnight."


def test_missing_metadata_stays_null_and_title_falls_back_to_first_line():
    long_line = "A " + "very " * 40 + "long opening line."
    art = parse_article(long_line.encode(), name="c.txt")
    assert art.source is None and art.url is None and art.published is None
    assert art.title.endswith("…") and len(art.title) <= 91


def test_date_marker_is_a_publication_hint_and_text_is_unchanged():
    raw = " date 2024-02 Le gouvernement a annoncé 12 mesures.\n".encode()
    art = parse_article(raw, name="d.txt")
    assert art.published == "2024-02"
    assert art.text == raw.decode()  # offsets stay those of the file
    assert art.title.startswith("Le gouvernement")
    assert "marker" in art.meta["published_basis"]


def test_a_date_marker_after_the_outlet_line_still_dates_the_article():
    raw = "NORTHERN WIRE\ndate 2025-03\nTroops withdrew on Friday, the ministry said.\n".encode()
    art = parse_article(raw, name="w.txt")
    assert art.published == "2025-03"
    # further down, such a line is article text, not a marker
    late = "Title\n\nOne.\n\nTwo.\n\nThree.\ndate 2025-03\n".encode()
    assert parse_article(late, name="x.txt").published is None


def test_html_metadata_and_main_content():
    html = """<!doctype html><html lang="fr"><head><title>Site — Titre</title>
    <meta property="og:title" content="Séisme au Maroc : 2 900 morts">
    <meta property="og:site_name" content="Le Quotidien">
    <meta property="article:published_time" content="2023-09-10T12:00:00+02:00">
    <link rel="canonical" href="https://example.org/seisme">
    <script>var x = "<p>not text</p>";</script></head>
    <body><nav>Accueil | Monde</nav><article><h1>Séisme au Maroc</h1>
    <p>Le bilan du séisme s'élève à 2 900 morts, selon le ministère de l'Intérieur.</p>
    <p>Plus de 5 500 personnes ont été blessées &amp; hospitalisées dans la région d'Al-Haouz.</p>
    <p>Les secours poursuivent leurs recherches dans les villages de montagne, a indiqué la protection civile.</p>
    </article><footer>Abonnez-vous</footer></body></html>"""
    art = parse_article(html.encode(), name="e.html", suffix=".html")
    assert art.title == "Séisme au Maroc : 2 900 morts"
    assert art.source == "Le Quotidien"
    assert art.published == "2023-09-10"
    assert art.url == "https://example.org/seisme"
    assert art.language == "fr"
    assert "2 900 morts" in art.text and "blessées & hospitalisées" in art.text
    assert "Accueil" not in art.text and "Abonnez" not in art.text and "not text" not in art.text


def test_encoding_fallback_to_cp1252_is_recorded():
    raw = "Le président a déclaré « 3 morts ».".encode("cp1252")
    art = parse_article(raw, name="f.txt")
    assert art.encoding == "cp1252"
    assert "président" in art.text and "«" in art.text


def test_utf8_bom_and_crlf_are_normalised():
    raw = "\ufeffLine one.\r\nLine two.\rLine three.".encode("utf-8")
    art = parse_article(raw, name="g.txt")
    assert art.encoding == "utf-8-sig"
    assert art.text == "Line one.\nLine two.\nLine three."


def test_nfc_normalisation():
    decomposed = unicodedata.normalize("NFD", "Téhéran a réagi.")
    art = parse_article(decomposed.encode(), name="h.txt")
    assert art.text == unicodedata.normalize("NFC", "Téhéran a réagi.")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\t\n", "empty file"),
        (b"\x00\x01\x02\x03binary\x00\x00\x00" * 50, "binary file"),
        (bytes(range(256)) * 4, "binary file"),
    ],
)
def test_bad_input_gives_one_clear_line(raw, reason):
    with pytest.raises(IngestError) as info:
        parse_article(raw, name="bad.txt")
    message = str(info.value)
    assert message.startswith("bad.txt: ") and reason in message and "\n" not in message


def test_size_limit(tmp_path):
    f = tmp_path / "big.txt"
    f.write_bytes(b"word " * 300_000)
    with pytest.raises(IngestError, match=r"big.txt: file is 1.4 MB, over the 1.0 MB limit"):
        read_article(f, max_bytes=1024 * 1024)


def test_unsupported_and_missing_files(tmp_path):
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(IngestError, match="unsupported file type '.pdf'"):
        read_article(pdf)
    with pytest.raises(IngestError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(IngestError, match="is a directory"):
        read_article(tmp_path / "dir.txt")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The minister said on Monday that the talks would resume after the holiday.", "en"),
        ("Le ministre a déclaré lundi que les négociations reprendraient après les fêtes.", "fr"),
        ("El ministro dijo el lunes que las negociaciones se reanudarán después de las fiestas.", "es"),
        ("Der Minister sagte am Montag, dass die Gespräche nach den Feiertagen wieder aufgenommen werden.", "de"),
        ("O ministro disse na segunda-feira que as negociações serão retomadas depois das festas.", "pt"),
        ("قال الوزير يوم الاثنين إن المحادثات ستستأنف بعد العطلة", "ar"),
        ("Министр заявил в понедельник, что переговоры возобновятся после праздников и это было", "ru"),
        ("12 345 678", "und"),
    ],
)
def test_language_detection(text, lang):
    assert detect_language(text) == lang


def test_sample_languages_in_file_order(sample_paths):
    langs = [read_article(p).language for p in sample_paths]
    assert langs == ["en", "en", "fr", "en", "fr"]


def test_title_skips_blank_lines_and_marker():
    assert title_from_text("\n\n  date 2024-02-03 Headline here\nbody") == "Headline here"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_parse_article_on_arbitrary_bytes_never_raises_anything_else(raw):
    try:
        art = parse_article(raw, name="x.txt")
    except IngestError as exc:
        assert str(exc).startswith("x.txt: ")
        return
    assert "\r" not in art.text
    assert unicodedata.is_normalized("NFC", art.text)
    assert art.id.startswith("a") and len(art.id) == 12


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=500))
def test_parse_html_on_arbitrary_text_never_raises(text):
    try:
        parse_article(("<html><body><p>" + text + "</p></body></html>").encode(), name="x.html", suffix=".html")
    except IngestError:
        pass
