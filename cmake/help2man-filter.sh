#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# What help2man runs in place of tracesim (cmake/ManPages.cmake): `$TRACESIM "$@"`,
# its help reshaped into what help2man parses, the text unchanged:
#   - two spaces between an option and its description (boost leaves one when
#     the option fills its column: "-r [ --replications ] arg number of ...");
#   - a blank line before an "Options...:" caption, so that it starts a section;
#   - a blank line after each example line, so that examples stay one a line.
"$TRACESIM" "$@" 2>&1 | awk '
  { line[NR] = $0 }
  END {
    col = 0; examples = 0
    for (i = 1; i <= NR; i++) {
      l = line[i]
      if (l ~ /^[^ ].*:$/) {
        # A caption: the column where descriptions start in its block, from a
        # line whose option and description are apart by two spaces or more.
        col = 0
        for (j = i + 1; j <= NR && line[j] != ""; j++)
          if (line[j] ~ /^  -/ && match(line[j], /[^ ]  +[^ ]/)) { col = RSTART + RLENGTH - 1; break }
        if (l ~ /^Options/ && i > 1 && line[i - 1] != "") print ""
        examples = (l ~ /^Examples?:$/)
        print l
        continue
      }
      if (l == "") examples = 0
      if (col > 2 && l ~ /^  -/ && length(l) > col && substr(l, col - 1, 1) == " " &&
          substr(l, col - 2, 1) != " " && substr(l, col, 1) != " ")
        l = substr(l, 1, col - 1) " " substr(l, col)
      print l
      if (examples && l ~ /^  [^ ]/) print ""
    }
  }'
