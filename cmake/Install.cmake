# SPDX-License-Identifier: Apache-2.0
# What `cmake --install` puts where (GNU layout under CMAKE_INSTALL_PREFIX), and
# the Debian package CPack builds from it (`cpack -G DEB` in the build folder):
#   bin/tracesim
#   share/man/man1/tracesim.1.gz, tracesim-<command>.1.gz   (help2man, at build time)
#   share/bash-completion/completions/tracesim
#   share/tracesim/scenarios/*.yaml, share/tracesim/data/cases/*.csv
#   share/doc/tracesim/   README.md, CONTRIBUTING.md and docs/
# data/ sits beside scenarios/ as in the source tree, so the paths in the
# scenarios' comments and examples (data/cases/...) read the same after install.
include(GNUInstallDirs)

set(TRACESIM_DATA_DIR ${CMAKE_INSTALL_DATADIR}/tracesim)
set(TRACESIM_DOC_DIR ${CMAKE_INSTALL_DATADIR}/doc/tracesim)

install(TARGETS tracesim RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/scenarios/ DESTINATION ${TRACESIM_DATA_DIR}/scenarios)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/data/cases DESTINATION ${TRACESIM_DATA_DIR}/data)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${TRACESIM_DOC_DIR}/docs)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/CONTRIBUTING.md DESTINATION ${TRACESIM_DOC_DIR})
install(FILES ${PROJECT_SOURCE_DIR}/scripts/completion/tracesim.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME tracesim)

# Manual pages, generated from the built binary's --help; regenerated when it changes.
find_program(TRACESIM_HELP2MAN help2man DOC "help2man, for the manual pages (Debian: help2man)")
if(TRACESIM_HELP2MAN)
  set(man_dir ${CMAKE_CURRENT_BINARY_DIR}/man)
  add_custom_command(OUTPUT ${man_dir}/pages.txt
    COMMAND ${CMAKE_COMMAND} -DTRACESIM=$<TARGET_FILE:tracesim> -DHELP2MAN=${TRACESIM_HELP2MAN}
            -DOUT_DIR=${man_dir} -P ${PROJECT_SOURCE_DIR}/cmake/ManPages.cmake
    DEPENDS tracesim ${PROJECT_SOURCE_DIR}/cmake/ManPages.cmake
    COMMENT "Writing the manual pages (help2man)" VERBATIM)
  add_custom_target(tracesim_man ALL DEPENDS ${man_dir}/pages.txt)
  install(DIRECTORY ${man_dir}/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 FILES_MATCHING PATTERN "*.1.gz")
else()
  message(WARNING "help2man not found (apt-get install help2man): no manual pages will be installed")
endif()

# The Debian package: Depends from the binary's shared libraries (dpkg-shlibdeps, in dpkg-dev).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME tracesim)
set(CPACK_PACKAGE_VENDOR "tracesim maintainers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "tracesim simulates the contact-tracing platforms of a health authority: index cases arriving
day by day, the contacts they name, call attempts with retries and deadlines, SMS by policy,
an inbound line, and the staff who work shifts across all of it. It answers what share of
contacts is reached in time, how big the backlog gets and how many agents a target needs
(commands run, sweep, staff, calibrate, erlang, report). The shipped scenarios are in
/usr/share/tracesim/scenarios, the documentation in /usr/share/doc/tracesim.")
set(CPACK_PACKAGE_CONTACT "tracesim maintainers <maintainers@users.noreply.h-seed-b1ef4f53.example>"
    CACHE STRING "The Maintainer field of the Debian package")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # tracesim_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion, man-db")
include(CPack)
