"""Region names as people type them: 空知, 空知総合振興局, そらち, Sorachi, 道央, 釧根, 桧山 ...

General kanji readers get Hokkaido place names wrong (後志 = しりべし), so readings come from a
table (data/regions.toml). Only regions present in the loaded data resolve; the table only adds
names for them.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from knowledge.errors import UnknownRegionError
from knowledge.models import Dataset
from knowledge.normalize import fold, fold_romaji, is_latin

REGION_TABLE = Path(__file__).parent / "data" / "regions.toml"

RegionKind = Literal["all", "area", "subprefecture"]

EVERYTHING_NAME = "全道"
_SEPARATORS = re.compile(r"[\s・･·.,、,/_\-]+")
_SUFFIXES = ("総合振興局", "振興局", "管内", "連携地域", "広域", "地域", "地方", "圏", "えりあ")
_LATIN_SUFFIXES = re.compile(
    r"\b(?:sub-?prefectures?|general|bureaus?|promotion|region|area|district|shinkokyoku|sogo)\b"
)
_AREA_HINTS = ("連携", "広域")
_SUGGEST_CUTOFF = 40.0
_KANJI = re.compile(r"[\u4e00-\u9fff]")
_ENGLISH_WORDS = frozenset("do to so on no oh a an is it the".split())
"""English words that fold to a romaji spelling of a region (do = 道央's dou): not regions."""


_NEAR_LENGTH = 5
_KUNREI = (("shi", "si"), ("chi", "ti"), ("tsu", "tu"), ("sh", "sy"), ("ch", "ty"), ("j", "zy"))


def _kunrei(key: str) -> str:
    """A romaji key in Kunrei spelling, so that Hepburn and Kunrei spellings meet."""
    for hepburn, kunrei in _KUNREI:
        key = key.replace(hepburn, kunrei)
    return key


class Region(BaseModel):
    """A resolved region: the whole table, one 連携地域, or one 振興局."""

    model_config = ConfigDict(frozen=True)

    kind: RegionKind
    name: str
    full_name: str
    area: str | None = None
    kana: str | None = None
    romaji: str | None = None


@dataclass(frozen=True)
class Mention:
    """Where a region name occurs in a longer text (a question)."""

    start: int
    end: int
    region: Region


def _strip_suffixes(key: str) -> str:
    changed = True
    while changed:
        changed = False
        for suffix in _SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix):
                key, changed = key[: -len(suffix)], True
    return key


def surface_key(text: str) -> str:
    """Folded text without separators: how region names are looked for inside a question."""
    return _SEPARATORS.sub("", fold(text))


def region_key(text: str) -> str:
    """The lookup key of a region name: width, case, kana, suffixes and long vowels folded."""
    if is_latin(text):
        return fold_romaji(_LATIN_SUFFIXES.sub(" ", fold(text)))
    return _strip_suffixes(surface_key(text))


def _wants_area(text: str) -> bool:
    folded = fold(text)
    return any(hint in folded for hint in _AREA_HINTS) or bool(re.search(r"\barea\b", folded))


class RegionResolver:
    """Maps any accepted spelling of a region to the Region of the loaded data."""

    def __init__(self, dataset: Dataset, table_path: Path = REGION_TABLE) -> None:
        table = tomllib.loads(table_path.read_text(encoding="utf-8"))
        self._keys: dict[str, list[Region]] = {}
        self._surfaces: dict[str, list[Region]] = {}
        self._regions: list[Region] = []
        self._readings: dict[str, str] = {}
        self.everything = Region(kind="all", name=EVERYTHING_NAME, full_name="北海道全体（全道）")
        for entry in table.get("everything", []):
            self._add(self.everything, entry)
        self._add(self.everything, {"aliases": [EVERYTHING_NAME]})
        entries = {
            kind: {
                alias: entry
                for entry in table.get(kind, [])
                for alias in (entry["name"], *entry.get("aliases", ()))
            }
            for kind in ("area", "subprefecture")
        }
        for area in dataset.areas:
            entry = entries["area"].get(area.name, {})
            region = Region(
                kind="area",
                name=area.name,
                full_name=area.name,
                kana=next(iter(entry.get("kana", [])), None),
                romaji=next(iter(entry.get("romaji", [])), None),
            )
            self._add(region, {"name": area.name, **entry})
            for sub in area.subprefectures:
                entry = entries["subprefecture"].get(sub.name, {})
                region = Region(
                    kind="subprefecture",
                    name=sub.name,
                    full_name=entry.get("official", sub.name),
                    area=area.name,
                    kana=next(iter(entry.get("kana", [])), None),
                    romaji=next(iter(entry.get("romaji", [])), None),
                )
                self._add(region, {"name": sub.name, **entry})

    def _add(self, region: Region, entry: dict[str, object]) -> None:
        if region.kind != "all":
            self._regions.append(region)
            kana = entry.get("kana")
            if isinstance(kana, list) and kana:
                aliases = entry.get("aliases", [])
                for name in [
                    region.name,
                    entry.get("name"),
                    *(aliases if isinstance(aliases, list) else []),
                ]:
                    if isinstance(name, str) and _KANJI.search(name):
                        self._readings.setdefault(name, str(kana[0]))
        names = [entry.get("name"), entry.get("official"), region.full_name]
        for field in ("aliases", "kana", "romaji"):
            value = entry.get(field, [])
            names.extend(value if isinstance(value, list) else [])
        for name in names:
            if not isinstance(name, str) or not name:
                continue
            for index, key in ((self._keys, region_key(name)), (self._surfaces, surface_key(name))):
                if key and region not in index.setdefault(key, []):
                    index[key].append(region)

    def surfaces(self) -> list[str]:
        """Every non-Latin spelling of an area or 振興局, folded, longest first (to cut out of a
        text). Names of the whole table (北海道, 全体) are left out: they sit inside other words
        (「きた北海道」)."""
        return sorted(
            (
                s
                for s, regions in self._surfaces.items()
                if not s.isascii() and any(r.kind != "all" for r in regions)
            ),
            key=len,
            reverse=True,
        )

    def reading_overrides(self) -> dict[str, str]:
        """Kanji place names and their readings from the table (渡島 -> おしま): a general
        reader gets them wrong."""
        return dict(self._readings)

    @property
    def regions(self) -> list[Region]:
        """Every area and 振興局 of the data, in document order (areas before their 振興局)."""
        return list(self._regions)

    def resolve(self, text: str) -> Region:
        """The region meant by `text`; raises UnknownRegionError with the closest names."""
        candidates = self._keys.get(region_key(text), [])
        if not candidates:
            raise UnknownRegionError(text.strip(), self.suggest(text))
        return self._prefer(candidates, area=_wants_area(text))

    def try_resolve(self, text: str) -> Region | None:
        candidates = self._keys.get(region_key(text), [])
        return self._prefer(candidates, area=_wants_area(text)) if candidates else None

    @staticmethod
    def _prefer(candidates: list[Region], *, area: bool) -> Region:
        """オホーツク and 十勝 are both an area and a 振興局: the 振興局 unless 連携 was said."""
        wanted = "area" if area else "subprefecture"
        return next((r for r in candidates if r.kind == wanted), candidates[0])

    def suggest(self, text: str, limit: int = 3, *, cutoff: float = _SUGGEST_CUTOFF) -> list[str]:
        """The full names of the regions whose spellings are closest to `text`."""
        key = region_key(text)
        if not key:
            return []
        latin = is_latin(text)
        choices = [k for k in self._keys if k.isascii() == latin]
        found: list[str] = []
        for choice, _score, _ in process.extract(
            key, choices, scorer=fuzz.ratio, limit=limit * 4, score_cutoff=cutoff
        ):
            for region in sorted(self._keys[choice], key=lambda r: r.kind != "subprefecture"):
                if region.kind != "all" and region.full_name not in found:
                    found.append(region.full_name)
        return found[:limit]

    def complete(self, text: str, limit: int = 25) -> list[Region]:
        """Regions for an autocomplete box: every spelling that starts with or contains the input.

        Empty input lists every area and 振興局 in document order; otherwise matches on a
        spelling's start come before matches inside it; with neither, the closest spellings.
        """
        if not text.strip():
            return self.regions[:limit]
        typed = region_key(text) or surface_key(text)
        typed_surface = surface_key(text)
        ranked: list[tuple[int, int, Region]] = []
        for order, region in enumerate(self.regions):
            keys = self._spellings(region)
            if any(k.startswith(typed) or k.startswith(typed_surface) for k in keys):
                ranked.append((0, order, region))
            elif any(typed in k or typed_surface in k for k in keys):
                ranked.append((1, order, region))
        found = [region for _, _, region in sorted(ranked, key=lambda r: r[:2])]
        if not found:  # nothing spelled like it: the closest names, for typos
            for name in self.suggest(text, limit=limit):
                region = next(r for r in self.regions if r.full_name == name)
                if region not in found:
                    found.append(region)
        return found[:limit]

    def _spellings(self, region: Region) -> list[str]:
        return [
            k for index in (self._keys, self._surfaces) for k, rs in index.items() if region in rs
        ]

    @cached_property
    def _surface_pattern(self) -> re.Pattern[str]:
        """Every non-Latin spelling, longest first, separators allowed between its letters."""
        surfaces = sorted((s for s in self._surfaces if not s.isascii()), key=len, reverse=True)
        gap = r"[\s・･·./_\-]?"  # never 、 or , (…じゃない、ブリ is not いぶり)
        return re.compile("|".join(gap.join(map(re.escape, s)) for s in surfaces))

    def spans_in(self, folded: str) -> list[tuple[int, int, Region]]:
        """Regions named in an already folded text, with their spans in it (no overlaps):
        kanji and kana spellings anywhere, romaji as whole words (kushiro nemuro first)."""
        found: list[tuple[int, int, Region]] = []
        for match in self._surface_pattern.finditer(folded):
            key = surface_key(match.group())
            if key not in self._surfaces or all(r.kind == "all" for r in self._surfaces[key]):
                continue
            following = folded[match.end() : match.end() + 4]
            region = self._prefer(self._surfaces[key], area=_wants_area(following))
            found.append((match.start(), match.end(), region))
        words = list(re.finditer(r"[a-z]+", folded))
        used = [False] * len(words)
        for size in (2, 1):
            for index in range(len(words) - size + 1):
                if any(used[index : index + size]):
                    continue
                chosen = words[index : index + size]
                between = folded[chosen[0].end() : chosen[-1].start()]
                if size == 2 and not re.fullmatch(r"[\s\-・]*", between):
                    continue
                key = fold_romaji("".join(w.group() for w in chosen))
                if size == 1 and key not in self._keys:
                    key = self._misspelt.get(_kunrei(key)) or self._near_romaji(key)
                if key not in self._keys or (size == 1 and chosen[0].group() in _ENGLISH_WORDS):
                    continue
                after = folded[chosen[-1].end() : chosen[-1].end() + 6]
                region = self._prefer(self._keys[key], area=_wants_area(after))
                if region.kind == "all":
                    continue
                used[index : index + size] = [True] * size
                found.append((chosen[0].start(), chosen[-1].end(), region))
        return sorted(found)

    @cached_property
    def _misspelt(self) -> dict[str, str]:
        """Each romaji key by its Kunrei spelling (Kusiro, Tokati, Shiribesi: 釧路, 十勝, 後志)."""
        return {_kunrei(k): k for k in self._keys if k.isascii() and len(k) >= _NEAR_LENGTH}

    def _near_romaji(self, key: str) -> str:
        """The one romaji key a word is a slip of (Nemro, Okhotsuk, Hidakka, Ishkari): one letter
        added, dropped or changed in a word of five letters or more; no key when none or two."""
        if len(key) < _NEAR_LENGTH or not key.isalpha():
            return key
        near = {
            k
            for spelt, k in self._misspelt.items()
            if Levenshtein.distance(_kunrei(key), spelt, score_cutoff=1) <= 1
        }
        return next(iter(near)) if len(near) == 1 else key

    def find_in(self, text: str) -> list[Mention]:
        """Regions named inside a longer text, longest match first, without overlaps."""
        haystack = surface_key(text)
        mentions: list[Mention] = []
        taken = [False] * len(haystack)
        for surface in sorted(
            (s for s in self._surfaces if not s.isascii()), key=len, reverse=True
        ):
            for match in re.finditer(re.escape(surface), haystack):
                start, end = match.span()
                if any(taken[start:end]):
                    continue
                following = haystack[end : end + 4]
                region = self._prefer(self._surfaces[surface], area=_wants_area(following))
                mentions.append(Mention(start, end, region))
                taken[start:end] = [True] * (end - start)
        words = re.findall(r"[a-z]+", fold(text))
        used = [False] * len(words)
        for size in (2, 1):  # "kushiro nemuro" before "kushiro" and "nemuro"
            for index in range(len(words) - size + 1):
                key = fold_romaji("".join(words[index : index + size]))
                if any(used[index : index + size]) or not key.isascii() or key not in self._keys:
                    continue
                region = self._prefer(self._keys[key], area=_wants_area(" ".join(words)))
                used[index : index + size] = [True] * size
                if all(m.region != region for m in mentions):
                    mentions.append(
                        Mention(len(haystack) + index, len(haystack) + index + size, region)
                    )
        return sorted(mentions, key=lambda m: m.start)
