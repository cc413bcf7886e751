"""Numbers in questions: budget amounts and ranges, counts, ordinals and fiscal years.

People write amounts every way: 500万円, ５００万, 五百万円, 一千万, 1億2000万円, 5,000千円,
3 million yen, ¥3,000,000; and ranges around them: 以上, 以下, 未満, 超, より多い, 〜, から…まで,
200万円台, over, at least, between … and …. Each is read here into yen, so 100 in 100万円未満 is
never mistaken for "top 100". Works on NFKC text (full-width digits are digits); every piece
found says where it stands in the text, so the question's reader can account for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from pydantic import BaseModel, ConfigDict

from knowledge.amounts import thousand_yen
from knowledge.normalize import fold

YEN_PER_THOUSAND = 1000

_DIGITS = "〇一二三四五六七八九"
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "億": 100_000_000}
_NUMBER = re.compile(
    r"(?:\d[\d,]*(?:\.\d+)?|[〇一二三四五六七八九十百千])"
    r"(?:\d[\d,]*(?:\.\d+)?|[〇一二三四五六七八九十百千万億])*"
)
_ENGLISH_SCALE = re.compile(r"[\s-]*(million|thousand|billion|m\b|k\b)", re.IGNORECASE)
_ENGLISH_SCALES = {
    "million": 1_000_000,
    "m": 1_000_000,
    "thousand": 1000,
    "k": 1000,
    "billion": 1_000_000_000,
}
_YEN_AFTER = re.compile(r"\s*(?:円|-?\s*yen\b|jpy\b)", re.IGNORECASE)
_YEN_BEFORE = re.compile(r"[¥￥]\s*$")
_UNIT_APART = re.compile(r"\s+([千万億]+)(?=\s*円)")
_WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


def parse_number(text: str) -> Decimal | None:
    """Digits, kanji numerals or a mix: 5,000 -> 5000, 五百万 -> 5000000, 1億2000万 -> 120000000."""
    total = Decimal(0)
    section = Decimal(0)
    current: Decimal | None = None
    for token in re.findall(r"\d[\d,]*(?:\.\d+)?|.", text):
        if token[0].isdigit():
            try:
                current = Decimal(token.replace(",", ""))
            except InvalidOperation:
                return None
        elif token in _DIGITS:
            current = Decimal(_DIGITS.index(token))
        elif token in _SMALL_UNITS:
            section += (current if current is not None else Decimal(1)) * _SMALL_UNITS[token]
            current = None
        elif token in _BIG_UNITS:
            value = section + (current or 0)
            total += (value if value else Decimal(1)) * _BIG_UNITS[token]
            section, current = Decimal(0), None
        else:
            return None
    return total + section + (current or 0)


class AmountRange(BaseModel):
    """A budget condition in yen; each bound inclusive or not. Both bounds None is no condition."""

    model_config = ConfigDict(frozen=True)

    minimum_yen: int | None = None
    include_minimum: bool = True
    maximum_yen: int | None = None
    include_maximum: bool = True
    text: str = ""
    """As it was written in the question (NFKC)."""

    def contains(self, thousand: float) -> bool:
        """Whether a budget in 千円 meets the condition."""
        yen = thousand * YEN_PER_THOUSAND
        if self.minimum_yen is not None and (
            yen < self.minimum_yen or (yen == self.minimum_yen and not self.include_minimum)
        ):
            return False
        return self.maximum_yen is None or not (
            yen > self.maximum_yen or (yen == self.maximum_yen and not self.include_maximum)
        )

    def complement(self) -> AmountRange | None:
        """300万円未満を除く is 300万円以上: the budgets a one-sided condition leaves out (None for
        a condition with two bounds, whose outside is two ranges)."""
        if (self.minimum_yen is None) == (self.maximum_yen is None):
            return None
        if self.minimum_yen is not None:
            return AmountRange(
                maximum_yen=self.minimum_yen,
                include_maximum=not self.include_minimum,
                text=self.text,
            )
        return AmountRange(
            minimum_yen=self.maximum_yen, include_minimum=not self.include_maximum, text=self.text
        )

    @property
    def impossible(self) -> bool:
        """No budget can meet it (a minimum above the maximum): a mistake to point out, not an
        empty answer to give."""
        low, high = self.minimum_yen, self.maximum_yen
        if low is None or high is None:
            return False
        return low > high or (low == high and not (self.include_minimum and self.include_maximum))

    def joined(self, other: AmountRange) -> AmountRange:
        """Both conditions on one amount (300万円以上 … 500万円未満): each bound from whichever
        sets it, this one first."""
        low = self if self.minimum_yen is not None else other
        high = self if self.maximum_yen is not None else other
        return AmountRange(
            minimum_yen=low.minimum_yen,
            include_minimum=low.include_minimum,
            maximum_yen=high.maximum_yen,
            include_maximum=high.include_maximum,
            text=f"{self.text} {other.text}",
        )

    def label(self) -> str:
        """The condition in the table's unit, so the reader can check it: 5,000千円以上."""
        low = self.minimum_yen
        high = self.maximum_yen
        if low is not None and low == high and self.include_minimum and self.include_maximum:
            return f"{_yen(low)}ちょうど"
        if low is not None and high is not None:
            return (
                f"{_yen(low)}{'以上' if self.include_minimum else '超'}"
                f"{_yen(high)}{'以下' if self.include_maximum else '未満'}"
            )
        if low is not None:
            return f"{_yen(low)}{'以上' if self.include_minimum else '超'}"
        if high is not None:
            return f"{_yen(high)}{'以下' if self.include_maximum else '未満'}"
        return ""


def _yen(yen: int) -> str:
    if yen % YEN_PER_THOUSAND == 0:
        return thousand_yen(yen // YEN_PER_THOUSAND)
    return f"{yen:,}円"


@dataclass(frozen=True)
class Span:
    """Where a piece stands in the (NFKC) question, end exclusive."""

    start: int
    end: int


@dataclass(frozen=True)
class Amount:
    """An amount of money written in a question, in yen."""

    yen: int
    span: Span
    explicit_unit: bool
    """False for a bare number (500以上): its unit is a guess, to be confirmed."""
    step: int
    """The place of its last significant digit, for 200万円台 (200万 -> 1,000,000)."""


def _step(yen: int) -> int:
    """The place of an amount's last significant digit: 1,000,000 for 200万 (the 台 of 200万
    ends at 300万), 1,000,000 for 1500万 (1500万円台 ends at 1600万)."""
    step = 1
    while yen and yen % (step * 10) == 0:
        step *= 10
    return step


def find_amounts(text: str, taken: list[bool]) -> list[Amount]:
    """Amounts of money in the text, outside spans already taken by other pieces."""
    found: list[Amount] = []
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        if any(taken[start:end]):
            continue
        raw = match.group()
        apart = _UNIT_APART.match(text, end) if raw[-1].isdigit() else None
        if apart is not None:  # 3,500 千円: the unit typed apart from its number
            raw, end = raw + apart.group(1), apart.end()
        number = parse_number(raw)
        if number is None:
            continue
        has_big = any(unit in raw for unit in "万億")
        multiplier = 1
        after = text[end:]
        scale = _ENGLISH_SCALE.match(after)
        if scale and raw[0].isdigit():
            multiplier = _ENGLISH_SCALES[scale.group(1).lower()]
            end += scale.end()
            after = text[end:]
        yen = _YEN_AFTER.match(after)
        if yen:
            end += yen.end()
        before_yen = _YEN_BEFORE.search(text[:start])
        if before_yen:
            start = before_yen.start()  # ¥3,000,000: the sign is the amount's own
        explicit = bool(yen) or bool(before_yen) or has_big or multiplier > 1
        kanji_only = not raw[0].isdigit()
        if kanji_only and len(raw) == 1 and raw in "十百千万億":
            continue  # 千円 alone is a unit (千円単位, 単位は千円), not an amount
        if kanji_only and not (has_big or yen):
            continue  # 一番, 十勝, 五大遺産: a kanji numeral is money only with 万, 億 or 円
        if raw.endswith("千") and not yen and not has_big:
            continue  # 5千 alone is a count, not money
        value = number * multiplier
        found.append(
            Amount(
                yen=int(value),
                span=Span(start, end),
                explicit_unit=explicit,
                step=_step(int(value)),
            )
        )
    return found


# -- ranges ------------------------------------------------------------------------------

_JA_LOWER = re.compile(
    r"^\s*(?:yen\s*)?(以上|を?超え(?:る|た)?|超|より(?:も)?(?:多い|大きい|上|高い)|を上回る|おーばー|から|〜|~|－|-|ー)"
)
_JA_UPPER = re.compile(
    r"^\s*(?:yen\s*)?(以下|未満|いかない|行かない|に届かない|を切る|より(?:も)?(?:少ない|小さい|下|低い)|を下回る|まで|以内|に満たない|以下の|未満の)"
)
_JA_BAND = re.compile(r"^\s*(?:台|(?:bracket|band|range)\b)", re.IGNORECASE)
"""200万円台, the 3-million-yen bracket: from the amount up to the next step."""
_EN_BEFORE = re.compile(
    r"(over|above|more than|greater than|larger than|bigger than|higher than|exceeding|exceeds?|"
    r"in excess of|"
    r"at least|no less than|not less than|minimum of|min\.?|"
    r"under|below|less than|smaller than|lower than|at most|no more than|not more than|up to|"
    r"maximum of|max\.?|between|from|>=|<=|>|<|≧|≦|≥|≤)\s*$",
    re.IGNORECASE,
)
_EN_AFTER = re.compile(
    r"^\s*(or more|or above|and above|and up|plus|or less|or below|and below|and under)\b",
    re.IGNORECASE,
)
_EN_LOWER = {
    "over": False, "above": False, "more than": False, "greater than": False,
    "larger than": False, "bigger than": False, "higher than": False, "exceeding": False,
    "exceed": False, "exceeds": False,
    "in excess of": False, ">": False,
    "at least": True, "no less than": True, "not less than": True, "minimum of": True,
    "min": True, "min.": True, ">=": True, "≧": True, "≥": True,
}  # fmt: skip
_EN_UPPER = {
    "under": False, "below": False, "less than": False, "smaller than": False,
    "lower than": False, "<": False,
    "at most": True, "no more than": True, "not more than": True, "up to": True,
    "maximum of": True, "max": True, "max.": True, "<=": True, "≦": True, "≤": True,
}  # fmt: skip
_SIDE_JOINS = ("と", "/", "／", "・", "&", "＆", "vs")
"""500万以上と500万未満, 500万以上/500万未満: two conditions side by side, not one range."""
_JOINS = ("から", "〜", "~", "－", "-", "ー")
_BETWEEN_JOIN = re.compile(
    r"^\s*(?:〜|~|～|－|-|ー|から|(?:up\s+)?to(?:\s+just)?(?:\s+(?P<below>under|below|less than))?"
    r"|and|と)\s*",
    re.IGNORECASE,
)
"""200〜300万円, between 2 and 3 million, 3.0 up to just under 4 million (the upper bound
left out)."""


@dataclass(frozen=True)
class RangePiece:
    """A budget condition found in a question, and the amounts it was built from."""

    range: AmountRange
    span: Span
    guessed_unit: bool
    """A bound was a bare number (500以上): read in 千円, the table's unit, and to be confirmed."""


def _bare_number(text: str, start: int, end: int) -> Amount | None:
    number = parse_number(text[start:end])
    if number is None:
        return None
    return Amount(int(number) * YEN_PER_THOUSAND, Span(start, end), explicit_unit=False, step=1)


def find_ranges(text: str, taken: list[bool]) -> tuple[list[RangePiece], list[Amount]]:
    """Budget conditions (and the amounts that are not part of one) in the text."""
    amounts = find_amounts(text, taken)
    ranges: list[RangePiece] = []
    used: set[int] = set()
    for index, amount in enumerate(amounts):
        if index in used:
            continue
        if not amount.explicit_unit:
            # a bare number bounds a range only with a unit after it: 200〜300万円
            following = amounts[index + 1] if index + 1 < len(amounts) else None
            join = _BETWEEN_JOIN.match(text[amount.span.end :])
            if not (following and following.explicit_unit and join):
                continue
        piece = _range_at(text, amounts, index, used)
        if piece is not None:
            ranges.append(piece)
    # a bare number followed by a range word (500以上, 3000未満) is a bound in an unknown unit
    for match in re.finditer(r"\d[\d,]*(?:\.\d+)?", text):
        start, end = match.span()
        inside = any(a.span.start <= start < a.span.end for a in amounts if a.explicit_unit)
        ranged = any(r.span.start <= start < r.span.end for r in ranges)
        if any(taken[start:end]) or inside or ranged:
            continue
        after = text[end:]
        if _JA_LOWER.match(after) or _JA_UPPER.match(after) or _JA_BAND.match(after):
            bare = _bare_number(text, start, end)
            if bare is None:
                continue
            solo = _range_at(text, [bare], 0, set())
            lower = _JA_LOWER.match(after)
            if solo is not None and lower and lower.group(1) in _JOINS:
                continue  # 3〜5件 and the like: not money
            if solo is not None:
                ranges.append(RangePiece(solo.range, solo.span, guessed_unit=True))
    rest = [a for i, a in enumerate(amounts) if i not in used and a.explicit_unit]
    return ranges, rest


def _piece(
    text: str, start: int, stop: int, *amounts: Amount, **bounds: int | bool | None
) -> RangePiece:
    """A range over text[start:stop]; its unit is a guess unless every amount had one."""
    return RangePiece(
        AmountRange(text=text[start:stop], **bounds),
        Span(start, stop),
        guessed_unit=not all(a.explicit_unit for a in amounts),
    )


_EXCLUSIVE_UPPER = ("未満", "未満の", "に満たない", "いかない", "行かない", "に届かない", "を切る")
_EXCLUSIVE_LOWER = ("超", "を超", "より")


def _range_at(  # noqa: PLR0911 - one return per way of writing a range
    text: str, amounts: list[Amount], index: int, used: set[int]
) -> RangePiece | None:
    """The range an amount bounds, read from the words around it (marking the amounts used)."""
    amount = amounts[index]
    start, end = amount.span.start, amount.span.end
    after, before = text[end:], text[:start]
    following = amounts[index + 1] if index + 1 < len(amounts) else None
    join = _BETWEEN_JOIN.match(after)
    if join and following is not None and following.span.start == end + join.end():
        # X〜Y, XからYまで, between X and Y (200〜300万円: X takes Y's unit)
        low = _with_unit_of(amount, following, text) if not amount.explicit_unit else amount
        upper = _JA_UPPER.match(text[following.span.end :])
        stop = following.span.end + (upper.end() if upper else 0)
        english = _EN_BEFORE.search(before)
        between = english is not None and english.group(1).lower() in ("between", "from")
        begin = start - (len(english.group()) if english and between else 0)
        lower = _JA_LOWER.match(after)
        used.update({index, index + 1})
        return _piece(
            text, begin, stop, low, following,
            minimum_yen=low.yen,
            include_minimum=not (lower and lower.group(1).startswith(_EXCLUSIVE_LOWER)),
            maximum_yen=following.yen,
            include_maximum=not (upper and upper.group(1) in _EXCLUSIVE_UPPER)
            and not join.group("below"),
        )  # fmt: skip
    lower = _JA_LOWER.match(after)
    if lower and lower.group(1).startswith(
        ("以上", "超", "を超", "超え", "より", "を上", "おーばー")
    ):
        inclusive = lower.group(1) == "以上"
        stop = end + lower.end()
        upper = _JA_UPPER.match(text[following.span.end :]) if following else None
        if (
            following is not None
            and following.explicit_unit
            and following.span.start <= stop + 1
            and text[stop : following.span.start] not in _SIDE_JOINS
            and following.yen > amount.yen
            and upper
        ):
            # X以上Y未満: a second bound right after
            used.update({index, index + 1})
            return _piece(
                text, start, following.span.end + upper.end(), amount, following,
                minimum_yen=amount.yen,
                include_minimum=inclusive,
                maximum_yen=following.yen,
                include_maximum=upper.group(1) not in _EXCLUSIVE_UPPER,
            )  # fmt: skip
        used.add(index)
        return _piece(text, start, stop, amount, minimum_yen=amount.yen, include_minimum=inclusive)
    upper = _JA_UPPER.match(after)
    if upper and upper.group(1) != "まで":
        used.add(index)
        inclusive = upper.group(1) in ("以下", "以内", "以下の")
        return _piece(
            text,
            start,
            end + upper.end(),
            amount,
            maximum_yen=amount.yen,
            include_maximum=inclusive,
        )
    if band := _JA_BAND.match(after):
        used.add(index)
        return _piece(
            text, start, end + band.end(), amount,
            minimum_yen=amount.yen,
            maximum_yen=amount.yen + amount.step,
            include_maximum=False,
        )  # fmt: skip
    english = _EN_BEFORE.search(before)
    word = english.group(1).lower() if english else ""
    if english and word in _EN_LOWER | _EN_UPPER:
        used.add(index)
        begin = start - len(english.group())
        if word in _EN_LOWER:
            return _piece(
                text, begin, end, amount, minimum_yen=amount.yen, include_minimum=_EN_LOWER[word]
            )
        return _piece(
            text, begin, end, amount, maximum_yen=amount.yen, include_maximum=_EN_UPPER[word]
        )
    if trailing := _EN_AFTER.match(after):
        used.add(index)
        below = trailing.group(1).lower() in ("or less", "or below", "and below", "and under")
        bound = "maximum_yen" if below else "minimum_yen"
        return _piece(text, start, end + trailing.end(), amount, **{bound: amount.yen})
    return None


def _with_unit_of(low: Amount, high: Amount, text: str) -> Amount:
    """200〜300万円, 2,000〜3,000千円, 2〜3千万円: the first number takes the second's unit
    (what the second's leading digits are multiplied by)."""
    number = parse_number(text[low.span.start : low.span.end])
    high_raw = text[high.span.start : high.span.end]
    digits = re.match(r"\d[\d,]*(?:\.\d+)?", high_raw)
    lead = Decimal(digits.group().replace(",", "")) if digits else Decimal(0)
    if number is not None and lead:
        yen = int(Decimal(number) * high.yen / lead)
        return Amount(yen, low.span, explicit_unit=True, step=low.step)
    # the second in kanji (三百万円, 二億円): the first takes its unit word; an English amount
    # always leads with digits (3 million), so it never comes here
    unit = next((v for mark, v in (("億", 100_000_000), ("万", 10_000)) if mark in high_raw), 1)
    if number is None:
        return low
    return Amount(int(number * unit), low.span, explicit_unit=True, step=low.step)


# -- counts and ordinals -------------------------------------------------------------------

_KANJI_SMALL = {c: i for i, c in enumerate(_DIGITS)} | {"十": 10}
_COUNT_AFTER = re.compile(
    r"^\s*(?:件|つ|個|本|位まで|位|事業|施策|項目|ヶ所|か所|カ所|箇所|地域|振興局|プロジェクト)"
)
_ORDINAL_AFTER = re.compile(r"^\s*(?:番目|位|番|st\b|nd\b|rd\b|th\b)", re.IGNORECASE)
_ENGLISH_COUNTED = re.compile(
    r"^\s+(?:biggest|largest|smallest|highest|lowest|most|least|cheapest|costliest|priciest|"
    r"measures|projects|"
    r"subprefectures|areas|regions)\b",
    re.IGNORECASE,
)
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
_NATIVE_COUNTS = {
    "ひとつ": 1, "ふたつ": 2, "みつつ": 3, "よつつ": 4, "いつつ": 5,
    "むつつ": 6, "ななつ": 7, "やつつ": 8, "ここのつ": 9,
}  # fmt: skip
_SMALL_NUMBER = re.compile(
    # a part of 4,000 or 1.5 is no count
    r"(?<![\d,，.])\d{1,3}(?!\d|[,，.]\d)|[一二三四五六七八九十]{1,2}"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CountPiece:
    """A small number asked for: how many items (上位3件) or which one (2番目)."""

    value: int
    span: Span
    ordinal: bool


def _small(raw: str) -> int | None:
    if raw.isdigit():
        return int(raw)
    if raw.lower() in _WORD_NUMBERS:
        return _WORD_NUMBERS[raw.lower()]
    number = parse_number(raw)
    return int(number) if number is not None else None


_RANKED_BEFORE = re.compile(fold(r"(?:上位|下位|トップ|ベスト|ワースト)\s*$"))
"""トップ三 (folded: とつぷ三): a kanji numeral after a ranking word is how many."""


_NUMBER_SIGN = re.compile(r"(?<![a-z])no\.?\s*(\d{1,2})(?![\d,.])", re.IGNORECASE)
"""No.1の振興局, No.2振興局: the first, the second."""


def find_counts(text: str, taken: list[bool]) -> list[CountPiece]:
    """上位3件, トップ5, 五つ, 2番目, 第2位, top 5, the 3 largest, second, 3rd."""
    found: list[CountPiece] = []
    for match in _SMALL_NUMBER.finditer(text):
        start, end = match.span()
        if any(taken[start:end]):
            continue
        after = text[end:]
        value = _small(match.group())
        if value is None or value < 1:
            continue
        if until := re.match(r"^\s*位まで", after):
            found.append(CountPiece(value, Span(start, end + until.end()), ordinal=False))
            continue  # 3位まで: the first three
        if (
            (ordinal := _ORDINAL_AFTER.match(after))
            and ordinal.group().strip() == "番"
            and value == 1
        ):
            continue  # 一番 is a superlative, not the first of a list
        if (ordinal := _ORDINAL_AFTER.match(after)) and not (
            match.group().isdigit()
            and ordinal.group().strip() == "位"
            and text[start - 2 : start] in ("上位", "下位")
        ):
            first = start - 1 if start and text[start - 1] == "第" else start
            found.append(CountPiece(value, Span(first, end + ordinal.end()), ordinal=True))
            continue
        if count := _COUNT_AFTER.match(after):
            kept = count.group().strip() in (
                "件",
                "つ",
                "個",
                "本",
                "位まで",
                "位",
                "項目",
                "ヶ所",
                "か所",
                "カ所",
                "箇所",
            )
            stop = end + count.end() if kept else end
            found.append(CountPiece(value, Span(start, stop), ordinal=False))
            continue
        if match.group().isascii() and not match.group().isdigit():
            if not _ENGLISH_COUNTED.match(after):
                continue  # "one" alone is not a count; "the two biggest" is
            found.append(CountPiece(value, Span(start, end), ordinal=False))
            continue
        if match.group().isdigit() or _RANKED_BEFORE.search(text[:start]):
            found.append(CountPiece(value, Span(start, end), ordinal=False))
    found += _ordinal_words(text, taken)
    return sorted(found + _native_counts(text, taken), key=lambda c: c.span.start)


def _ordinal_words(text: str, taken: list[bool]) -> list[CountPiece]:
    """No.2, second, 3rd: ordinals said as words or signs."""
    found: list[CountPiece] = []
    for match in _NUMBER_SIGN.finditer(text):
        start, end = match.span()
        if not any(taken[start:end]) and int(match.group(1)) > 1:  # No.1 is a superlative
            found.append(CountPiece(int(match.group(1)), Span(start, end), ordinal=True))
    for match in re.finditer(r"\b(" + "|".join(_ORDINAL_WORDS) + r")\b", text, re.IGNORECASE):
        start, end = match.span()
        if not any(taken[start:end]):
            found.append(
                CountPiece(_ORDINAL_WORDS[match.group(1).lower()], Span(start, end), ordinal=True)
            )
    return found


def _native_counts(text: str, taken: list[bool]) -> list[CountPiece]:
    """ひとつ, みっつ (folded: the small っ reads as つ); not やっつけ, …やつって or 言いつつ."""
    return [
        CountPiece(_NATIVE_COUNTS[match.group(1)], Span(*match.span(1)), ordinal=False)
        for match in re.finditer(
            r"(?:(?<![ぁ-ゔ])|(?<=[のをがはでともに])|(?<=とつぷ)|(?<=べすと)|(?<=わーすと))("
            + "|".join(_NATIVE_COUNTS)
            + r")(?![ぁ-ゔ](?<![のをがはでともずにま]))",
            text,
        )
        if not any(taken[match.start(1) : match.end(1)])
    ]


# -- fiscal years ----------------------------------------------------------------------------

_ERA_START = {"令和": 2018, "平成": 1988}
_YEAR = re.compile(
    r"(令和|平成)\s*(\d{1,2}|元)\s*年度?|(?<![a-z0-9])[rR](\d{1,2})(?:年度)?(?=\W|$|[^\x00-\x7f])|"
    r"(20\d\d)\s*年度|\bFY\s*'?(20\d\d|\d\d)(?![0-9])|(昨年度|去年|前年度|昨年|来年度|来年|今年度|今年|次年度|前年)",
    re.IGNORECASE,
)
_RELATIVE = {
    "昨年度": -1, "去年": -1, "前年度": -1, "昨年": -1, "前年": -1,
    "来年度": 1, "来年": 1, "次年度": 1, "今年度": 0, "今年": 0,
}  # fmt: skip


@dataclass(frozen=True)
class YearPiece:
    """A fiscal year named in a question, as a western year (2021 for 令和3年度), or relative."""

    western: int | None
    relative: int | None
    span: Span
    text: str


def find_years(text: str, taken: list[bool]) -> list[YearPiece]:
    found: list[YearPiece] = []
    for match in _YEAR.finditer(text):
        start, end = match.span()
        if any(taken[start:end]):
            continue
        era, era_year, r_year, western, fy, relative = match.groups()
        year: int | None = None
        if era:
            year = _ERA_START[era] + (1 if era_year == "元" else int(era_year))
        elif r_year:
            year = _ERA_START["令和"] + int(r_year)
        elif western:
            year = int(western)
        elif fy:
            year = int(fy) if len(fy) == 4 else 2000 + int(fy)
        found.append(
            YearPiece(
                year, _RELATIVE.get(relative) if relative else None, Span(start, end), match.group()
            )
        )
    return found
