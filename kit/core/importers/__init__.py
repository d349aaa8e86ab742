"""Importers: turn existing open training material into pack sources.

- `wikiedu.import_wikiedu(training_dir, out_dir, options)`: Wiki Education Dashboard
  training libraries (one pack source per library);
- `carpentries.import_carpentries(lesson_dir, out_dir, options)`: a Carpentries
  Workbench lesson (one pack source).

Both collect what they could not carry over as warnings (ImportReport) and never
stop at a real-world inconsistency; the sources they write pass `kit pack validate`.
"""
