#!/usr/bin/env python3
"""Prints the cells of a CSV file as a spreadsheet program's reader sees them: a JSON list of rows.

Reads with Python's own csv module (the "excel" dialect, strict: a malformed file is an error, exit 1),
UTF-8 with or without a byte-order mark, so DermDesk's CSV is checked by a reader that is not its own.
"""
import csv
import json
import sys


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: csv_cells.py FILE.csv", file=sys.stderr)
        return 2
    try:
        with open(sys.argv[1], encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle, dialect="excel", strict=True))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        print(f"csv_cells.py: {error}", file=sys.stderr)
        return 1
    json.dump(rows, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
