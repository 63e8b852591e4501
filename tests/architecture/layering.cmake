# SPDX-License-Identifier: Apache-2.0
# Checks every #include of every module against an allow-list (docs/architecture.md):
# which modules it may use (the link graph), which third-party libraries, whether it
# may use POSIX headers, and which standard headers it must not use. An include that
# fits no rule fails too, so a new dependency is always a deliberate edit of this file.
# Run as: cmake -DROOT=<source dir> -P layering.cmake
cmake_minimum_required(VERSION 3.25)

set(modules kernel analytic model scenario output sweep report cluster cli)

# Project modules each module may include (itself included).
set(uses_kernel   kernel)
set(uses_analytic analytic)
set(uses_model    model kernel)
set(uses_scenario scenario model kernel)
set(uses_output   output model kernel)
set(uses_sweep    sweep scenario output model kernel)
set(uses_report   report scenario output model kernel)
# cluster moves a replication's results between the ranks of an MPI job: it knows the
# model's RunResult and nothing above it; the CLI glues it to sweep.
set(uses_cluster  cluster model kernel)
set(uses_cli      cli sweep scenario output model kernel analytic report cluster)

# Third-party libraries (Boost by component), each private to the modules named here.
set(libs_kernel)
set(libs_analytic)
set(libs_model    boost/random)
set(libs_scenario yaml-cpp)
set(libs_output   nlohmann boost/math)
set(libs_sweep    nlohmann boost/asio nlopt)
set(libs_report   nlohmann)
set(libs_cluster  mpi)  # the MPI C API (mpi.h), in cluster only
set(libs_cli      nlohmann boost/asio boost/program_options boost/version)

# Modules that may talk to the operating system (files, signals, processes).
set(posix_modules output sweep report cli)
# Standard headers the pure modules must not include: they never print nor read files.
set(no_io_modules kernel analytic model)
set(io_headers iostream fstream)

set(failed FALSE)
function(reject module file line why)
  message(SEND_ERROR "${module}: ${why}: ${file}: ${line}")
  set(failed TRUE PARENT_SCOPE)
endfunction()

foreach(module IN LISTS modules)
  file(GLOB_RECURSE files "${ROOT}/include/tracesim/${module}/*" "${ROOT}/sim/${module}/*")
  if(NOT files)
    message(SEND_ERROR "module ${module} has no files: update this allow-list")
    set(failed TRUE)
  endif()
  foreach(file IN LISTS files)
    file(STRINGS "${file}" includes REGEX "^[ \t]*#[ \t]*include")
    foreach(line IN LISTS includes)
      if(NOT line MATCHES "#[ \t]*include[ \t]*([<\"])([^>\"]+)[>\"]")
        reject(${module} "${file}" "${line}" "unreadable include")
        continue()
      endif()
      set(quote "${CMAKE_MATCH_1}")
      set(target "${CMAKE_MATCH_2}")
      if(target MATCHES "^tracesim/([a-z]+)/")
        set(used "${CMAKE_MATCH_1}")
        if(NOT used IN_LIST uses_${module})
          reject(${module} "${file}" "${line}" "may not use module '${used}'")
        endif()
      elseif(quote STREQUAL "\"")
        # A private header of the same module (or a generated one): allowed.
      elseif(target MATCHES "^boost/([a-z_]+)")
        set(lib "boost/${CMAKE_MATCH_1}")
        if(NOT lib IN_LIST libs_${module})
          reject(${module} "${file}" "${line}" "may not use ${lib}")
        endif()
      elseif(target MATCHES "^(yaml-cpp|nlohmann|catch2)/")
        set(lib "${CMAKE_MATCH_1}")
        if(NOT lib IN_LIST libs_${module})
          reject(${module} "${file}" "${line}" "may not use ${lib}")
        endif()
      elseif(target STREQUAL "mpi.h")
        if(NOT "mpi" IN_LIST libs_${module})
          reject(${module} "${file}" "${line}" "may not use MPI")
        endif()
      elseif(target STREQUAL "nlopt.hpp")
        if(NOT "nlopt" IN_LIST libs_${module})
          reject(${module} "${file}" "${line}" "may not use nlopt")
        endif()
      elseif(target MATCHES "^[a-z_0-9]+$")
        if(module IN_LIST no_io_modules AND target IN_LIST io_headers)
          reject(${module} "${file}" "${line}" "does no file or console I/O")
        endif()
      elseif(target MATCHES "^(sys/[a-z_]+|[a-z_]+)\\.h$")
        if(NOT module IN_LIST posix_modules)
          reject(${module} "${file}" "${line}" "may not use system headers")
        endif()
      else()
        reject(${module} "${file}" "${line}" "include fits no rule of the allow-list")
      endif()
    endforeach()
  endforeach()
endforeach()

# Public scenario headers never show YAML, whatever they include.
file(GLOB headers "${ROOT}/include/tracesim/scenario/*.hpp")
foreach(file IN LISTS headers)
  file(STRINGS "${file}" bad REGEX "yaml-cpp|YAML::")
  if(bad)
    message(SEND_ERROR "public scenario header exposes yaml-cpp: ${file}")
    set(failed TRUE)
  endif()
endforeach()

if(failed)
  message(FATAL_ERROR "layering: the allow-list above was broken")
endif()
