"""Data only: spelling rules that fold the romanisations of one name onto one key.

They cover Arabic and Persian names, and the English, German, French, Spanish and Polish
renderings of Russian and Ukrainian ones.
"""

from __future__ import annotations

PHONETIC_RULES: tuple[tuple[str, str], ...] = (
    (r"(.)\1+", r"\1"),  # double letters: Qassem / Qasem, Hussein / Husein
    (r"x", "ks"),  # Olexandr / Oleksandr, Alexander / Aleksander
    (r"^i(?=[aou][a-z]{3})", "y"),  # initial я ю (Ukrainian official): Iulia / Yulia, Ianukovych
    (r"^[yij]e(?=[b-df-gj-np-tv-z][a-z]{2})", "e"),  # initial е є: Yevhen / Ievgen / Jewhen / Evgeny
    (r"szcz", "shch"),  # Polish щ
    (r"cz", "ch"),  # Polish ч
    (r"sz", "sh"),  # Polish ш
    (r"tsch", "ch"),  # German ч: Martschuk / Marchuk, Janukowytsch / Yanukovych
    (r"dzh|dj|zh|kh", "j"),  # ج خ ж х: Khafaji / Jafaji, Ahmadinezhad / -nejad, Khodorkovsky / Jodorkovski
    (r"sch", "sh"),  # German ш: Timoschenko / Tymoshenko
    (r"tch", "ch"),  # French ч: Chevtchouk / Shevchuk
    (r"[sc]hch", "sh"),  # щ: Yushchenko / Juschtschenko / Iouchtchenko
    (r"ph", "f"),
    (r"dh", "d"),  # ذ ض: Kadhimi / Kazemi, Gadhafi / Gaddafi
    (r"th", "s"),  # ث: Uthman / Osman
    (r"gh", "g"),
    (r"gu(?=[eiy])", "g"),  # Spanish and French hard g: Yevgueni / Yevgeni, Gueorgui / Georgi
    (r"^h(?=[b-df-hj-np-tv-xz])|(?<=[a-z])(?<![sc])h(?=[a-z])", "g"),  # Г: Hrytsenko / Gritsenko, Olha / Olga
    (r"ts|tz", "z"),  # ц: Hrytsenko / Hryzenko (German z), Schwartz / Schwarz
    (r"ck|q|c(?=[aouklr])", "k"),  # ق: Qasim / Kasim
    (r"ow(?![aeiouy]|$)", "u"),  # Rowhani / Rouhani (a final -ow is the German -ов: Lawrow / Lavrov)
    (r"w", "v"),  # Javad / Jawad, Volodymyr / Wolodymyr
    (r"(?<=[a-z][b-df-hj-np-tv-xz])(?:iy|yi|yy|yj|ij)$", "i"),  # final -ий -ый: Zelenskiy / Zelenskyi / Zelenskij
    (r"(?<=[b-df-gk-np-tv-xz])[yj](?=[aeiou])", "i"),  # soft я ю: Lyudmila / Liudmyla / Ljudmila, Podolyak / Podoljak
    (r"y(?=[aeiou])", "j"),  # consonantal y: Arayi / Araji, Yusuf / Jusuf
    (r"y", "i"),  # vocalic y: Husayn / Husain, Hrytsenko / Gritsenko
    (r"(?<=[a-z]i)j(?=[aeiou])", ""),  # я after и: Nadiya / Nadija / Nadia / Nadiia, Mikhail / Mijail
    (r"ou|oo|o", "u"),  # Mohammad / Muhammad, Youssef / Yusuf
    (r"ee|ie", "i"),  # Saeed / Said
    (r"ey|ei|ay", "ai"),  # Hussein / Husain / Husayn, Soleimani / Sulaimani
    (r"e", "i"),  # Qassem / Qasim, Hamed / Hamid
    (r"(.)\1+", r"\1"),
)
"""Ordered rewrites (regex, replacement) folding romanisation variants of one name.

Besides Arabic and Persian spellings they fold the English, German, French, Spanish and
Polish romanisations of Russian and Ukrainian names: Г as h or g (never inside the ``kh``
``zh`` ``sh`` ``ch`` digraphs), ц as ts, tz, z or c, й and the -ий ending as y, i or j, х
as kh or j, ж as zh or j, ш as sh, sch or ch, щ as shch, sch, stsch or chtch, я and ю as
ya, ia, ja and yu, iu, ju, and е є as ye, ie, je or e at the start of a name.
"""

SLAVIC_RULES: tuple[tuple[str, str], ...] = (
    (r"^h(?=[aeiouy])", "g"),  # Г before a vowel: Halyna / Galina, Hontareva / Gontareva
    (r"c(?=[eiy])", "ts"),  # ц in Polish and Czech: Hrycenko / Hrytsenko
)
"""Rewrites applied before ``PHONETIC_RULES`` to words that read as Russian or Ukrainian only.

Elsewhere an initial h and g tell names apart (Hassan / Ghassan, Hill / Gill), and c before
e or i is an s (Pierce, Vincent).
"""

SLAVIC_WORD = (
    r"(?:enko|[cs]huk|czuk|[cs]hyk|[iy]uk|ych|ytsch|ets|yi|iy|yy|ii|sky|skyj|ska|ov|ova|ow|owa|ev|eva|ew|ewa)$"
    r"|[b-df-hj-np-tv-xz]y[b-df-hj-np-tv-xz]"
)
"""A word that reads as a Russian or Ukrainian romanisation (a typical ending, or y between consonants)."""

SKELETON_RULES: tuple[tuple[str, str], ...] = (
    (r"sh|ch", "x"),
    (r"[aeiouh]", ""),
    (r"[kg]", "k"),
    (r"[dz]", "d"),
    (r"(.)\1+", r"\1"),
)
"""Rewrites from the phonetic key to a coarse consonant skeleton, used to block comparisons."""
