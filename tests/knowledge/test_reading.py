from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from knowledge import load_knowledge
from knowledge.reading import Reader, romaji_of

READER = Reader(load_knowledge().regions.reading_overrides())


def test_readings_and_romaji():
    assert READER.reading("鹿肉") == "しかにく"
    assert READER.reading("鰊") == "にしん"
    assert READER.romaji("縄文") == "jomon"
    assert romaji_of("ソウヤ") == "soya"


def test_place_names_come_from_the_region_table():
    assert Reader().reading("渡島") != "おしま"  # what a general reader gets wrong
    assert READER.reading("渡島") == "おしま"
    assert READER.reading("後志") == "しりべし"
    assert READER.romaji("JOMON渡島") == "jomonoshima"


def test_latin_digits_and_symbols_keep_their_surface():
    words = READER.morphemes("ShiriBeshi ニシン 2021「事業」")
    assert [w.reading for w in words] == ["shiribeshi", "にしん", "2021", "「", "じぎよう", "」"]


def test_offsets_point_into_the_text():
    text = "空知地域エゾシカ肉"
    assert [text[w.start : w.end] for w in READER.morphemes(text)] == [
        "空知",
        "地域",
        "エゾシカ",
        "肉",
    ]


def test_readings_are_computed_once_per_string():
    first = READER.morphemes("日高山脈襟裳国定公園")
    assert READER.morphemes("日高山脈襟裳国定公園") is first


def test_readings_from_many_threads_at_once():
    """The bot answers questions in worker threads; the tokenizer must not be shared unguarded."""
    reader = Reader()
    texts = [f"エゾシカ肉の活用{i}号と鹿肉{i}" for i in range(400)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        readings = list(pool.map(reader.reading, texts))
    assert all(r.startswith("えぞしかにくのかつよう") for r in readings)
