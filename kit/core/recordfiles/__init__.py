"""Records files: learners' records carried between computers and merged by id.

    from kit.core.recordfiles import export_records, import_files, join_profiles, overview
    export_records(records.rdb, Path("village.kitrecords"), profile_ids=None, since=None)
    result = import_files(records.rdb, [Path("village.kitrecords")])   # MergeResult
    join_profiles(records.rdb, keep_id, other_id)
    view = overview(records.rdb, [library.get_pack(p["id"]) for p in library.list_packs()])

See docs/records.md for the file format and the merge rules.
"""

from kit.core.recordfiles.export import export_records, parse_since
from kit.core.recordfiles.fileformat import SUFFIX, RecordFileError
from kit.core.recordfiles.joins import canonical_map, join_profiles
from kit.core.recordfiles.merge import MergeResult, import_files, merge_rows, read_files
from kit.core.recordfiles.overview import Overview, overview, write_csv

__all__ = [
    "SUFFIX",
    "MergeResult",
    "Overview",
    "RecordFileError",
    "canonical_map",
    "export_records",
    "import_files",
    "join_profiles",
    "merge_rows",
    "overview",
    "parse_since",
    "read_files",
    "write_csv",
]
