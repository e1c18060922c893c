"""The formats a published chronology is exported in, built without the database from
what curation/chronology/export_reads.py reads. The views in
views/exports.py and views/web_annotations.py serve them; each module here is one format:

    dates          precision names and calendar spans of EDTF values
    html           an entry's citations as escaped HTML (TimelineJS text, Atom summary)
    timelinejs     Knight Lab TimelineJS slides
    csvtable       CSV rows, guarded against formula injection
    ical           iCalendar components (through the icalendar package)
    webannotation  W3C Web Annotation Data Model annotations, pages and collections
"""
