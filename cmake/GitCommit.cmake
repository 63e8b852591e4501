# SPDX-License-Identifier: Apache-2.0
# Writes OUTPUT, a header defining TRACESIM_GIT_COMMIT: `git describe --always
# --dirty` of SOURCE_DIR when it is the top of a git checkout, else "unknown"
# (a source archive, or no git). Run at every build (cmake -P), so the commit is
# that of the build, not of the last configure; configure_file rewrites OUTPUT
# only when the text changes, so an unchanged commit recompiles nothing.
# Usage: cmake -DSOURCE_DIR=... -DOUTPUT=... [-DGIT=/usr/bin/git] -P GitCommit.cmake
cmake_minimum_required(VERSION 3.25)

set(TRACESIM_GIT_COMMIT unknown)
if(GIT AND EXISTS "${SOURCE_DIR}/.git")
  execute_process(COMMAND "${GIT}" -C "${SOURCE_DIR}" rev-parse --show-toplevel
                  OUTPUT_VARIABLE top OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE rc)
  if(rc EQUAL 0)
    file(REAL_PATH "${top}" top)
    file(REAL_PATH "${SOURCE_DIR}" source)
  endif()
  if(rc EQUAL 0 AND top STREQUAL source)
    execute_process(COMMAND "${GIT}" -C "${SOURCE_DIR}" describe --always --dirty --abbrev=12
                    OUTPUT_VARIABLE described OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE rc)
    if(rc EQUAL 0 AND described MATCHES "^[A-Za-z0-9._+-]+$")
      set(TRACESIM_GIT_COMMIT "${described}")
    endif()
  endif()
endif()

file(WRITE "${OUTPUT}.new" "// Generated at build time by cmake/GitCommit.cmake.\n#pragma once\n"
                           "#define TRACESIM_GIT_COMMIT \"${TRACESIM_GIT_COMMIT}\"\n")
configure_file("${OUTPUT}.new" "${OUTPUT}" COPYONLY)
file(REMOVE "${OUTPUT}.new")
