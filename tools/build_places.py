"""Build src/marsad/data/gazetteer/places.tsv from CLDR/ISO data plus a curated list.

Country rows come from the UN membership list below (193 members, the two observer
states, plus Taiwan and Kosovo): English names from pycountry with press-style overrides,
Arabic names from CLDR (babel) with press-style overrides. Everything else, and every
extra Arabic variant, comes from tools/places_curated.tsv, which is merged on name_en.

Run:  python tools/build_places.py   (deterministic; fails loudly on any inconsistency)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
CURATED = ROOT / "tools" / "places_curated.tsv"
OUT = ROOT / "src" / "marsad" / "data" / "gazetteer" / "places.tsv"
HEADER = ["name_en", "name_ar", "variants_ar", "kind", "country"]
KINDS = ("country", "capital", "city", "region")

# The 193 UN member states (ISO 3166-1 alpha-2).
_UN_MEMBERS_TEXT = """
AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH
CM CA CF TD CL CN CO KM CG CD CR CI HR CU CY CZ DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI
FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KP
KR KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM
NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA RO RU RW KN LC VC WS SM ST
SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TZ TH TL TG TO TT TN TR TM TV
UG UA AE GB US UY UZ VU VE VN YE ZM ZW
"""
UN_MEMBERS = _UN_MEMBERS_TEXT.split()
OBSERVERS = ["VA", "PS"]
EXTRA = ["TW", "XK"]  # Taiwan, Kosovo: not UN members but countries in the news

# English as the English-language press writes it (not the ISO long form).
EN_OVERRIDES = {
    "BO": "Bolivia",
    "BN": "Brunei",
    "BS": "Bahamas",
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "CI": "Ivory Coast",
    "CV": "Cape Verde",
    "CZ": "Czech Republic",
    "FM": "Micronesia",
    "GB": "United Kingdom",
    "IR": "Iran",
    "KN": "Saint Kitts and Nevis",
    "KP": "North Korea",
    "KR": "South Korea",
    "LA": "Laos",
    "LC": "Saint Lucia",
    "MD": "Moldova",
    "MK": "North Macedonia",
    "PS": "Palestine",
    "RU": "Russia",
    "ST": "Sao Tome and Principe",
    "SY": "Syria",
    "TL": "East Timor",
    "TR": "Turkey",
    "TW": "Taiwan",
    "TZ": "Tanzania",
    "US": "United States",
    "VC": "Saint Vincent and the Grenadines",
    "VA": "Vatican",
    "VE": "Venezuela",
    "VN": "Vietnam",
    "XK": "Kosovo",
}

# Arabic where CLDR's form is not the usual press form (CLDR's goes to the variants).
AR_OVERRIDES = {
    "AE": "الإمارات",
    "BJ": "جمهورية بنين",
    "CD": "الكونغو الديمقراطية",
    "CG": "الكونغو برازافيل",
    "CI": "كوت ديفوار",
    "DK": "الدنمارك",
    "GB": "بريطانيا",
    "HU": "المجر",
    "MV": "المالديف",
    "ML": "جمهورية مالي",
    "MM": "ميانمار",
    "PS": "فلسطين",
    "SA": "السعودية",
    "TL": "تيمور الشرقية",
    "UY": "الأوروغواي",
    "BY": "بيلاروسيا",
}
# CLDR forms that are not press usage and must not become variants.
AR_DROP = {
    "الكونغو - كينشاسا",
    "الكونغو - برازافيل",
    "ميانمار (بورما)",
    "تيمور - ليشتي",
    "مالي",
    "بنين",
}


@dataclass
class Row:
    name_en: str
    name_ar: str
    kind: str
    country: str = ""
    variants: list[str] = field(default_factory=list)
    line: int = 0


def split_variants(field: str) -> list[str]:
    return [v.strip() for v in field.split("|") if v.strip()]


def english_name(code: str) -> str:
    rec = pycountry.countries.get(alpha_2=code)
    if rec is None:
        sys.exit(f"{code}: not in pycountry; add it to EN_OVERRIDES")
    return str(getattr(rec, "common_name", None) or rec.name)


def country_rows() -> dict[str, Row]:
    ar_names = Locale("ar").territories
    rows: dict[str, Row] = {}
    for code in UN_MEMBERS + OBSERVERS + EXTRA:
        name_en = EN_OVERRIDES.get(code) or english_name(code)
        cldr = ar_names[code]
        name_ar = AR_OVERRIDES.get(code, cldr)
        variants = [cldr] if cldr != name_ar and cldr not in AR_DROP else []
        rows[name_en] = Row(name_en, name_ar, "country", variants=variants)
    if len(UN_MEMBERS) != 193 or len(set(UN_MEMBERS)) != 193:
        sys.exit(f"UN member list has {len(set(UN_MEMBERS))} codes, expected 193")
    return rows


def read_curated() -> list[Row]:
    out = []
    lines = CURATED.read_text(encoding="utf-8").splitlines()
    if lines[0].split("\t") != HEADER:
        sys.exit(f"{CURATED}: bad header {lines[0]!r}")
    for n, line in enumerate(lines[1:], 2):
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) != 5:
            sys.exit(f"{CURATED}:{n}: expected 5 fields, got {len(f)}: {line!r}")
        out.append(
            Row(f[0].strip(), f[1].strip(), f[3].strip(), f[4].strip(), split_variants(f[2]), n)
        )
    return out


def merge(countries: dict[str, Row], curated: list[Row]) -> list[Row]:
    """Country rows sorted by name, then the other curated rows in file order."""
    extra: list[Row] = []
    seen: set[str] = set()
    for row in curated:
        name = row.name_en
        if name in seen:
            sys.exit(f"curated line {row.line}: duplicate name_en {name!r}")
        seen.add(name)
        if name in countries:
            base = countries[name]
            if row.kind != "country":
                sys.exit(f"curated line {row.line}: {name} is a country")
            if row.name_ar and row.name_ar != base.name_ar:
                base.variants = [base.name_ar, *base.variants]
                base.name_ar = row.name_ar
            base.variants = base.variants + row.variants
        elif row.kind == "country":
            sys.exit(f"curated line {row.line}: unknown country {name!r}")
        else:
            extra.append(row)
    return [countries[k] for k in sorted(countries)] + extra


def validate(rows: list[Row]) -> None:
    countries = {r.name_en for r in rows if r.kind == "country"}
    owner: dict[str, str] = {}
    for r in rows:
        name = r.name_en
        if not name.isascii():
            sys.exit(f"non-ASCII name_en {name!r}")
        if r.kind not in KINDS:
            sys.exit(f"{name}: bad kind {r.kind!r}")
        if r.country and r.country not in countries:
            sys.exit(f"{name}: country {r.country!r} is not a country row")
        # Jerusalem is the one city deliberately left without a country (disputed status).
        if r.kind in ("capital", "city") and not r.country and name != "Jerusalem":
            sys.exit(f"{name}: a {r.kind} needs a country")
        for form in [r.name_ar, *r.variants]:
            if form in owner and owner[form] != name:
                sys.exit(f"Arabic form {form!r} used by both {owner[form]} and {name}")
            owner[form] = name


def render(rows: list[Row]) -> str:
    lines = [
        "\t".join(HEADER),
        "# Generated by tools/build_places.py from CLDR/ISO data and tools/places_curated.tsv;"
        " edit those, not this file.",
    ]
    for r in rows:
        variants: list[str] = []
        for v in r.variants:
            if v != r.name_ar and v not in variants:
                variants.append(v)
        lines.append("\t".join([r.name_en, r.name_ar, "|".join(variants), r.kind, r.country]))
    return "\n".join(lines) + "\n"


def main() -> None:
    rows = merge(country_rows(), read_curated())
    validate(rows)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(render(rows), encoding="utf-8")
    counts: dict[str, int] = {}
    for r in rows:
        counts[r.kind] = counts.get(r.kind, 0) + 1
    print(f"wrote {OUT} ({len(rows)} rows: {counts})")


if __name__ == "__main__":
    main()
