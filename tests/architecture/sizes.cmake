# SPDX-License-Identifier: Apache-2.0
# Fails when a source file grows past the house limit of 600 lines (CONTRIBUTING.md):
# a file that long holds more than one idea and should be split.
# Run as: cmake -DROOT=<source dir> -P sizes.cmake
cmake_minimum_required(VERSION 3.25)
set(limit 600)
file(GLOB_RECURSE files "${ROOT}/sim/*.cpp" "${ROOT}/sim/*.hpp" "${ROOT}/include/*.hpp"
     "${ROOT}/tests/*.cpp" "${ROOT}/tests/*.hpp" "${ROOT}/bench/*.cpp")
set(failed FALSE)
foreach(file IN LISTS files)
  file(READ "${file}" text)
  string(REGEX MATCHALL "\n" newlines "${text}")
  list(LENGTH newlines count)
  if(count GREATER limit)
    message(SEND_ERROR "${file}: ${count} lines, over the limit of ${limit}")
    set(failed TRUE)
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "sizes: split the files above")
endif()
