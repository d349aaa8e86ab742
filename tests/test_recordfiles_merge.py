"""Merging records files: any order, repetition and split of imports gives one state."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit.core.recordfiles import canonical_map, import_files, join_profiles, overview
from tests.recordfiles_helpers import computer, make_files, state


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return make_files(tmp_path_factory.mktemp("recordfiles"))


@pytest.fixture(scope="module")
def expected(files: list[Path], tmp_path_factory: pytest.TempPathFactory):
    with computer(tmp_path_factory.mktemp("expected"), "all") as rec:
        import_files(rec.rdb, files)
        return state(rec)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_order_repetition_and_split_gives_the_same_records(data, files, expected):
    picks = data.draw(st.permutations(files)) + data.draw(
        st.lists(st.sampled_from(files), max_size=4)
    )
    cuts = sorted(data.draw(st.sets(st.integers(1, len(picks) - 1), max_size=4)))
    with tempfile.TemporaryDirectory() as tmp, computer(Path(tmp), "pc") as rec:
        start = 0
        for cut in [*cuts, len(picks)]:
            import_files(rec.rdb, picks[start:cut])
            start = cut
        assert state(rec) == expected
        assert rec.check() == []


def test_the_same_event_through_two_paths_is_one_event(files, tmp_path):
    with computer(tmp_path, "pc") as rec:
        first = import_files(rec.rdb, [files[0]])
        again = import_files(rec.rdb, [files[-1]])  # the hub had pc0's events too
        assert first.added["events"] == 4 + 4 + 1
        assert again.present["events"] >= first.added["events"]
        count = rec.rdb.query("SELECT count(*), count(DISTINCT id) FROM events")[0]
        assert count[0] == count[1]


def test_profiles_arrive_without_pin_as_learners_and_keep_their_ids(files, tmp_path):
    with computer(tmp_path, "pc") as rec:
        import_files(rec.rdb, [files[0]])
        names = {p.name: p for p in rec.list_profiles()}
        assert set(names) == {"Ana0", "Bea0"}
        assert not names["Ana0"].has_pin and names["Ana0"].role == "learner"
        with computer(tmp_path.parent / tmp_path.name, "again") as other:
            import_files(other.rdb, [files[0]])
            assert {p.id for p in other.list_profiles()} == {p.id for p in names.values()}


def test_a_profile_already_here_keeps_its_pin_and_name(tmp_path):
    from kit.core.recordfiles import export_records

    with computer(tmp_path, "a") as a:
        ana = a.create_profile("Ana", pin="1234")
        export_records(a.rdb, tmp_path / "a.kitrecords")
        a.rename_profile(ana.id, "Ana Maria")
        import_files(a.rdb, [tmp_path / "a.kitrecords"])
        assert a.profile(ana.id).name == "Ana Maria"
        assert a.profile(ana.id).has_pin


def test_joined_profiles_travel_and_show_as_one(files, tmp_path):
    with computer(tmp_path, "pc") as rec:
        import_files(rec.rdb, [files[-1]])
        mapping = canonical_map(rec.rdb)
        assert len(set(mapping.values())) == 1 and len(mapping) == 2
        pack = {"id": "pack", "modules": [{"id": "m", "items": [
            {"id": f"i{k}", "type": "lesson"} for k in range(4)]}]}  # fmt: skip
        view = overview(rec.rdb, [pack])
        assert len(view.learners) == 3  # four profiles, two of them joined
        joined = [r for r in view.learners if r.joined]
        assert joined[0].cells[0].done == 4


def test_joins_in_a_circle_resolve_the_same_whatever_the_order(tmp_path):
    from kit.core.records.timeutil import utc_now_text

    with computer(tmp_path, "pc") as rec:
        ids = [rec.create_profile(n).id for n in ("A", "B", "C")]
        join_profiles(rec.rdb, ids[0], ids[1])
        join_profiles(rec.rdb, ids[1], ids[2])
        with pytest.raises(Exception, match="already joined"):
            join_profiles(rec.rdb, ids[2], ids[0])
        with rec.rdb.write() as db:  # a join that came from another computer
            db.execute(
                "INSERT INTO profile_aliases VALUES ('x', ?, ?, ?, 'd')",
                [ids[2], ids[0], utc_now_text()],
            )
        mapping = canonical_map(rec.rdb)
        assert set(mapping.values()) == {min(ids)}


def test_a_joined_learner_stays_in_the_overview_when_the_kept_profile_is_deleted(tmp_path):
    with computer(tmp_path, "pc") as rec:
        keep, other = rec.create_profile("Keep").id, rec.create_profile("Other").id
        join_profiles(rec.rdb, keep, other)
        assert [r.name for r in overview(rec.rdb, []).learners] == ["Keep"]
        rec.delete_profile(keep)
        assert [r.name for r in overview(rec.rdb, []).learners] == ["Other"]
