# SPDX-License-Identifier: Apache-2.0
# Writes the manual pages of the built binary into OUT_DIR with help2man: tracesim.1
# from `tracesim --help`, and one page per command, tracesim-<command>.1 from
# `tracesim <command> --help`. The commands and their one-line descriptions are
# read from the "Commands:" list of `tracesim --help`, so a new command gets its
# page without an edit here. Pages are gzipped (-9n: no name, no time stamp).
# Usage: cmake -DTRACESIM=... -DHELP2MAN=... -DOUT_DIR=... -P ManPages.cmake
cmake_minimum_required(VERSION 3.25)

execute_process(COMMAND "${TRACESIM}" --help OUTPUT_VARIABLE usage RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${TRACESIM} --help failed (${rc})")
endif()
execute_process(COMMAND "${TRACESIM}" --version OUTPUT_VARIABLE version_line OUTPUT_STRIP_TRAILING_WHITESPACE
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT version_line MATCHES "^tracesim (.+)$")
  message(FATAL_ERROR "${TRACESIM} --version printed '${version_line}'")
endif()
set(version "${CMAKE_MATCH_1}")

# "  run FILE       simulate a scenario ..." -> run;simulate a scenario ...
string(REGEX MATCH "\nCommands:\n([^\n]+\n)+" block "${usage}")
string(REPLACE "\n" ";" lines "${block}")
set(commands)
foreach(line IN LISTS lines)
  if(line MATCHES "^  ([a-z]+)( [A-Z]+)? +(.+)$")
    list(APPEND commands "${CMAKE_MATCH_1}")
    set(about_${CMAKE_MATCH_1} "${CMAKE_MATCH_3}")
  endif()
endforeach()
list(LENGTH commands n)
if(n LESS 2)
  message(FATAL_ERROR "no command list in `${TRACESIM} --help`")
endif()

file(REMOVE_RECURSE "${OUT_DIR}")
file(MAKE_DIRECTORY "${OUT_DIR}")

# help2man reads the help through cmake/help2man-filter.sh, which runs $TRACESIM.
set(filter "${CMAKE_CURRENT_LIST_DIR}/help2man-filter.sh")
set(ENV{TRACESIM} "${TRACESIM}")
set(all_pages "tracesim(1)")
foreach(c IN LISTS commands)
  string(APPEND all_pages ", tracesim-${c}(1)")
endforeach()

# page: the page name; about: the NAME line; extra: help2man arguments; include: sections to add.
function(write_page page about include)
  file(WRITE "${OUT_DIR}/${page}.h2m" "${include}")
  execute_process(
    COMMAND "${HELP2MAN}" --no-info --no-discard-stderr --section=1 "--name=${about}"
            "--manual=tracesim manual" "--source=tracesim ${version}"
            "--include=${OUT_DIR}/${page}.h2m" --output=${OUT_DIR}/${page}.1 ${ARGN}
    RESULT_VARIABLE rc ERROR_VARIABLE err)
  file(REMOVE "${OUT_DIR}/${page}.h2m")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "help2man failed for ${page}: ${err}")
  endif()
  execute_process(COMMAND gzip -9nf "${OUT_DIR}/${page}.1" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gzip failed for ${page}.1")
  endif()
endfunction()

write_page(tracesim "simulate a contact-tracing call centre"
  "[ENVIRONMENT]
.TP
.B SLURM_CPUS_PER_TASK
With \\fB-j 0\\fR (the default) a command starts at most as many worker threads as
the CPUs this process may use: the smallest of its affinity mask (\\fBtaskset\\fR),
this variable when set, and the CPU quota of its cgroup.
[FILES]
.TP
.I PREFIX/share/doc/tracesim/docs
the documentation: cli.md (every option and exit code), scenario-format.md, outputs.md, model.md.
PREFIX is /usr for the Debian package, /usr/local by default for \\fBcmake --install\\fR.
.TP
.I PREFIX/share/tracesim/scenarios
the shipped scenarios, e.g. \\fBtracesim run /usr/share/tracesim/scenarios/occitanie-2021.yaml\\fR;
the case curves they can be given (\\fB--cases\\fR) are in PREFIX/share/tracesim/data/cases.
[SEE ALSO]
${all_pages}
"
  "${filter}")
foreach(c IN LISTS commands)
  write_page(tracesim-${c} "${about_${c}}" "[SEE ALSO]
tracesim(1), and PREFIX/share/doc/tracesim/docs/cli.md
"
    "--help-option=${c} --help" "--version-string=tracesim-${c} ${version}" "${filter}")
endforeach()
file(WRITE "${OUT_DIR}/pages.txt" "tracesim\n")
foreach(c IN LISTS commands)
  file(APPEND "${OUT_DIR}/pages.txt" "tracesim-${c}\n")
endforeach()
